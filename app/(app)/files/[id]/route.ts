// GET /files/:id — a kept file (document or snapshot) for a signed-in account: always a download
// (Content-Disposition: attachment, nosniff, a sandboxing CSP), never shown inline.
import { authedRoute } from "@/lib/auth/route";
import { getKeptFile } from "@/lib/data/evidence";
import { AppError } from "@/lib/errors";
import { downloadHeaders } from "@/lib/evidence/upload";
import { parseIdParam } from "@/lib/validation/id";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.unknown().transform(parseIdParam) });

export const GET = authedRoute({ params: paramsSchema }, async ({ params }) => {
  if (params.id === null) {
    throw new AppError("not_found", "This file does not exist.", { details: { reason: "file_not_found" } });
  }
  const { file, bytes } = await getKeptFile({ id: params.id });
  return new Response(new Uint8Array(bytes), { headers: downloadHeaders(file) });
});
