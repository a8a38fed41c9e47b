// Escaping of user text for the text formats, and the one URL check every format shares.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Characters escaped wherever they appear in Markdown text: emphasis (* _), links and images
 * ([ ]), inline HTML and autolinks (< >), code (`), headings (#), GFM tables (|) and
 * strikethrough (~), and the backslash itself.
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>#|~]/g;

/**
 * Escapes one line of user text so that it renders literally in CommonMark/GFM.
 * Besides the inline characters, it neutralises what would start a block at the beginning of a
 * line (list items "-", "+", "1.", "1)", setext underlines "=", thematic breaks) and entity
 * references ("&amp;"). Only backslashes are inserted: removing each backslash that precedes an
 * ASCII punctuation character gives the text back.
 */
export function escapeMarkdownLine(text: string): string {
  let escaped = text.replace(MARKDOWN_INLINE, (char) => `\\${char}`).replace(/&(?=#?[0-9a-z]+;)/gi, "\\&");
  // Block starts, after any indentation.
  escaped = escaped.replace(/^([ \t]*)([-+=])/, "$1\\$2").replace(/^([ \t]*)(\d{1,9})([.)])/, "$1$2\\$3");
  return escaped;
}

/** Escapes multi-line user text line by line (see escapeMarkdownLine). Line breaks are kept. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .join("\n");
}

/**
 * The normalised URL when `value` is an absolute http(s) URL, otherwise null. Only such URLs
 * become links: a `javascript:` or `data:` source stays visible as text but is never clickable.
 */
export function httpUrl(value: string | null | undefined): string | null {
  if (value == null) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
