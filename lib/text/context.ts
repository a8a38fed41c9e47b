// A quote shown in its context: a few words of the article before and after it, never crossing
// a paragraph break, cut at word boundaries. The data layer reads only a window of the body
// around the claim (SQL substr), not the whole body, and hands that window here.
import { locateQuote } from "./anchor";

export type QuoteContext = {
  before: string;
  after: string;
  /** True when the text goes on beyond `before` (resp. `after`) in the same paragraph. */
  clippedBefore: boolean;
  clippedAfter: boolean;
};

export const EMPTY_CONTEXT: QuoteContext = {
  before: "",
  after: "",
  clippedBefore: false,
  clippedAfter: false,
};

/** How much of the body around a claim the data layer reads, in characters on each side. */
export const CONTEXT_WINDOW = 160;

function lastParagraph(text: string): { text: string; whole: boolean } {
  const at = text.lastIndexOf("\n");
  return at === -1 ? { text, whole: false } : { text: text.slice(at + 1), whole: true };
}

function firstParagraph(text: string): { text: string; whole: boolean } {
  const at = text.indexOf("\n");
  return at === -1 ? { text, whole: false } : { text: text.slice(0, at), whole: true };
}

/** The end of `text`, at most `max` characters, starting at a word boundary. */
function tail(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.slice(text.length - max);
  const space = cut.search(/\s/);
  const start = space === -1 ? 0 : space + 1;
  return { text: cut.slice(start), clipped: true };
}

/** The start of `text`, at most `max` characters, ending at a word boundary. */
function head(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.slice(0, max);
  const space = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("\u00a0"));
  return { text: space > 0 ? cut.slice(0, space) : cut, clipped: true };
}

/**
 * The context of `quote` inside `window`, a slice of the body that starts at `windowStart`
 * (the offset of the window in the body) and reaches `window.length` past it. `start` is the
 * quote's offset in the body; the quote is re-found near it in case the window's offsets drift
 * (SQLite counts characters, JavaScript UTF-16 units). `windowEndsBody` says whether the window
 * reaches the end of the body, so the last words are not marked as clipped.
 */
export function quoteContext(
  window: string,
  windowStart: number,
  start: number,
  quote: string,
  { maxChars = 90, windowEndsBody = false }: { maxChars?: number; windowEndsBody?: boolean } = {},
): QuoteContext {
  const found = locateQuote(window, quote, Math.max(0, start - windowStart));
  if (!found) return EMPTY_CONTEXT;
  const rawBefore = window.slice(0, found.start);
  const rawAfter = window.slice(found.end);

  const beforePara = lastParagraph(rawBefore);
  const beforeCut = tail(beforePara.text, maxChars);
  const windowStartsMidText = windowStart > 0 && !beforePara.whole;

  const afterPara = firstParagraph(rawAfter);
  const afterCut = head(afterPara.text, maxChars);
  const windowEndsMidText = !windowEndsBody && !afterPara.whole;

  return {
    before: beforeCut.text.trimStart(),
    after: afterCut.text.trimEnd(),
    clippedBefore: beforeCut.clipped || (windowStartsMidText && beforeCut.text.length > 0),
    clippedAfter: afterCut.clipped || (windowEndsMidText && afterCut.text.length > 0),
  };
}
