// Claim spans are [start, end) UTF-16 offsets into the normalised body, plus the exact quote.

const WORD = /[\p{L}\p{N}\p{M}'’\-]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Widens a selection to whole words and trims surrounding spaces, never crossing a paragraph break. */
export function snapToWords(body: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, body.length));
  let e = Math.max(s, Math.min(end, body.length));
  while (s < e && /\s/.test(body[s] ?? "")) s++;
  while (e > s && /\s/.test(body[e - 1] ?? "")) e--;
  if (s === e) return { start: s, end: e };
  while (s > 0 && isWordChar(body[s - 1]) && isWordChar(body[s])) s--;
  while (e < body.length && isWordChar(body[e]) && isWordChar(body[e - 1])) e++;
  // Never split a surrogate pair (a lone surrogate beside a pair is not half of it).
  if (s > 0 && /[\uD800-\uDBFF]/.test(body[s - 1] ?? "") && /[\uDC00-\uDFFF]/.test(body[s] ?? "")) s--;
  if (/[\uD800-\uDBFF]/.test(body[e - 1] ?? "") && /[\uDC00-\uDFFF]/.test(body[e] ?? "")) e++;
  return { start: s, end: e };
}

export function spanIsValid(body: string, start: number, end: number, quote: string): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end > start &&
    end <= body.length &&
    body.slice(start, end) === quote
  );
}

/** Re-finds a quote in a body: at its recorded offset, else the occurrence nearest to it. */
export function locateQuote(
  body: string,
  quote: string,
  hint: number,
): { start: number; end: number } | null {
  if (!quote) return null;
  if (body.startsWith(quote, hint)) return { start: hint, end: hint + quote.length };
  let best: number | null = null;
  for (let i = body.indexOf(quote); i !== -1; i = body.indexOf(quote, i + 1)) {
    if (best === null || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
  }
  return best === null ? null : { start: best, end: best + quote.length };
}

/** `cutBefore` / `cutAfter`: the context stops mid-paragraph (shown as "…"). */
export type Occurrence = {
  start: number;
  end: number;
  before: string;
  after: string;
  cutBefore: boolean;
  cutAfter: boolean;
};

/**
 * Every place `quote` occurs in `body`, with a few words of context on each side (never across a
 * paragraph break), so that a quote found several times can be pinned to the one the editor means.
 */
export function findOccurrences(body: string, quote: string, context = 48, limit = 50): Occurrence[] {
  if (!quote) return [];
  const found: Occurrence[] = [];
  for (let i = body.indexOf(quote); i !== -1 && found.length < limit; i = body.indexOf(quote, i + 1)) {
    const end = i + quote.length;
    let before = body.slice(Math.max(0, i - context), i);
    let after = body.slice(end, end + context);
    const breakBefore = before.lastIndexOf("\n");
    const cutBefore = breakBefore === -1 && i - context > 0;
    if (breakBefore !== -1) before = before.slice(breakBefore + 1);
    else if (cutBefore && /\S/.test(body[i - context - 1] ?? "")) before = before.replace(/^\S*\s?/, "");
    const breakAfter = after.indexOf("\n");
    const cutAfter = breakAfter === -1 && end + context < body.length;
    if (breakAfter !== -1) after = after.slice(0, breakAfter);
    else if (cutAfter && /\S/.test(body[end + context] ?? "")) after = after.replace(/\s?\S*$/, "");
    found.push({ start: i, end, before, after, cutBefore, cutAfter });
  }
  return found;
}
