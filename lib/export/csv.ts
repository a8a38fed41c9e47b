// toCsv: one row per claim, for spreadsheets. RFC 4180: comma-separated, CRLF after every record,
// fields with a separator, a double quote, CR or LF quoted and inner quotes doubled. Text that a
// spreadsheet would run as a formula is defused with a leading apostrophe.
import { isoDate, isoDateTime, parseIsoDate } from "./dates";
import { labelsFor } from "./labels";
import { sourcePlain } from "./sources";
import { buildSummary, exportArticle, summaryItems, toSummaryItem } from "./summary";
import type { SummaryArticle, SummaryClaim, SummaryInput, SummaryItem } from "./types";

export type CsvValue = string | number | null;
export type CsvSeparator = "," | ";";
export type CsvOptions = {
  /** Start with a UTF-8 byte order mark so that Excel reads accents correctly. Default false. */
  bom?: boolean;
  /** "," (RFC 4180, default) or ";" for spreadsheets set up for French. */
  separator?: CsvSeparator;
};

export const CSV_BOM = "\ufeff";

/** Header of the claim CSV; csvClaimValues returns the values in this order. */
export const CSV_COLUMNS = [
  "article_id",
  "article_title",
  "article_outlet",
  "article_url",
  "article_published_at",
  "article_language",
  "claim_id",
  "claim_url",
  "verdict",
  "statement",
  "speaker",
  "quote",
  "verdict_note",
  "silent_party",
  "stage",
  "unverified",
  "sources",
  "rated_by",
  "rated_at",
  "approved_by",
  "approved_at",
  "span_start",
  "span_end",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one cell before quoting: null → "", formula-like text prefixed with "'". */
export function csvCellText(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string, separator: CsvSeparator): string {
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV record terminated by CRLF. Strings are protected against formula injection
 * (see csvCellText); numbers are written as they are.
 */
export function csvRow(values: readonly CsvValue[], separator: CsvSeparator = ","): string {
  return `${values.map((value) => quote(csvCellText(value), separator)).join(separator)}\r\n`;
}

/**
 * The values of one claim in CSV_COLUMNS order. Sources are one line each, every kind in its
 * readable form in the article's language (lib/export/sources.ts: a web page's title and link, a
 * document with its SHA-256, a call, a message, a wire, a described source, a reply).
 */
export function csvClaimValues(article: SummaryArticle, item: SummaryItem): CsvValue[] {
  const values: Record<CsvColumn, CsvValue> = {
    article_id: article.id,
    article_title: article.title,
    article_outlet: article.outlet,
    article_url: article.url,
    article_published_at: isoDate(parseIsoDate(article.publishedAt)),
    article_language: article.language,
    claim_id: item.id,
    claim_url: item.url,
    verdict: item.verdict,
    statement: item.statement,
    speaker: item.speaker,
    quote: item.quote,
    verdict_note: item.verdictNote,
    silent_party: item.silentParty,
    stage: item.stage,
    unverified: item.unverified ? "true" : "false",
    sources: item.sources.map((source) => sourcePlain(source, labelsFor(article.language).lang)).join("\n"),
    rated_by: item.ratedBy,
    rated_at: isoDateTime(item.ratedAt),
    approved_by: item.approvedBy,
    approved_at: isoDateTime(item.approvedAt),
    span_start: item.start,
    span_end: item.end,
  };
  return CSV_COLUMNS.map((column) => values[column]);
}

/**
 * For a streamed bulk export: the CSV record of one raw claim, normalised like the summary.
 * Write `csvRow(CSV_COLUMNS)` first, then `csvClaimRow(article, claim, appUrl)` per claim.
 */
export function csvClaimRow(
  article: SummaryArticle,
  claim: SummaryClaim,
  appUrl: string,
  separator: CsvSeparator = ",",
): string {
  // CSV writes instants in full (ISO 8601, UTC), so the zone of calendar days does not matter here.
  const item = toSummaryItem(claim, article.id, appUrl, 0, labelsFor(article.language), "UTC");
  return csvRow(csvClaimValues(exportArticle(article), item), separator);
}

export function toCsv(input: SummaryInput, options: CsvOptions = {}): string {
  const separator = options.separator ?? ",";
  const summary = buildSummary(input);
  const rows = [
    csvRow(CSV_COLUMNS, separator),
    ...summaryItems(summary).map((item) => csvRow(csvClaimValues(summary.article, item), separator)),
  ];
  return `${options.bom ? CSV_BOM : ""}${rows.join("")}`;
}
