// Sentence segmentation for French and English news text.
//
// Intl.Segmenter (ICU, UAX #29) proposes boundaries; a few more are proposed where ICU looks past
// a digit ("drones. 83 missiles…"). Each proposal is then kept or dropped by newsroom rules:
// abbreviations and initials, closing quotation marks that ICU leaves on the next sentence,
// quotations of several sentences followed by an attribution ("« Un. Deux », a dit X."), and
// paragraph breaks, which always end a sentence.

import type { Language } from "@/lib/review/model";
import { ABBR_ALWAYS, ABBR_NAMEISH, ABBR_TERMINAL, SENTENCE_OPENERS, reportingWordSet } from "./lexicon";
import {
  type Span,
  analyseQuotes,
  fold,
  isDigit,
  isLower,
  isSpace,
  isUpper,
  pushTrimmed,
  splitParagraphs,
} from "./text";

export type Sentence = { start: number; end: number; text: string };

/** ICU gets slower per step on long strings, so it is fed chunks of about this many characters. */
const CHUNK = 2000;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: Language): Intl.Segmenter {
  const locale = language === "fr" ? "fr" : "en";
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Split text into sentences. Offsets are [start, end) in UTF-16 code units into text, and
 * sentence.text === text.slice(start, end), trimmed of surrounding whitespace.
 */
export function segmentSentences(text: string, language: Language): Sentence[] {
  const paragraphs = splitParagraphs(text);
  const breaks = icuBreaks(text, paragraphs, segmenterFor(language));
  const out: Sentence[] = [];
  const spans: Span[] = [];
  let bi = 0;
  for (const p of paragraphs) {
    const candidates: number[] = [];
    while (bi < breaks.length && (breaks[bi] ?? 0) <= p.start) bi++;
    while (bi < breaks.length && (breaks[bi] ?? 0) < p.end) {
      candidates.push(breaks[bi] ?? 0);
      bi++;
    }
    addExtraCandidates(text, p, candidates);
    spans.length = 0;
    splitParagraph(text, p, candidates, spans);
    for (const s of spans) out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  }
  return out;
}

/** ICU boundaries over all paragraphs, fed to the segmenter in chunks of whole paragraphs. */
function icuBreaks(text: string, paragraphs: Span[], segmenter: Intl.Segmenter): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const first = paragraphs[i];
    if (!first) break;
    let last = first;
    let j = i + 1;
    while (j < paragraphs.length) {
      const next = paragraphs[j];
      if (!next || next.end - first.start > CHUNK) break;
      last = next;
      j++;
    }
    if (last.end - first.start > CHUNK) {
      // One long paragraph: cut it at sentence-looking places so ICU never sees a huge string.
      for (const piece of cutLong(text, first)) feed(segmenter, text, piece.start, piece.end, out);
    } else {
      feed(segmenter, text, first.start, last.end, out);
    }
    i = j;
  }
  return out;
}

function feed(segmenter: Intl.Segmenter, text: string, start: number, end: number, out: number[]): void {
  const piece = text.slice(start, end);
  for (const seg of segmenter.segment(piece)) {
    if (seg.index > 0) out.push(start + seg.index);
  }
  out.push(end);
}

