// GET /articles/:id/export?format=md|html|json|csv|claimreview&unapproved=1 — the verified summary
// of one article as a download. CSV: &separator=comma|semicolon (default: semicolon when the
// interface or the article is French), always with a byte order mark. ClaimReview: &uncommented=1
// also writes the claims nobody answered. Claim links use APP_URL, else the request's origin.
import { exportAppUrl } from "@/lib/app-url";
import { authedRoute } from "@/lib/auth/route";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, renderExport } from "@/lib/export";
import { defaultCsvSeparator } from "@/lib/export/format-names";
import { requestLocale } from "@/lib/i18n/locale";
import { summaryExportQuerySchema } from "@/lib/validation/export";
import { parseIdParam } from "@/lib/validation/id";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

// A path that does not name an article (not a canonical id) is as unknown as a deleted one: 404.
const paramsSchema = z.object({ id: z.unknown().transform(parseIdParam) });

export const GET = authedRoute(
  { params: paramsSchema, query: summaryExportQuerySchema },
  async ({ params, query, request, user }) => {
    const { format, unapproved, separator, uncommented } = query;
    const input =
      params.id === null
        ? undefined
        : await getSummaryInput({
            articleId: params.id,
            includeUnapproved: unapproved,
            appUrl: exportAppUrl(request),
          });
    if (!input) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }

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
  },
);
