// Whitespace handling shared by the formatters. Only breaking whitespace is touched: no-break
// spaces (U+00A0, U+202F) are part of French typography ("1 800", « guillemets ») and are kept.

const BREAKING = "[ \\t\\n\\v\\f\\r\\u2028\\u2029]";
const RUNS = new RegExp(`${BREAKING}+`, "g");
const EDGES = new RegExp(`^${BREAKING}+|${BREAKING}+$`, "g");

/** Trims breaking whitespace (spaces, tabs, line breaks) at both ends; keeps no-break spaces. */
export function trimText(text: string): string {
  return text.replace(EDGES, "");
}

/** Collapses runs of breaking whitespace, line breaks included, into one space and trims. */
export function singleLine(text: string): string {
  return trimText(text.replace(RUNS, " "));
}

/**
 * Splits multi-line text into trimmed lines: leading and trailing blank lines dropped, runs of
 * blank lines reduced to one empty string (a paragraph break).
 */
export function textLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of trimText(text).split(/\r\n|\r|\n/)) {
    const line = trimText(raw);
    if (line === "" && (lines.length === 0 || lines[lines.length - 1] === "")) continue;
    lines.push(line);
  }
  return lines;
}
