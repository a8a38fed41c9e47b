import { convert } from "html-to-text";

/** Pasted or uploaded HTML becomes plain text with its paragraphs; it is never rendered as HTML. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "figure", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "h4", options: { uppercase: false } },
      // Header cells are options of the table formatter: a "th" selector without a format throws.
      { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
      { selector: "ul", options: { itemPrefix: "• " } },
    ],
  });
}

export function looksLikeHtml(text: string): boolean {
  return /<(p|div|br|span|h[1-6]|article|section|html|body|li|blockquote)[\s>/]/i.test(text);
}
