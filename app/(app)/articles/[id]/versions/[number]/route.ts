// GET /articles/:id/versions/:number?format=md|html|json|csv|claimreview — a published version's
// file, exactly as it was published (issue 16).
import { authedRoute } from "@/lib/auth/route";
import { versionFileResponse } from "@/lib/api/versions";
import { getSummaryVersionFile } from "@/lib/data/publish";
import { AppError } from "@/lib/errors";
import { parseIdParam } from "@/lib/validation/id";
import { versionFileQuerySchema } from "@/lib/validation/api";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  id: z.unknown().transform(parseIdParam),
  number: z.unknown().transform(parseIdParam),
});

export const GET = authedRoute(
  { params: paramsSchema, query: versionFileQuerySchema },
  async ({ params, query }) => {
    const file =
      params.id === null || params.number === null
        ? undefined
        : await getSummaryVersionFile({ articleId: params.id, number: params.number, format: query.format });
    if (!file) {
      throw new AppError("not_found", "This article has no published version with that number.", {
        details: { reason: "version_not_found" },
      });
    }
    return versionFileResponse(file, query.format);
  },
);
