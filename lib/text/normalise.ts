// The body is normalised once on the way in (DESIGN.md "Text and offsets"); claim offsets are
// indices into the result, so this function must stay stable for stored articles.

// C0/C1 controls other than tab and newline, and the BOM: never meaningful in an article.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;

export function normaliseBody(input: string): string {
  const text = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ");
  return (
    text
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .filter((line) => line.length > 0)
      .join("\n\n")
      // Last: removing a control character can bring a letter and its combining mark together.
      .normalize("NFC")
  );
}

export type Paragraph = { start: number; end: number; text: string };

/** Paragraphs of a normalised body with their offsets. */
export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  while (start <= body.length) {
    const next = body.indexOf("\n\n", start);
    const end = next === -1 ? body.length : next;
    if (end > start) paragraphs.push({ start, end, text: body.slice(start, end) });
    if (next === -1) break;
    start = next + 2;
  }
  return paragraphs;
}
