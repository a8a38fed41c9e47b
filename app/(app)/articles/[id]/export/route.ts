// GET /articles/:id/export?format=md|html|json|csv|claimreview&unapproved=1 — the verified summary
// of one article as a download.
import { authedRoute, parseSearchParams } from "@/lib/auth/route";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, FORMATS, renderExport } from "@/lib/export";
import { articleIdParamSchema, summaryExportQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

const MESSAGES: Record<string, string> = {
  unknownFormat: `Unknown export format. Use one of: ${FORMATS.join(", ")}.`,
  invalidFlag: "The unapproved parameter must be 0 or 1.",
};

export const GET = authedRoute({}, async (request, { params }) => {
  const { format, unapproved } = parseSearchParams(summaryExportQuerySchema, request, MESSAGES);
  const id = articleIdParamSchema.safeParse(params.id);
  const input = id.success
    ? await getSummaryInput({ articleId: id.data, includeUnapproved: unapproved })
    : undefined;
  if (!input) throw new AppError("not_found", "This article does not exist or was deleted.");

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
});
