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

/** The download URL of an article's summary in one format (the route app/(app)/articles/[id]/export). */
export function exportHref(articleId: number, format: ExportFormat, includeUnapproved = false): string {
  return `/articles/${articleId}/export?format=${format}${includeUnapproved ? "&unapproved=1" : ""}`;
}
