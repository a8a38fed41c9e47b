// Re-anchoring a claim on a new revision of its article: a text-quote selector (the quote with some
// context on each side, beside its offsets) is looked for in the new body, and the outcome is one of
// four states. Only `exact` leaves the claim as it was; every other state is shown to a person.
//
// Unlike annotation tools that take the best fuzzy match whatever its score, a match must be good
// enough (THRESHOLD) and clearly better than the next one (MARGIN), or the claim is flagged.
import search from "approx-string-match";
import { snapToWords } from "./anchor";

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * The lowest score a candidate may have to be proposed (`changed`); below it the claim is orphaned.
 * Tuned on the edit kinds of reanchor.cases.ts: a corrected figure or typo scores above 0.9, a
 * rewritten sentence around 0.5–0.6.
 */
export const THRESHOLD = 0.75;

/** Two candidates within this score of each other are ambiguous: the editor picks one. */
export const MARGIN = 0.08;

/** A quote may differ from its new words by at most this share of its length to be a candidate. */
const MAX_ERROR_SHARE = 0.3;

/** Weights of the score: the words themselves, then the context before and after. */
const WEIGHTS = { quote: 0.6, prefix: 0.2, suffix: 0.2 } as const;

/** Rounds of "next best" searches: enough to see the runner-up of the best match. */
const ROUNDS = 3;

export type TextQuoteSelector = {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

export type AnchorState = "exact" | "changed" | "ambiguous" | "orphaned";

export type AnchorCandidate = {
  start: number;
  end: number;
  quote: string;
  /** 0–1: how well the words and their context match the selector. */
  score: number;
};

export type Reanchored =
  | { state: "exact"; start: number; end: number }
  | { state: "changed"; start: number; end: number; quote: string; score: number }
  | { state: "ambiguous"; candidates: AnchorCandidate[] }
  | { state: "orphaned"; nearest: AnchorCandidate | null };

/** The selector of the span [start, end) of a body. */
export function selectorFor(body: string, start: number, end: number): TextQuoteSelector {
  return {
    quote: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** 0–1 similarity of a short string to the best-matching part of `window` (1 = found verbatim). */
function similarity(expected: string, window: string): number {
  if (expected.length === 0) return window.length === 0 ? 1 : 0.5;
  if (window.length === 0) return 0;
  const [best] = search(window, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/** The context scores of a candidate span, each side compared with the text right beside it. */
function contextScore(selector: TextQuoteSelector, body: string, start: number, end: number): number {
  // A little slack on the outer side: an inserted or deleted character next to the quote still matches.
  const slack = 4;
  const before = body.slice(Math.max(0, start - selector.prefix.length - slack), start);
  const after = body.slice(end, end + selector.suffix.length + slack);
  const prefix = selector.prefix.length === 0 ? (start === 0 ? 1 : 0.5) : similarity(selector.prefix, before);
  const suffix =
    selector.suffix.length === 0 ? (end === body.length ? 1 : 0.5) : similarity(selector.suffix, after);
  return WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix;
}

function candidate(selector: TextQuoteSelector, body: string, start: number, end: number, errors: number) {
  const quoteScore = 1 - errors / Math.max(1, selector.quote.length);
  return {
    start,
    end,
    quote: body.slice(start, end),
    score: WEIGHTS.quote * quoteScore + contextScore(selector, body, start, end),
  };
}

/**
 * Whether [start, end) cuts a word where the original span did not: "Zelensky" inside a corrected
 * "Zelenskyy" is not the same words.
 */
function cutsWord(selector: TextQuoteSelector, body: string, start: number, end: number): boolean {
  const cut = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && WORD.test(a) && WORD.test(b);
  return (
    (cut(body[start - 1], body[start]) && !cut(selector.prefix.at(-1), selector.quote[0])) ||
    (cut(body[end - 1], body[end]) && !cut(selector.quote.at(-1), selector.suffix[0]))
  );
}

/** Every verbatim occurrence of the quote that takes whole words as the original did. */
function verbatim(selector: TextQuoteSelector, body: string): AnchorCandidate[] {
  const found: AnchorCandidate[] = [];
  for (let i = body.indexOf(selector.quote); i !== -1; i = body.indexOf(selector.quote, i + 1)) {
    const end = i + selector.quote.length;
    if (!cutsWord(selector, body, i, end)) found.push(candidate(selector, body, i, end, 0));
  }
  return found;
}

/**
 * Fuzzy candidates, best first. The matcher returns only the matches of the lowest error count, so
 * each round masks what it found and searches again, which brings out the runner-up.
 */
function fuzzy(selector: TextQuoteSelector, body: string): AnchorCandidate[] {
  const maxErrors = Math.floor(selector.quote.length * MAX_ERROR_SHARE);
  const found: AnchorCandidate[] = [];
  let text = body;
  for (let round = 0; round < ROUNDS; round++) {
    const matches = search(text, selector.quote, maxErrors);
    if (matches.length === 0) break;
    // Whole words only; what snapping adds counts as errors. Neighbouring match ends snap to the
    // same words: each span is scored once, with its fewest errors.
    const spans = new Map<string, { start: number; end: number; errors: number }>();
    for (const match of matches) {
      const span = snapToWords(body, match.start, match.end);
      if (span.end <= span.start) continue;
      const errors = match.errors + Math.max(0, match.start - span.start + (span.end - match.end));
      const key = `${span.start}:${span.end}`;
      const seen = spans.get(key);
      if (!seen || errors < seen.errors) spans.set(key, { ...span, errors });
    }
    for (const span of spans.values())
      found.push(candidate(selector, body, span.start, span.end, span.errors));
    // Masking keeps offsets: the same length of a character no quote contains.
    const masked = text.split("");
    for (const match of matches) masked.fill("\u0000", match.start, match.end);
    text = masked.join("");
  }
  return found;
}

/** Keeps the best of candidates that overlap, best first. */
function distinct(candidates: AnchorCandidate[]): AnchorCandidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: AnchorCandidate[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept;
}

/** Where a claim's selector lands on a new body, and whether a person must look at it. */
export function reanchor(selector: TextQuoteSelector, body: string): Reanchored {
  if (selector.quote.length === 0) return { state: "orphaned", nearest: null };
  const exact = verbatim(selector, body);
  // The fast path: the same words, once, with their context (or most of it) unchanged.
  const candidates = distinct(
    exact.length > 0 && exact.some((c) => c.score >= 1 - MARGIN)
      ? exact
      : [...exact, ...fuzzy(selector, body)],
  );
  // The same words anywhere are always worth showing; other words must score above the threshold.
  const eligible = candidates.filter((c) => c.score >= THRESHOLD || c.quote === selector.quote);
  const [best, second] = eligible;
  if (!best) return { state: "orphaned", nearest: candidates[0] ?? null };
  if (second && best.score - second.score < MARGIN) {
    return { state: "ambiguous", candidates: eligible.filter((c) => best.score - c.score < MARGIN) };
  }
  // Same words and enough of their context: untouched. Same words elsewhere with other context is
  // shown as changed, so the claim is never silently moved to another passage.
  const contextKept = best.score - WEIGHTS.quote >= (WEIGHTS.prefix + WEIGHTS.suffix) / 2;
  if (best.quote === selector.quote && contextKept)
    return { state: "exact", start: best.start, end: best.end };
  return { state: "changed", start: best.start, end: best.end, quote: best.quote, score: best.score };
}