function cutLong(text: string, p: Span): Span[] {
  const pieces: Span[] = [];
  const re = /[.!?…]["»”')\]]*\s+/g;
  let from = p.start;
  while (p.end - from > CHUNK) {
    re.lastIndex = from + CHUNK / 2;
    const m = re.exec(text);
    const cut = m && m.index + m[0].length < p.end ? m.index + m[0].length : p.end;
    pieces.push({ start: from, end: cut });
    from = cut;
  }
  if (from < p.end) pieces.push({ start: from, end: p.end });
  return pieces;
}

const EXTRA = /[.!?…]+["»”')\]]*\s+(?=[^\s\p{Ll}])/gu;

/** Boundaries ICU does not propose, e.g. before a digit: "drones. 83 missiles ont…". */
function addExtraCandidates(text: string, p: Span, candidates: number[]): void {
  EXTRA.lastIndex = p.start;
  let added = false;
  for (let m = EXTRA.exec(text); m !== null && m.index < p.end; m = EXTRA.exec(text)) {
    const b = m.index + m[0].length;
    if (b < p.end) {
      candidates.push(b);
      added = true;
    }
  }
  if (added) candidates.sort((a, b) => a - b);
}

const CLOSING_BRACKETS = new Set(["»", "”", "›", ")", "]"]);
const CONTINUATION = new Set([",", ";", ":", "»", "”", "›", ")", "]", "-", "–", "—"]);
const ELISION_MARKS = new Set(["(…)", "[…]", "(...)", "[...]"]);
const OPEN_PUNCT = /^[«“"„‹(\[{'‘]+/u;

let reportingWords: Set<string> | null = null;

function splitParagraph(text: string, p: Span, candidates: number[], out: Span[]): void {
  const quotes = analyseQuotes(text, p.start, p.end);
  const closingStraight = new Set<number>();
  for (const m of quotes.marks) if (m.role === "close" && text[m.pos] === '"') closingStraight.add(m.pos);
  const attributed: { open: number; close: number }[] = [];
  for (const s of quotes.spans) {
    if (s.close !== -1 && attributionFollows(text, s.close, p.end)) attributed.push(s);
  }

  let segStart = p.start;
  let last = -1;
  for (const raw of candidates) {
    if (raw <= p.start || raw >= p.end) continue;
    const b = shiftPastClosers(text, raw, p.end, closingStraight);
    if (b <= last || b >= p.end) continue;
    last = b;
    if (keepBoundary(text, segStart, b, attributed)) {
      pushTrimmed(text, segStart, b, out);
      segStart = b;
    }
  }
  pushTrimmed(text, segStart, p.end, out);
}

/** ICU leaves "»" of « Non ! » on the next sentence when a space precedes it; move past it. */
function shiftPastClosers(text: string, b: number, end: number, closingStraight: Set<number>): number {
  let i = b;
  let moved = false;
  for (;;) {
    let j = i;
    while (j < end && isSpace(text[j]) && text[j] !== "\n") j++;
    const ch = text[j];
    if (ch !== undefined && j < end && (CLOSING_BRACKETS.has(ch) || (ch === '"' && closingStraight.has(j)))) {
      i = j + 1;
      moved = true;
      continue;
    }
    break;
  }
  if (!moved) return b;
  while (i < end && (text[i] === "." || text[i] === "!" || text[i] === "?" || text[i] === "…")) i++;
  while (i < end && isSpace(text[i])) i++;
  return i;
}

function keepBoundary(
  text: string,
  segStart: number,
  b: number,
  attributed: { open: number; close: number }[],
): boolean {
  let lEnd = b;
  while (lEnd > segStart && isSpace(text[lEnd - 1])) lEnd--;
  if (lEnd <= segStart) return false;
  const gap = text.slice(lEnd, b);
  const next = text[b];
  const lastCh = text[lEnd - 1];

  if (gap.includes("\n")) {
    // A single line break ends a sentence unless it only wraps a line mid-sentence.
    const terminal = lastCh !== undefined && /[.!?…:;"»”)\]]/u.test(lastCh);
    return terminal || !isLower(next);
  }
  if (isLower(next)) return false;
  if (next !== undefined && CONTINUATION.has(next)) return false;
  for (const s of attributed) if (b > s.open && b < s.close) return false;

  let tStart = lEnd;
  while (tStart > segStart && !isSpace(text[tStart - 1])) tStart--;
  const token = text.slice(tStart, lEnd).replace(OPEN_PUNCT, "");
  if (ELISION_MARKS.has(token)) return false;
  if (!token.endsWith(".") || token.endsWith("..")) return true;

  const core = token.slice(0, -1);
  const word = nextWord(text, b);
  const opener = SENTENCE_OPENERS.has(fold(word));
  const digit = isDigit(next);
  if (ABBR_ALWAYS.has(core)) return false;
  if (ABBR_TERMINAL.has(core)) return true;
  if (ABBR_NAMEISH.has(core)) return !digit && opener;
  // An initial: "J. K. Rowling"; a chain of initials continues the name ("J. M. G. Le Clézio").
  // "X" is the social network far more often than an initial ("a-t-il écrit sur X.").
  if (core.length === 1 && isUpper(core) && core !== "X")
    return opener && !followsInitial(text, segStart, tStart);
  // Dotted abbreviations: "U.S.", "U.K.", "J.-C.", "p.m."
  if (/^(?:\p{L}{1,3}\.-?)+\p{L}{1,3}$/u.test(core)) return !digit && opener;
  return true;
}

function followsInitial(text: string, segStart: number, tStart: number): boolean {
  const before = text.slice(Math.max(segStart, tStart - 4), tStart);
  return /(?:^|\s)\p{Lu}\.\s+$/u.test(before);
}

function nextWord(text: string, b: number): string {
  const m = /^\p{L}+['’]?/u.exec(text.slice(b, b + 40));
  return m ? m[0] : "";
}

/**
 * Whether a quotation closed at closeEnd is followed by an attribution: ", a dit X", ", a-t-il
 * écrit", ", said John Smith", "," John Smith said. With a comma (before or after the closing
 * mark) the reporting verb may come within the next six words; without one it must come first.
 */
export function attributionFollows(text: string, closeEnd: number, limit: number): boolean {
  reportingWords ??= reportingWordSet();
  const after = text.slice(closeEnd, Math.min(limit, closeEnd + 160));
  const lead = /^[^\S\n]*(,)?[^\S\n]*/u.exec(after);
  const before = text[closeEnd - 2];
  const hasComma = Boolean(lead?.[1]) || before === ",";
  let rest = after.slice(lead ? lead[0].length : 0);
  const maxWords = hasComma ? 6 : 3;
  for (let n = 0; n < maxWords; n++) {
    const m = /^([\p{L}\p{N}'’.-]+)[^\S\n]*/u.exec(rest);
    if (!m || m[1] === undefined) return false;
    const raw = m[1];
    const w = fold(raw)
      .replace(/[.]+$/, "")
      .replace(/-t-(?:il|elle|on|ils|elles)$/, "")
      .replace(/-(?:il|elle|on|ils|elles)$/, "");
    if (reportingWords.has(w)) return true;
    if (!hasComma && n === 0 && !/^(?:a|ont|avait|avaient|has|had|have)$/.test(w)) return false;
    if (raw.endsWith(".") && raw.length > 2 && !/^\p{Lu}\.$/u.test(raw)) return false;
    rest = rest.slice(m[0].length);
  }
  return false;
}
