// The bulk export: many verified articles as one JSON Lines or CSV file, produced piece by piece
// from an async source of article batches, so that no step ever holds the whole export.
import { csvClaimValues, csvRow, CSV_BOM, CSV_COLUMNS } from "./csv";
import { summaryToJsonValue } from "./json";
import { buildSummary, summaryItems } from "./summary";
import type { SummaryInput } from "./types";

export const BULK_FORMATS = ["jsonl", "csv"] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

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

export function isBulkFormat(value: unknown): value is BulkFormat {
  return typeof value === "string" && (BULK_FORMATS as readonly string[]).includes(value);
}

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
export function toCsvRows(input: SummaryInput): string {
  const summary = buildSummary(input);
  return summaryItems(summary)
    .map((item) => csvRow(csvClaimValues(summary.article, item)))
    .join("");
}

/**
 * The file as text chunks: for CSV a byte order mark and the header first, then one chunk per
 * batch of articles. Pulls the next batch only when the consumer asks for the next chunk.
 */
export async function* bulkExportChunks(
  format: BulkFormat,
  batches: AsyncIterable<readonly SummaryInput[]>,
): AsyncGenerator<string, void, undefined> {
  if (format === "csv") yield `${CSV_BOM}${csvRow(CSV_COLUMNS)}`;
  for await (const batch of batches) {
    const chunk = batch.map(format === "csv" ? toCsvRows : toJsonLine).join("");
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

/**
 * Counts the records of a bulk export as its text arrives, for a progress bar: JSON lines
 * (articles) or CSV records (claims, header excluded). Line breaks inside quoted CSV fields are
 * not record ends; a doubled quote toggles the state twice and so changes nothing.
 */
export function createRecordCounter(format: BulkFormat): {
  push(text: string): number;
  readonly count: number;
} {
  let records = 0;
  let quoted = false;
  const count = () => (format === "csv" ? Math.max(0, records - 1) : records);
  return {
    push(text: string) {
      if (format === "jsonl") {
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) records += 1;
      } else {
        for (let i = 0; i < text.length; i += 1) {
          const char = text.charCodeAt(i);
          if (char === 34) quoted = !quoted;
          else if (char === 10 && !quoted) records += 1;
        }
      }
      return count();
    },
    get count() {
      return count();
    },
  };
}
