// Published versions (issue 16) as the API shows them, and the file response of a version.
import type { SummaryVersionView } from "@/lib/data/publish";
import { contentDisposition, exportFileName, FORMAT_INFO, FORMATS, type ExportFormat } from "@/lib/export";
import { sha256Hex } from "@/lib/export/hash";

export function toApiVersion(version: SummaryVersionView) {
  const base = `/api/v1/articles/${version.articleId}/versions/${version.number}`;
  return {
    id: version.id,
    articleId: version.articleId,
    number: version.number,
    channel: version.channel,
    language: version.language,
    contentHash: version.contentHash,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: version.publishedBy,
    claimCount: version.claimCount,
    files: Object.fromEntries(FORMATS.map((format) => [format, `${base}?format=${format}`])),
  };
}

/** "2026-12-02-title-summary-v2.md": the export's name with the version number. */
export function versionFileName(
  article: { id: number; title: string; publishedAt: string | null },
  number: number,
  format: ExportFormat,
): string {
  const name = exportFileName(article, format);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}-v${number}${name.slice(dot)}`;
}

/** A version's file as it was published, with its number, its hash and its SHA-256 as ETag. */
export function versionFileResponse(
  file: { text: string; title: string; publishedAt: string | null; version: SummaryVersionView },
  format: ExportFormat,
): Response {
  const { version } = file;
  return new Response(file.text, {
    headers: {
      "Content-Type": FORMAT_INFO[format].mimeType,
      "Content-Disposition": contentDisposition(
        versionFileName(
          { id: version.articleId, title: file.title, publishedAt: file.publishedAt },
          version.number,
          format,
        ),
      ),
      ETag: `"${sha256Hex(file.text)}"`,
      "X-Summary-Version": String(version.number),
      "X-Content-Hash": version.contentHash,
      "Cache-Control": "no-store",
    },
  });
}
