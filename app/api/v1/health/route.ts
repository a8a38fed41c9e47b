import { publicApiRoute } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { databaseIsReachable } from "@/lib/data/health";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = publicApiRoute(endpoints.health, async () => {
  if (!(await databaseIsReachable())) throw new AppError("unavailable", "The database does not answer.");
  return { status: "ok", database: "ok" };
});
