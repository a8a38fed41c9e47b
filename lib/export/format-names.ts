// The names of the export formats, apart from the formatters, so that client components can list
// them without bundling the formatters.

export const FORMATS = ["md", "html", "json", "csv", "claimreview"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (FORMATS as readonly string[]).includes(value);
}

export const BULK_FORMATS = ["jsonl", "csv"] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

export function isBulkFormat(value: unknown): value is BulkFormat {
  return typeof value === "string" && (BULK_FORMATS as readonly string[]).includes(value);
}

/** The CSV field separators offered: "comma" (RFC 4180) and "semicolon" (spreadsheets set up for French). */
export const CSV_SEPARATORS = ["comma", "semicolon"] as const;
export type CsvSeparatorName = (typeof CSV_SEPARATORS)[number];

/**
 * The separator offered first: French Excel splits CSV on semicolons (the comma is the decimal
 * mark there), so a semicolon when the interface or the article is French, a comma otherwise.
 */
export function defaultCsvSeparator(
  interfaceLocale: string,
  articleLanguage?: string | null,
): CsvSeparatorName {
  const french = (tag: string | null | undefined) => (tag ?? "").toLowerCase().startsWith("fr");
  return french(interfaceLocale) || french(articleLanguage) ? "semicolon" : "comma";
}

export type ExportHrefOptions = {
  includeUnapproved?: boolean;
  /** CSV only. */
  separator?: CsvSeparatorName;
  /** ClaimReview only: also the claims nobody answered. */
  includeUncommented?: boolean;
};

/** The download URL of an article's summary in one format (the route app/(app)/articles/[id]/export). */
export function exportHref(articleId: number, format: ExportFormat, options: ExportHrefOptions = {}): string {
  const query = new URLSearchParams({ format });
  if (options.includeUnapproved) query.set("unapproved", "1");
  if (format === "csv" && options.separator) query.set("separator", options.separator);
  if (format === "claimreview" && options.includeUncommented) query.set("uncommented", "1");
  return `/articles/${articleId}/export?${query}`;
}
