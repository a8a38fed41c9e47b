// Small character-level helpers shared by the segmenter, the attribution finder and the scorer.
// Everything works on JavaScript string indices (UTF-16 code units), as DESIGN.md asks.

export type Span = { start: number; end: number };

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && UPPER.test(ch);
}

export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && LOWER.test(ch);
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Whitespace including the no-break spaces French typography puts around « » : ; ! ? */
export function isSpace(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    (ch === " " ||
      ch === "\n" ||
      ch === "\t" ||
      ch === "\r" ||
      ch === "\f" ||
      ch === "\v" ||
      ch === "\u00a0" ||
      ch === "\u202f" ||
      ch === "\u2009" ||
      ch === "\u2007" ||
      ch === "\u2028" ||
      ch === "\u2029" ||
      ch === "\u3000")
  );
}

/** Paragraphs of a body: maximal runs of text between blank lines, trimmed, never empty. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[^\S\n]*(?:\n\s*)+|\u2029\s*/g;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    pushTrimmed(text, from, m.index, out);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

/** Push [start, end) after trimming whitespace on both sides, unless nothing is left. */
export function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}

// ---------------------------------------------------------------------------------------------
// Quotation marks

const OPENERS = new Set(["«", "“", "„", "‹"]);
const CLOSERS = new Set(["»", "”", "›"]);
const BEFORE_OPEN = /[\s([{«“„‹—–\-/:]/u;
const AFTER_CLOSE = /[\s.,;:!?)\]}…»”›—–\-]/u;

export type QuoteMark = { pos: number; role: "open" | "close"; depth: number };

export type QuoteAnalysis = {
  /** Every quotation mark with its role; depth is the nesting level after the mark. */
  marks: QuoteMark[];
  /** Top-level quotations: start = opening mark, end = index after the closing mark (or -1). */
  spans: { open: number; close: number }[];
  /** A closing mark appeared with no opening one: the text started inside a quotation. */
  startsInside: boolean;
  /** Position of the first closing mark without an opening one, or -1. */
  firstUnmatchedClose: number;
};

/**
 * Find quotation marks in text[from, to) and pair them. Guillemets and curly double quotes have a
 * fixed role; a straight " is an opening mark when it follows a space or an opening bracket and
 * precedes a non-space, a closing mark in the mirror case, and otherwise closes whatever is open.
 * Single quotes are left alone: ’ and ' are far more often apostrophes (l’Ukraine) than quotes.
 */
const ANY_QUOTE = /["«»“”„‹›]/;

export function analyseQuotes(text: string, from = 0, to = text.length): QuoteAnalysis {
  const marks: QuoteMark[] = [];
  if (from === 0 && to === text.length && !ANY_QUOTE.test(text)) {
    return { marks, spans: [], startsInside: false, firstUnmatchedClose: -1 };
  }
  const spans: { open: number; close: number }[] = [];
  const stack: string[] = [];
  let startsInside = false;
  let firstUnmatchedClose = -1;
  let topOpen = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Fast skip: every quotation mark handled here is '"' (34) or above U+00AA.
    if (code !== 34 && code < 0xab) continue;
    const ch = text[i];
    if (ch === undefined) break;
    let role: "open" | "close" | null = null;
    if (OPENERS.has(ch)) role = "open";
    else if (CLOSERS.has(ch)) role = "close";
    else if (ch === '"') {
      const prev = i > from ? text[i - 1] : undefined;
      const next = i + 1 < to ? text[i + 1] : undefined;
      const openish = prev === undefined || BEFORE_OPEN.test(prev);
      const closeish = next === undefined || AFTER_CLOSE.test(next);
      if (openish && !closeish) role = "open";
      else if (closeish && !openish) role = "close";
      else role = stack.includes('"') ? "close" : "open";
    }
    if (role === null) continue;
    if (role === "open") {
      if (stack.length === 0) topOpen = i;
      stack.push(ch === '"' ? '"' : ch);
    } else {
      if (stack.length === 0) {
        if (!startsInside) firstUnmatchedClose = i;
        startsInside = true;
        marks.push({ pos: i, role, depth: 0 });
        continue;
      }
      stack.pop();
      if (stack.length === 0) spans.push({ open: topOpen, close: i + 1 });
    }
    marks.push({ pos: i, role, depth: stack.length });
  }
  if (stack.length > 0) spans.push({ open: topOpen, close: -1 });
  return { marks, spans, startsInside, firstUnmatchedClose };
}

/** Whether position pos lies inside one of the top-level quotation spans. */
export function insideQuote(spans: { open: number; close: number }[], pos: number): boolean {
  for (const s of spans) {
    if (pos > s.open && (s.close === -1 || pos < s.close)) return true;
  }
  return false;
}

const foldCache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase and strip diacritics, for comparisons of names and titles. */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let out = foldCache.get(s);
  if (out === undefined) {
    out = s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[’‘]/g, "'")
      .toLowerCase();
    if (foldCache.size > 10000) foldCache.clear();
    foldCache.set(s, out);
  }
  return out;
}

const MESSY_SPACE = /[\t\n\r\f\v\u2028\u2029]| {2}/;

/** Runs of spaces, tabs and line breaks become one space; no-break spaces are kept. */
export function collapseSpaces(s: string): string {
  if (!MESSY_SPACE.test(s)) return s.trim();
  return s.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Word tokens

export type Token = {
  start: number;
  end: number;
  /** The token in lowercase. */
  lower: string;
  /** Starts with an uppercase letter. */
  cap: boolean;
};

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function wordChar(code: number, ch: string): boolean {
  if (code < 0x80)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code <= 0x24f) return code >= 0xc0 && code !== 0xd7 && code !== 0xf7;
  return WORD_CHAR.test(ch);
}

let cachedText: string | null = null;
let cachedTokens: Token[] = [];
/** The sentences of the article being read are tokenised by several passes: keep them. */
const recentTokens = new Map<string, Token[]>();

/**
 * Runs of letters and digits (apostrophes and hyphens split words: "l'OTAN" → "l", "OTAN").
 * Results are cached, since a sentence is tokenised by several steps and passes.
 */
export function tokenize(text: string): Token[] {
  if (text === cachedText) return cachedTokens;
  const recent = recentTokens.get(text);
  if (recent) {
    cachedText = text;
    cachedTokens = recent;
    return recent;
  }
  const out: Token[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    let isWord: boolean;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // Astral character: classify the whole code point, then skip its low surrogate.
      const cp = text.codePointAt(i) ?? 0;
      isWord = WORD_CHAR.test(String.fromCodePoint(cp));
      if (isWord) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    } else {
      isWord = wordChar(code, text[i] ?? " ");
    }
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = text.slice(start, i);
      const first = word[0] ?? "";
      out.push({ start, end: i, lower: word.toLowerCase(), cap: first !== first.toLowerCase() });
      start = -1;
    }
  }
  cachedText = text;
  cachedTokens = out;
  if (recentTokens.size >= 4000) recentTokens.clear();
  recentTokens.set(text, out);
  return out;
}
