// GET /articles/:id/export?format=md|html|json|csv|claimreview&unapproved=1 — the verified summary
// of one article as a download.
import { authedRoute } from "@/lib/auth/route";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, renderExport } from "@/lib/export";
import { summaryExportQuerySchema } from "@/lib/validation/export";
import { parseIdParam } from "@/lib/validation/id";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

// A path that does not name an article (not a canonical id) is as unknown as a deleted one: 404.
const paramsSchema = z.object({ id: z.unknown().transform(parseIdParam) });

export const GET = authedRoute(
  { params: paramsSchema, query: summaryExportQuerySchema },
  async ({ params, query }) => {
    const { format, unapproved } = query;
    const input =
      params.id === null
        ? undefined
        : await getSummaryInput({ articleId: params.id, includeUnapproved: unapproved });
    if (!input) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }

    // The byte order mark lets spreadsheets read the accents of a CSV as UTF-8.
    return new Response(renderExport(input, format, { bom: true }), {
      headers: {
        "Content-Type": FORMAT_INFO[format].mimeType,
        "Content-Disposition": contentDisposition(
          exportFileName(input.article, format, { includeUnapproved: unapproved }),
        ),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
