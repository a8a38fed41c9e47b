import { otherMethods, publicApiRoute } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { databaseIsReachable } from "@/lib/data/health";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = publicApiRoute(endpoints.health, async () => {
  if (!(await databaseIsReachable()))
    throw new AppError("unavailable", "The database does not answer.", {
      details: { reason: "database_down" },
    });
  return { status: "ok", database: "ok" };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
