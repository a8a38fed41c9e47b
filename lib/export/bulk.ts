// The bulk export: many verified articles as one JSON Lines or CSV file, produced piece by piece
// from an async source of article batches, so that no step ever holds the whole export.
import { BULK_FORMATS, isBulkFormat, type BulkFormat } from "./format-names";
import { csvClaimValues, csvRow, CSV_BOM, CSV_COLUMNS, type CsvSeparator } from "./csv";
import { summaryToJsonValue } from "./json";
import { buildSummary, summaryItems } from "./summary";
import type { SummaryInput } from "./types";

export { BULK_FORMATS, isBulkFormat, type BulkFormat };
export { createRecordCounter } from "./progress";

export type BulkFormatInfo = {
  mimeType: string;
  extension: string;
  /** What one record of the file is: a JSON line per article, a CSV row per claim. */
  record: "article" | "claim";
};

export const BULK_FORMAT_INFO: Record<BulkFormat, BulkFormatInfo> = {
  jsonl: { mimeType: "application/jsonl; charset=utf-8", extension: "jsonl", record: "article" },
  csv: { mimeType: "text/csv; charset=utf-8; header=present", extension: "csv", record: "claim" },
};

/** "verified-articles-2026-11-01-to-2026-11-30.jsonl" (or "…-2026-11-24.csv" for a single day). */
export function bulkFileName(range: { from: string; to: string }, format: BulkFormat): string {
  const days = range.from === range.to ? range.from : `${range.from}-to-${range.to}`;
  return `verified-articles-${days}.${BULK_FORMAT_INFO[format].extension}`;
}

/** One article as one line of JSON Lines: the JSON summary without line breaks, then "\n". */
export function toJsonLine(input: SummaryInput): string {
  return `${JSON.stringify(summaryToJsonValue(buildSummary(input)))}\n`;
}

/** The CSV records of one article's claims, in summary order, without a header. */
export function toCsvRows(input: SummaryInput, separator: CsvSeparator = ","): string {
  const summary = buildSummary(input);
  return summaryItems(summary)
    .map((item) => csvRow(csvClaimValues(summary.article, item), separator))
    .join("");
}

/**
 * The file as text chunks: for CSV a byte order mark and the header first, then one chunk per
 * batch of articles. Pulls the next batch only when the consumer asks for the next chunk.
 * `separator` applies to CSV (default ",").
 */
export async function* bulkExportChunks(
  format: BulkFormat,
  batches: AsyncIterable<readonly SummaryInput[]>,
  { separator = "," }: { separator?: CsvSeparator } = {},
): AsyncGenerator<string, void, undefined> {
  if (format === "csv") yield `${CSV_BOM}${csvRow(CSV_COLUMNS, separator)}`;
  for await (const batch of batches) {
    const chunk = batch
      .map((input) => (format === "csv" ? toCsvRows(input, separator) : toJsonLine(input)))
      .join("");
    if (chunk !== "") yield chunk;
  }
}

/**
 * A byte stream over text chunks that asks for a chunk only when its reader wants one (pull),
 * so a slow download never piles chunks up in memory. Cancelling the stream (the client went
 * away) closes the source, which lets it release what it holds.
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
