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
  // NFC last: removing a control character can bring a letter and its combining accent together.
  return text
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n\n")
    .normalize("NFC");
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

// The other text people type (titles, statements, names, notes, quotes) is normalised the same way
// on the way in, by the shared zod schemas (lib/validation/text.ts): a quote typed or sent in
// decomposed Unicode then matches the NFC body, and no field keeps invisible control characters.
// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are kept, as in bodies: the text is stored
// as written and they are neutralised where text is shown or exported (lib/text/bidi.ts).

/** Breaking whitespace: spaces, tabs, line breaks (not the no-break spaces of French typography). */
const BREAKING_RUN = /[ \t\n\r\u2028\u2029]+/g;

/** One line of user text (a title, a statement, a name): controls removed, whitespace runs folded, NFC. */
export function normaliseLine(input: string): string {
  return input.replace(CONTROL, "").replace(BREAKING_RUN, " ").trim().normalize("NFC");
}

/** Multi-line user text (a note): line ends as in bodies, controls removed, tabs as spaces, trimmed, NFC. */
export function normaliseMultiline(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ")
    .trim()
    .normalize("NFC");
}

/**
 * A quote of the body: what normaliseBody does to characters (line ends, controls, tabs, runs of
 * spaces, NFC), without trimming or re-joining paragraphs, so that any span of a normalised body
 * comes out unchanged and the same words typed differently come out as that span.
 */
export function normaliseQuote(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ")
    .replace(/ {2,}/g, " ")
    .normalize("NFC");
}
