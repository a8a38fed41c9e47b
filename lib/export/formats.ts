// The export formats offered for download, their MIME types and file names.
import { FORMATS, isExportFormat, type ExportFormat } from "./format-names";
import { toClaimReview, type ClaimReviewOptions } from "./claimreview";
import { toCsv, type CsvOptions } from "./csv";
import { toHtml } from "./html";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import type { SummaryArticle, SummaryInput } from "./types";

export { FORMATS, isExportFormat, type ExportFormat };

export type FormatInfo = {
  /** Content-Type for the HTTP response. */
  mimeType: string;
  /** File extension without the dot. */
  extension: string;
  /** What the file holds, used in its name: "summary", "claims", "claimreview". */
  suffix: string;
};

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  md: { mimeType: "text/markdown; charset=utf-8", extension: "md", suffix: "summary" },
  html: { mimeType: "text/html; charset=utf-8", extension: "html", suffix: "summary" },
  json: { mimeType: "application/json; charset=utf-8", extension: "json", suffix: "summary" },
  csv: { mimeType: "text/csv; charset=utf-8; header=present", extension: "csv", suffix: "claims" },
  claimreview: { mimeType: "application/ld+json; charset=utf-8", extension: "jsonld", suffix: "claimreview" },
};

/** Options of renderExport: CsvOptions apply to "csv" only, ClaimReviewOptions to "claimreview" only. */
export type ExportOptions = CsvOptions & ClaimReviewOptions;

/** Renders a summary input in one format. */
export function renderExport(input: SummaryInput, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case "md":
      return toMarkdown(input);
    case "html":
      return toHtml(input);
    case "json":
      return toJson(input);
    case "csv":
      return toCsv(input, { bom: options.bom, separator: options.separator });
    case "claimreview":
      return toClaimReview(input, { includeUncommented: options.includeUncommented });
  }
}

const LIGATURES: Record<string, string> = {
  œ: "oe",
  Œ: "OE",
  æ: "ae",
  Æ: "AE",
  ß: "ss",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
};

/**
 * An ASCII slug: accents stripped, ligatures spelled out, lower case, words joined by "-", cut at
 * a word boundary to at most `maxLength` characters. May be empty.
 */
export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[œŒæÆßøØđĐłŁ]/g, (char) => LIGATURES[char] ?? char)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, maxLength)).replace(/-+$/, "");
}

/**
 * A download file name such as "2026-11-24-zelensky-accuse-la-russie-summary.md": the
 * publication date when known, the slugged title (or "article-{id}"), what the file holds, the
 * extension. ASCII only, so it needs no encoding in a Content-Disposition header.
 */
export function exportFileName(
  article: Pick<SummaryArticle, "id" | "title" | "publishedAt">,
  format: ExportFormat,
  options: { includeUnapproved?: boolean } = {},
): string {
  const info = FORMAT_INFO[format];
  const date =
    article.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(article.publishedAt) ? article.publishedAt : null;
  const slug = slugify(article.title) || `article-${article.id}`;
  // ClaimReview never holds unapproved claims, so its name does not change.
  const draft = options.includeUnapproved && format !== "claimreview" ? "with-unverified" : null;
  return `${[date, slug, info.suffix, draft].filter(Boolean).join("-")}.${info.extension}`;
}

/**
 * A Content-Disposition header that makes the browser save the response under `fileName`.
 * Names from exportFileName are ASCII already; anything else is reduced to a safe ASCII
 * fallback and given in full as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "download";
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
