// GET /articles/:id/export?format=md|html|json|csv|claimreview&unapproved=1 — the verified summary
// of one article as a download. CSV: &separator=comma|semicolon (default: semicolon when the
// interface or the article is French), always with a byte order mark. ClaimReview: &uncommented=1
// also writes the claims nobody answered. Claim links use APP_URL, else the request's origin.
import { exportAppUrl } from "@/lib/app-url";
import { authedRoute, parseSearchParams } from "@/lib/auth/route";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, FORMATS, renderExport } from "@/lib/export";
import { CSV_SEPARATORS, defaultCsvSeparator } from "@/lib/export/format-names";
import { requestLocale } from "@/lib/i18n/locale";
import { articleIdParamSchema, summaryExportQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

const MESSAGES: Record<string, string> = {
  unknownFormat: `Unknown export format. Use one of: ${FORMATS.join(", ")}.`,
  invalidFlag: "The unapproved and uncommented parameters must be 0 or 1.",
  unknownSeparator: `Unknown CSV separator. Use one of: ${CSV_SEPARATORS.join(", ")}.`,
};

export const GET = authedRoute({}, async (request, { user, params }) => {
  const { format, unapproved, separator, uncommented } = parseSearchParams(
    summaryExportQuerySchema,
    request,
    MESSAGES,
  );
  const id = articleIdParamSchema.safeParse(params.id);
  const input = id.success
    ? await getSummaryInput({
        articleId: id.data,
        includeUnapproved: unapproved,
        appUrl: exportAppUrl(request),
      })
    : undefined;
  if (!input) throw new AppError("not_found", "This article does not exist or was deleted.");

  const csvSeparator =
    separator ?? defaultCsvSeparator(requestLocale(request, user.locale), input.article.language);
  // The byte order mark lets spreadsheets read the accents of a CSV as UTF-8.
  const text = renderExport(input, format, {
    bom: true,
    separator: csvSeparator === "semicolon" ? ";" : ",",
    includeUncommented: uncommented,
  });
  return new Response(text, {
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
