// Turns what people type into FTS5 MATCH expressions that cannot be a syntax error: every term is
// a double-quoted string made of letters, digits and marks only, so quotes, parentheses, colons,
// hyphens, "*", "^" and the words AND / OR / NOT / NEAR typed by a user are never operators.
import { STOP_WORDS } from "./stopwords";

export type Term = { kind: "word"; text: string } | { kind: "number"; digits: string };

/** More terms than this add nothing to a search box query but cost time. */
const MAX_SEARCH_TERMS = 16;
const MAX_SIMILAR_TERMS = 24;
const MAX_INPUT = 4000;

// A number written with thousands groups ("1 800", "75 000", "1,800", "1.800", with any kind of
// space), or a run of letters, digits and combining marks.
const TOKEN = /\d{1,3}(?:[ \u00A0\u202F\u2009.,'\u2019]\d{3})+(?!\d)|[\p{L}\p{N}\p{M}]+/gu;

/** Lower case without accents: "Défense" → "defense", as the unicode61 tokenizer folds it. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words and numbers of a text, in order; "1 800" and "1800" both give the number 1800. */
export function tokenize(text: string): Term[] {
  const terms: Term[] = [];
  for (const match of text.slice(0, MAX_INPUT).normalize("NFC").matchAll(TOKEN)) {
    const raw = match[0];
    const digits = raw.replace(/[^\d]/g, "");
    if (/^[\d \u00A0\u202F\u2009.,'\u2019]+$/.test(raw) && digits.length > 0) {
      terms.push({ kind: "number", digits });
    } else if (/[\p{L}\p{N}]/u.test(raw)) {
      // A run of combining marks alone is no word: as a term it would be an empty phrase.
      terms.push({ kind: "word", text: raw });
    }
  }
  return terms;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** "1800" → "1 800": how the number reads in French text, which the tokenizer sees as two tokens. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A number matches however its thousands were written: "1800" or "1 800". */
function numberExpression(digits: string): string {
  if (digits.length < 4 || digits.length > 15) return quote(digits);
  return `(${quote(digits)} OR ${quote(grouped(digits))})`;
}

export type MatchMode = "all" | "any";

/** Other spellings of a word ("Kiev" → Kyiv, Kiev, Kyïv), from the desk's name variants. */
export type VariantLookup = (word: string) => readonly string[];

export type SearchOptions = { variants?: VariantLookup };

// "Kyiv did not comment", "Kiev n'a pas répondu": a search for the claims on which a party kept
// silent. The words before the phrase are the party, searched in the claims' silent party.
const NO_COMMENT_PHRASES = [
  /\b(?:did not|didn['’]t|has not|hasn['’]t|have not|had not|does not|doesn['’]t)\s+(?:comment|respond|reply|answer)\w*\b.*$/iu,
  /\b(?:declined|refused)\s+to\s+comment\b.*$/iu,
  /\bno\s+comment\b.*$/iu,
  /\bn['’](?:a|avait|ont|avaient)\s+pas\s+(?:comment|répond|repond|donn|réag|reag)\p{L}*\b.*$/iu,
  /\b(?:a|ont|avait)\s+refusé\s+de\s+commenter\b.*$/iu,
  /\bsans\s+commentaire\b.*$/iu,
];

/** The party of a "<party> did not comment" query, or null when the query is not one. */
export function silentPartyQuery(query: string): string | null {
  const text = query.slice(0, MAX_INPUT).normalize("NFC");
  for (const phrase of NO_COMMENT_PHRASES) {
    const match = phrase.exec(text);
    if (!match) continue;
    const party = text.slice(0, match.index).trim();
    return tokenize(party).length > 0 ? party : null;
  }
  return null;
}

/** How one database's full-text query language writes the pieces of a search box query. */
type Syntax = {
  word: (text: string, prefix: boolean) => string;
  /** A spelling of several words as a phrase, or null when none of them is searchable. */
  phrase: (words: string[]) => string | null;
  number: (digits: string) => string;
  and: string;
  or: string;
  searchable: (term: Term) => boolean;
  /** The expression restricted to the claims' silent party, or as it is when the caller does that. */
  silentParty: (expression: string) => string;
};

const FTS5: Syntax = {
  word: (text, prefix) => (prefix ? `${quote(text)}*` : quote(text)),
  phrase: (words) => quote(words.join(" ")),
  number: numberExpression,
  and: " AND ",
  or: " OR ",
  searchable: () => true,
  silentParty: (expression) => `{silent_party} : (${expression})`,
};

/** The other spellings of a word, each as its words, without the word itself. */
function variantSpellings(text: string, variants: VariantLookup | undefined): string[][] {
  if (!variants) return [];
  const self = foldWord(text);
  const seen = new Set([self]);
  const out: string[][] = [];
  for (const variant of variants(text)) {
    const words = tokenize(variant).map((t) => (t.kind === "word" ? t.text : t.digits));
    const key = words.map(foldWord).join(" ");
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(words);
  }
  return out;
}

/** A word and its other spellings, any of which matches. */
function wordForms(
  syntax: Syntax,
  text: string,
  prefix: boolean,
  variants: VariantLookup | undefined,
): string {
  const own = syntax.word(text, prefix);
  const others = variantSpellings(text, variants).flatMap((words) => syntax.phrase(words) ?? []);
  return others.length === 0 ? own : `(${[own, ...others].join(syntax.or)})`;
}

function build(syntax: Syntax, query: string, mode: MatchMode, options: SearchOptions): string | null {
  const party = silentPartyQuery(query);
  const terms = (
    party !== null ? tokenize(party).slice(0, MAX_SEARCH_TERMS) : searchTerms(query, mode)
  ).filter(syntax.searchable);
  if (terms.length === 0) return null;
  // In a party's name every word counts and none is half-typed.
  const lastIsPrefix = party === null;
  const parts = terms.map((term, i) =>
    term.kind === "number"
      ? syntax.number(term.digits)
      : wordForms(syntax, term.text, lastIsPrefix && i === terms.length - 1, options.variants),
  );
  if (party !== null) return syntax.silentParty(parts.join(syntax.and));
  return parts.join(mode === "all" ? syntax.and : syntax.or);
}

/**
 * The MATCH expression for a search box query: all terms (or any, for the fallback), the last
 * word as a prefix so that half-typed words match, each name with its variants. "Kyiv did not
 * comment" searches the silent parties for Kyiv. Null when the query holds no searchable term.
 */
export function buildSearchMatch(
  query: string,
  mode: MatchMode = "all",
  options: SearchOptions = {},
): string | null {
  return build(FTS5, query, mode, options);
}

/** The terms a search box query searches for (for "any", without the stop words when others remain). */
function searchTerms(query: string, mode: MatchMode): Term[] {
  let terms = tokenize(query).slice(0, MAX_SEARCH_TERMS);
  if (mode === "any") {
    // Any-word matching on "le", "of" or "the" would return everything: keep the telling words.
    const telling = terms.filter((t) => t.kind === "number" || !STOP_WORDS.has(foldWord(t.text)));
    if (telling.length > 0) terms = telling;
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// The same expressions for PostgreSQL (to_tsquery), with the same terms
// ---------------------------------------------------------------------------------------------

/**
 * A word as a tsquery operand. Terms hold letters, digits and marks only, so the quotes cannot be
 * broken out of; the marks go here, and the database folds case and the rest of the accents
 * (desk_fold, the function the index uses, applied to the whole expression).
 */
function lexeme(text: string, suffix = ""): string {
  const bare = text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").replace(/'/g, "''");
  return `'${bare}'${suffix}`;
}

function numberTsQuery(digits: string, weights = ""): string {
  if (digits.length < 4 || digits.length > 15) return lexeme(digits, weights && `:${weights}`);
  const phrase = grouped(digits)
    .split(" ")
    .map((group) => lexeme(group, weights && `:${weights}`))
    .join(" <-> ");
  return `(${lexeme(digits, weights && `:${weights}`)} | ${phrase})`;
}

const TSQUERY: Syntax = {
  word: (text, prefix) => lexeme(text, prefix ? ":*" : ""),
  phrase: (words) => {
    const lexemes = words.map((w) => lexeme(w)).filter((l) => l !== "''");
    if (lexemes.length === 0) return null;
    return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(" <-> ")})`;
  },
  number: (digits) => numberTsQuery(digits),
  and: " & ",
  or: " | ",
  // A word of combining marks alone is empty once they are dropped.
  searchable: (t) => t.kind === "number" || t.text.normalize("NFD").replace(/\p{M}/gu, "") !== "",
  silentParty: (expression) => expression,
};

/**
 * buildSearchMatch for PostgreSQL: the same terms as a to_tsquery expression. For a "did not
 * comment" query (silentPartyQuery) it is the party's, which the caller matches against the silent
 * party alone: its tsvector weight is shared with the note, so a weight cannot single it out.
 */
export function buildSearchTsQuery(
  query: string,
  mode: MatchMode = "all",
  options: SearchOptions = {},
): string | null {
  return build(TSQUERY, query, mode, options);
}

// ---------------------------------------------------------------------------------------------
// Similarity: the significant words of a claim
// ---------------------------------------------------------------------------------------------

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  hundred: "100",
  thousand: "1000",
  deux: "2",
  trois: "3",
  quatre: "4",
  cinq: "5",
  sept: "7",
  huit: "8",
  neuf: "9",
  dix: "10",
  onze: "11",
  douze: "12",
  vingt: "20",
  trente: "30",
  quarante: "40",
  cinquante: "50",
  cent: "100",
  mille: "1000",
  // Fractions count by their denominator, so "deux tiers", "two thirds" and "2/3" meet.
  tiers: "3",
  third: "3",
  thirds: "3",
  quart: "4",
  quarts: "4",
  quarter: "4",
  quarters: "4",
};

/** The digits a number word stands for; own keys only, so "constructor" is a word, not Object's. */
function numberWord(word: string): string | undefined {
  return Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word] : undefined;
}

// French and English endings dropped before a prefix match, so that "contrôle", "contrôler" and
// "controls" meet at "control*". Crude on purpose: BM25 ranks, this only widens recall.
const SUFFIXES = ["ement", "ation", "ings", "ing", "ee", "ed", "er", "e"];
const MIN_PREFIX = 4;

export type SignificantTerm =
  | { kind: "number"; key: string; digits: string; word?: string }
  | { kind: "word"; key: string; stem: string; prefix: boolean; forms: string[] };

function stemWord(word: string): { stem: string; prefix: boolean; forms: string[] } {
  let stem = word;
  if (stem.length > 3 && /[sx]$/.test(stem)) stem = stem.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_PREFIX) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  if (stem.length >= MIN_PREFIX) return { stem, prefix: true, forms: [] };
  return { stem, prefix: false, forms: [...new Set([word, stem, `${stem}s`])] };
}

/**
 * The terms of a claim that say what it is about: stop words out, numbers in ("1 800", "1800",
 * "two thirds"), one term per stem, in order of first appearance.
 */
export function significantTerms(text: string): SignificantTerm[] {
  const seen = new Set<string>();
  const out: SignificantTerm[] = [];
  for (const term of tokenize(text)) {
    let next: SignificantTerm | null = null;
    if (term.kind === "number") {
      next = { kind: "number", key: `#${term.digits}`, digits: term.digits };
    } else {
      const word = foldWord(term.text);
      const digits = numberWord(word);
      if (digits) next = { kind: "number", key: `#${digits}`, digits, word };
      else if (/^\d+$/.test(word)) next = { kind: "number", key: `#${word}`, digits: word };
      else if (word.length >= 2 && !STOP_WORDS.has(word)) {
        const { stem, prefix, forms } = stemWord(word);
        next = { kind: "word", key: stem, stem, prefix, forms };
      }
    }
    if (!next || seen.has(next.key)) continue;
    seen.add(next.key);
    out.push(next);
    if (out.length >= MAX_SIMILAR_TERMS) break;
  }
  return out;
}

function significantExpression(term: SignificantTerm): string {
  if (term.kind === "number") {
    const number = numberExpression(term.digits);
    return term.word ? `(${number} OR ${quote(term.word)})` : number;
  }
  if (term.prefix) return `${quote(term.stem)}*`;
  return term.forms.length === 1 ? quote(term.forms[0]!) : `(${term.forms.map(quote).join(" OR ")})`;
}

/** Any of the significant terms, in the columns that say what a claim is (not the reviewer's note). */
export function buildSimilarMatch(terms: SignificantTerm[]): string | null {
  if (terms.length === 0) return null;
  return `{statement quote speaker} : (${terms.map(significantExpression).join(" OR ")})`;
}

/**
 * buildSimilarMatch for PostgreSQL: the statement, quote and speaker carry the weights A, B and C
 * in the index (db/migrations-pg/0002_search.sql), the reviewer's note D, so `:ABC` leaves it out.
 */
export function buildSimilarTsQuery(terms: SignificantTerm[]): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map((term) => {
    if (term.kind === "number") {
      const number = numberTsQuery(term.digits, "ABC");
      return term.word ? `(${number} | ${lexeme(term.word, ":ABC")})` : number;
    }
    if (term.prefix) return lexeme(term.stem, ":*ABC");
    return `(${term.forms.map((form) => lexeme(form, ":ABC")).join(" | ")})`;
  });
  return parts.join(" | ");
}

/** The words and numbers of a text as the coverage check compares them. */
export function termIndex(text: string): { words: string[]; numbers: Set<string> } {
  const words: string[] = [];
  const numbers = new Set<string>();
  for (const term of tokenize(text)) {
    if (term.kind === "number") {
      numbers.add(term.digits);
      continue;
    }
    const word = foldWord(term.text);
    words.push(word);
    const digits = numberWord(word);
    if (digits) numbers.add(digits);
    if (/^\d+$/.test(word)) numbers.add(word);
  }
  return { words, numbers };
}

/** How many of the terms a text contains. */
export function countCovered(
  terms: SignificantTerm[],
  index: { words: string[]; numbers: Set<string> },
): number {
  let covered = 0;
  for (const term of terms) {
    const hit =
      term.kind === "number"
        ? index.numbers.has(term.digits)
        : term.prefix
          ? index.words.some((w) => w.startsWith(term.stem))
          : index.words.some((w) => term.forms.includes(w));
    if (hit) covered += 1;
  }
  return covered;
}

/** A reworded duplicate shares several terms, not one common word: at least two, or a third. */
export function minimumCoverage(termCount: number): number {
  return Math.min(termCount, Math.max(2, Math.ceil(termCount / 3)));
}
