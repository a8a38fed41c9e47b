// GET /exports/download?format=jsonl|csv&from=YYYY-MM-DD&to=YYYY-MM-DD — every verified article of
// the date range as one file, streamed batch by batch. The totals come first, in headers, so the
// page can show progress while it reads the body. CSV: &separator=comma|semicolon (default:
// semicolon when the interface is French), always with a byte order mark. Claim links use
// APP_URL, else the request's origin.
import { exportAppUrl } from "@/lib/app-url";
import { authedRoute } from "@/lib/auth/route";
import { countVerifiedArticles, iterateVerifiedSummaryInputs } from "@/lib/data/summary";
import {
  BULK_FORMAT_INFO,
  bulkExportChunks,
  bulkFileName,
  contentDisposition,
  textStream,
} from "@/lib/export";
import { defaultCsvSeparator } from "@/lib/export/format-names";
import { requestLocale } from "@/lib/i18n/locale";
import { bulkExportQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ query: bulkExportQuerySchema }, async ({ query, request, user }) => {
  const { format, separator, from, to } = query;
  const range = { from, to };
  const totals = await countVerifiedArticles(range);
  const info = BULK_FORMAT_INFO[format];
  const csvSeparator = separator ?? defaultCsvSeparator(requestLocale(request, user.locale));
  const batches = iterateVerifiedSummaryInputs({ range, appUrl: exportAppUrl(request) });
  const stream = textStream(
    bulkExportChunks(format, batches, { separator: csvSeparator === "semicolon" ? ";" : "," }),
  );

  return new Response(stream, {
    headers: {
      "Content-Type": info.mimeType,
      "Content-Disposition": contentDisposition(bulkFileName(range, format)),
      // no-transform: a compressing proxy (or next start) would hold chunks back and stall the progress.
      "Cache-Control": "private, no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
      "X-Total-Articles": String(totals.articles),
      "X-Total-Claims": String(totals.claims),
      "X-Total-Records": String(info.record === "article" ? totals.articles : totals.claims),
    },
  });
});
