// Who says it, and with which words: the speaker and the reporting cue of a sentence.
//
// The cue is found with a lexicon of reporting verbs ("affirme", "a toutefois noté", "a-t-il
// écrit", "said", "according to"), skipping anything inside quotation marks. The speaker is the
// noun phrase just before the cue ("Le Kremlin affirme que…"), or just after it when the cue
// follows a quotation or a comma ("«…», a affirmé Volodymyr Zelensky"), or after "selon" /
// "according to". Pronouns and bare descriptions ("il", "Le président ukrainien") are resolved
// against the named speakers seen earlier, which an AttributionContext carries across sentences.

import type { Language } from "@/lib/review/model";
import {
  EN_ADVERBS,
  EN_DETERMINERS,
  EN_REPORTING,
  FR_ADVERBS,
  FR_DETERMINERS,
  FR_REPORTING,
  FR_REPORTING_NEEDS_A,
  FR_REPORTING_NEEDS_QUE,
  HONORIFICS,
  NAME_PARTICLES,
  PRONOUNS_OTHER,
  PRONOUNS_PERSON,
  PRONOUNS_PLURAL,
  TITLE_NOUNS,
} from "./lexicon";
import type { Sentence } from "./segment";
import { analyseQuotes, collapseSpaces, fold, insideQuote, isUpper, tokenize } from "./text";

export type Resolution = "explicit" | "pronoun" | "description" | "surname" | "quotation";

export type Attribution = {
  /** Who makes the statement: as written with its title, or the named speaker it refers to. */
  speaker: string | null;
  /** The reporting words: "affirme", "a-t-il écrit", "selon", "said", "according to"… */
  cue: string | null;
  /** Offsets of the cue: into the sentence for attributeSentence, into the body for attributeSentences. */
  cueStart?: number;
  cueEnd?: number;
  /** The speaker as the sentence writes it, when it differs from speaker ("il", "Le président ukrainien"). */
  mention?: string;
  /** How the speaker was found. */
  resolution?: Resolution;
};

type Entity = {
  /** Proper name for a person ("Volodymyr Zelensky"), the phrase as written for anything else. */
  name: string;
  /** Role words in front of the name, folded: "president ukrainien". */
  titleWords: string[];
  person: boolean;
  surname: string;
  lastSeen: number;
};

export type AttributionContext = {
  entities: Entity[];
  lastSpeaker: string | null;
  clock: number;
};

export function createAttributionContext(): AttributionContext {
  return { entities: [], lastSpeaker: null, clock: 0 };
}

// ---------------------------------------------------------------------------------------------
// Cue patterns

const B = "(?<![\\p{L}\\p{N}'’-])";
const E = "(?![\\p{L}\\p{N}'’-])";

function alt(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length);
  return list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).join("|");
}

function buildFrench(): RegExp {
  const part = alt(Object.keys(FR_REPORTING));
  const pres = alt(Object.values(FR_REPORTING).flat());
  const partQ = alt(Object.keys(FR_REPORTING_NEEDS_QUE));
  const presQ = alt(Object.values(FR_REPORTING_NEEDS_QUE).flat());
  const partA = alt(Object.keys(FR_REPORTING_NEEDS_A));
  const presA = alt(Object.values(FR_REPORTING_NEEDS_A).flat());
  const adv = `(?:\\s+(?:${alt(FR_ADVERBS)}))*`;
  const aux = "(?:a|ont|avait|avaient|aurait|auraient)";
  const invAux =
    "(?:a-t-(?<inv>il|elle|on)|ont-(?<invp>ils|elles)|avait-(?<inva>il|elle|on)|aurait-(?<invc>il|elle|on))";
  const que = "(?=\\s+qu)";
  const toA = "(?=\\s+(?:à|au|aux)(?![\\p{L}]))";
  const forms = [
    `${invAux}${adv}\\s+(?:${part}|${partQ}|${partA})`,
    `${aux}${adv}\\s+(?:(?:${part})|(?:${partQ})${que}|(?:${partA})${toA})`,
    `(?:${pres}|${presQ})-(?:t-)?(?<inv2>il|elle|on|ils|elles)`,
    `(?:${pres})`,
    `(?:${presQ})${que}`,
    `(?:${presA})${toA}`,
    `(?<selon>[Ss]elon|[Dd]['’]après)`,
  ];
  return new RegExp(`${B}(?:${forms.join("|")})${E}`, "uy");
}

function buildEnglish(): RegExp {
  const verbs = alt(EN_REPORTING);
  const adv = alt(EN_ADVERBS);
  const notAfter =
    "(?<!\\b(?:to|will|would|could|can|may|might|not|n't|did|does|do|was|were|be|been|being|is|are)\\s+)";
  const forms = [
    `(?<selon>[Aa]ccording\\s+to)`,
    `${notAfter}(?:(?:has|have|had)\\s+(?:(?:${adv})\\s+)?)?(?:(?:${adv})\\s+)?(?:${verbs})`,
  ];
  return new RegExp(`${B}(?:${forms.join("|")})${E}`, "uy");
}

/**
 * Words a cue can start with. The cue pattern is long, so it is only tried (sticky) at tokens
 * found in this set rather than scanned across the sentence.
 */
function starters(language: Language): Set<string> {
  const s = new Set<string>();
  const add = (w: string) => s.add((w.split(/[\s'’-]/u)[0] ?? w).toLowerCase());
  if (language === "fr") {
    for (const w of ["a", "ont", "avait", "avaient", "aurait", "auraient", "selon", "d"]) add(w);
    for (const table of [FR_REPORTING, FR_REPORTING_NEEDS_QUE, FR_REPORTING_NEEDS_A]) {
      for (const forms of Object.values(table)) for (const f of forms) add(f);
    }
  } else {
    for (const w of ["has", "have", "had", "according", ...EN_ADVERBS, ...EN_REPORTING]) add(w);
  }
  return s;
}

let frenchStarters: Set<string> | null = null;
let englishStarters: Set<string> | null = null;
function starterSet(language: Language): Set<string> {
  if (language === "fr") return (frenchStarters ??= starters("fr"));
  return (englishStarters ??= starters("en"));
}

let frenchCue: RegExp | null = null;
let englishCue: RegExp | null = null;
function cuePattern(language: Language): RegExp {
  if (language === "fr") return (frenchCue ??= buildFrench());
  return (englishCue ??= buildEnglish());
}

// ---------------------------------------------------------------------------------------------
// Noun phrases

const FR_VERBISH = new Set([
  "a",
  "ont",
  "ai",
  "as",
  "avons",
  "avez",
  "est",
  "sont",
  "suis",
  "était",
  "étaient",
  "avait",
  "avaient",
  "sera",
  "seront",
  "serait",
  "pas",
  "ne",
  "n'",
  "y",
  "se",
  "s'",
  "fut",
  "peut",
  "doit",
  "va",
  "vont",
  "été",
  "avoir",
  "être",
  "plus",
  "jamais",
  "rien",
]);
const EN_VERBISH = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "did",
  "does",
  "do",
  "not",
  "will",
  "would",
  "can",
  "could",
  "should",
  "been",
  "be",
  "being",
  "may",
  "might",
  "must",
  "it's",
  "there",
]);
const CONNECTORS = new Set([
  "et",
  "mais",
  "puis",
  "ensuite",
  "enfin",
  "or",
  "donc",
  "pourtant",
  "and",
  "but",
  "then",
  "also",
  "so",
  "yet",
  "however",
  "meanwhile",
  "alors",
  "aussi",
]);
const PREPOSITIONS = new Set([
  "dans",
  "en",
  "sur",
  "lors",
  "après",
  "avant",
  "depuis",
  "pendant",
  "par",
  "pour",
  "à",
  "au",
  "aux",
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "since",
  "for",
  "by",
  "with",
  "from",
  "last",
  "this",
  "earlier",
  "yesterday",
  "today",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);
const DAYS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
]);
const STOP_BEFORE =
  /(?:^|[\s])(?:que|qui|dont|où|lorsque|quand|car|puisque|si|that|which|who|whom|whose|because|while|whereas|if|when)(?=\s)|qu['’]/giu;
const DELIMITERS = /[,;:()[\]«»"“”—–\n]/u;
const NOT_AFTER_VERB = new Set([
  "que",
  "qu",
  "à",
  "au",
  "aux",
  "de",
  "d",
  "du",
  "des",
  "en",
  "sur",
  "that",
  "to",
  "on",
  "in",
  "at",
  "for",
  "with",
  "about",
  "by",
  "reporters",
  "journalists",
]);

const CONJUNCTION_QUE = new Set([
  "alors",
  "tandis",
  "bien",
  "ainsi",
  "meme",
  "pendant",
  "parce",
  "des",
  "apres",
  "avant",
  "sans",
  "pour",
  "afin",
]);

/** Words that tie a role to an organisation: "spokesperson for the Kremlin", "ministère de la Défense". */
const LINK_WORDS = new Set([
  "for",
  "of",
  "at",
  "the",
  "from",
  "in",
  "du",
  "de",
  "des",
  "la",
  "le",
  "les",
  "d'",
  "l'",
  "au",
  "aux",
  "chez",
  "pour",
]);

function words(np: string): string[] {
  return np.split(/\s+/).filter((w) => w.length > 0);
}

function isDeterminer(w: string, language: Language): boolean {
  const f = fold(w);
  return language === "fr" ? FR_DETERMINERS.has(f) : EN_DETERMINERS.has(f);
}

function isPronoun(w: string): boolean {
  const f = fold(w);
  return PRONOUNS_PERSON.has(f) || PRONOUNS_PLURAL.has(f) || PRONOUNS_OTHER.has(f);
}

/**
 * The noun phrase right before position `at` (a cue, a "n'a pas commenté"…): the subject of the
 * clause, or null when what precedes is not one.
 */
export function phraseBefore(sentence: string, cueStart: number, language: Language): string | null {
  // An insert between dashes before the cue: "The report by TNO - which was contracted… - found".
  const dashed = DASH_BEFORE.test(sentence.slice(Math.max(0, cueStart - 4), cueStart))
    ? /\s[-–—]\s*$/u.exec(sentence.slice(0, cueStart))
    : null;
  if (dashed) {
    const open = sentence.slice(0, dashed.index).search(/\s[-–—]\s(?![\s\S]*\s[-–—]\s)/u);
    if (open > 0) return phraseBefore(sentence, open + 1, language);
  }
  let from = 0;
  for (let i = cueStart - 1; i >= 0; i--) {
    const ch = sentence[i] ?? "";
    if (ch === ")") {
      // "(TNO)", "(ČSSD)": a parenthesis belongs to the phrase.
      const open = sentence.lastIndexOf("(", i);
      if (open >= 0 && i - open <= 40) {
        i = open;
        continue;
      }
    }
    if (DELIMITERS.test(ch)) {
      from = i + 1;
      break;
    }
  }
  let tail = sentence.slice(from, cueStart);
  if (tail.trim() === "" && sentence[from - 1] === ",") {
    // "Zelensky, who met Trump on Friday, said…", "Dmitri Peskov, le porte-parole du Kremlin, a dit…":
    // skip a relative clause or an apposition between commas and take the subject before it.
    const skipped = subjectBeforeInsert(sentence, from - 1, language);
    if (skipped !== null) return skipped;
  }
  // Time words between the subject and the cue: "health officials this week said", "New data on Thursday showed".
  if (TIME_END.test(tail)) tail = tail.replace(TRAILING_TIME, " ");
  STOP_BEFORE.lastIndex = 0;
  let cut = -1;
  let cutAt = -1;
  for (let m = STOP_BEFORE.exec(tail); m !== null; m = STOP_BEFORE.exec(tail)) {
    cut = m.index + m[0].length;
    cutAt = m.index;
  }
  if (cut >= 0) {
    // A relative clause ("des systèmes, que l'Ukraine réclame", "ce qu'il dit", "which Russia
    // claims") does not carry the sentence's attribution; "alors que Moscou affirme" does.
    const before = sentence.slice(from, from + cutAt).trimEnd();
    const prevWord = fold(/(\S+)$/u.exec(before)?.[1] ?? "");
    const stop = fold(tail.slice(cutAt, cut).trim());
    const conjunction = /^(?:que|qu')$/u.test(stop) && CONJUNCTION_QUE.has(prevWord);
    const subordinator = /^(?:lorsque|quand|car|puisque|si|because|while|whereas|if|when)$/u.test(stop);
    // …unless the relative clause closes before the main verb: "Le Kremlin, qui affirme…, n'a pas…".
    const closes = /,\s+(?:n['’]|ne\s|a\s|ont\s|est\s|sont\s|has\s|have\s|is\s|was\s|did\s)/u.test(
      sentence.slice(cueStart),
    );
    if (/^(?:qui|who|which)$/u.test(stop) && tail.slice(cut).trim() === "" && !closes) {
      // "celle de la Banque de France, qui table sur…": the antecedent speaks.
      const antecedent =
        /((?:(?:la|le|les|l['’]|the)\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|of|for|la|l['’])\s*)?\p{Lu}[\p{L}'’-]*)*),?\s*$/u.exec(
          sentence.slice(0, from + cutAt),
        );
      if (antecedent?.[1]) return antecedent[1];
    }
    if (!conjunction && !subordinator) return null;
    tail = tail.slice(cut);
  }
  let ws = words(tail);
  while (ws.length > 0 && CONNECTORS.has(fold(ws[0] ?? ""))) ws = ws.slice(1);
  if (ws.length === 0) return null;
  const lastWord = ws[ws.length - 1] ?? "";
  if (isPronoun(lastWord)) return lastWord;
  if (PREPOSITIONS.has(fold(ws[0] ?? ""))) ws = afterLeadingPhrase(ws, language);
  // "comes after health officials said": the subject follows the subordinator.
  const sub = ws.findLastIndex((w) => /^(?:after|before|as|since|once|après|avant)$/iu.test(w));
  if (sub >= 1 && sub < ws.length - 1) ws = ws.slice(sub + 1);
  if (validPhrase(ws, language)) return ws.join(" ");
  // "Le principal intéressé a rejeté toute faute et a fait savoir": the subject of the first clause.
  const and = ws.findIndex((w) => /^(?:et|and)$/iu.test(w));
  if (and > 0) {
    const verbish = language === "fr" ? FR_VERBISH : EN_VERBISH;
    const v = ws.findIndex((w) => verbish.has(fold(w)));
    if (v > 0 && v < and && validPhrase(ws.slice(0, v), language)) return ws.slice(0, v).join(" ");
  }
  return null;
}

const DASH_BEFORE = /[-–—]\s*$/u;
const TIME_END = /(?:day|week|month|year|morning|evening|di|soir|matin|semaine|night)\s*$/iu;
const TRAILING_TIME =
  /\s+(?:(?:on|this|last|earlier|late|in\s+late|in\s+early|ce|cette|jeudi|mardi)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|evening|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir|matin|semaine)(?:\s+(?:soir|matin|night))?\s*$/iu;

/** "On Sunday the ministry" → "the ministry"; "In Kyiv Zelensky" → "Zelensky". */
function afterLeadingPhrase(ws: string[], language: Language): string[] {
  for (let i = ws.length - 1; i >= 1; i--) {
    if (isDeterminer(ws[i] ?? "", language) || /^[Ll]['’]/u.test(ws[i] ?? "")) return ws.slice(i);
  }
  let i = ws.length;
  while (i > 1 && isUpper((ws[i - 1] ?? "")[0]) && !DAYS.has(fold(ws[i - 1] ?? ""))) i--;
  return i < ws.length ? ws.slice(i) : [];
}

function validPhrase(ws: string[], language: Language): boolean {
  if (ws.length === 0 || ws.length > 12) return false;
  const verbish = language === "fr" ? FR_VERBISH : EN_VERBISH;
  for (const w of ws) {
    const f = fold(w);
    if (verbish.has(f) || /^n['’]/u.test(w) || /["«»“”]/u.test(w)) return false;
  }
  const first = ws[0] ?? "";
  const last = ws[ws.length - 1] ?? "";
  if (isDeterminer(last, language) || PREPOSITIONS.has(fold(last)) || NAME_PARTICLES.has(fold(last)))
    return false;
  if (/['’]s$/u.test(last) || /['’]$/u.test(last)) return false;
  if (/\p{N}/u.test(first) && ws.length === 1) return false;
  const startsWell =
    isDeterminer(first, language) || /^[LlDd]['’]\p{L}/u.test(first) || isUpper(first[0]) || isPronoun(first);
  if (startsWell) return true;
  // English allows bare plurals and collectives: "officials said", "military sources say".
  return language !== "fr" && ws.length <= 4;
}

/** The noun phrase right after the cue: "a affirmé Volodymyr Zelensky", "selon le Kremlin". */
const INSERT_START =
  /^\s*(?:who|which|whose|qui|dont|lequel|laquelle|the|a|an|le|la|les|l['’]|un|une|ancien|ancienne|former)\s/iu;

function subjectBeforeInsert(sentence: string, comma: number, language: Language): string | null {
  const open = sentence.lastIndexOf(",", comma - 1);
  if (open < 0) return null;
  const insert = sentence.slice(open + 1, comma);
  const properName = /^\s*(?:\p{Lu}[\p{L}'’-]*\s*){1,4}$/u.test(insert);
  if ((!INSERT_START.test(insert) && !properName) || words(insert).length > 40) return null;
  let from = 0;
  for (let i = open - 1; i >= 0; i--) {
    if (DELIMITERS.test(sentence[i] ?? "")) {
      from = i + 1;
      break;
    }
  }
  const ws = words(sentence.slice(from, open));
  if (properName && ws.length > 0 && ws.length <= 8 && validPhrase(ws, language))
    // "Le porte-parole du Kremlin, Dmitri Peskov, a jugé": the title and the name.
    return `${ws.join(" ")}, ${collapseSpaces(insert)}`;
  if (
    ws.length === 0 ||
    ws.length > 6 ||
    !(ws.some((w) => isUpper(w[0])) || isDeterminer(ws[0] ?? "", language))
  )
    return null;
  return validPhrase(ws, language) ? ws.join(" ") : null;
}

/** Where an inverted subject ends: "a déclaré M. Macron devant la presse" → "M. Macron". */
const AFTER_SUBJECT = new Set([
  "devant",
  "lors",
  "à",
  "au",
  "aux",
  "en",
  "dans",
  "sur",
  "pendant",
  "après",
  "avant",
  "hier",
  "ce",
  "cette",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "on",
  "at",
  "in",
  "during",
  "to",
  "after",
  "before",
  "yesterday",
  "today",
  "last",
  "this",
  "when",
  "while",
  "as",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

const AFTER_CUE =
  /^\s+((?:(?:M|MM|Mme|Mr|Mrs|Ms|Dr|Pr|Prof|St|Mgr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|\p{Lu})\.\s|[^,;:.!?()[\]«»"“”\n])+?)\s*(?=$|[,;:.!?()[\]«»"“”\n]|\s(?:que|qu['’]|qui|that|who|which)\s)/u;

function phraseAfter(sentence: string, cueEnd: number, language: Language, loose: boolean): string | null {
  let rest = sentence.slice(cueEnd);
  // "a rapporté sur Facebook le porte-parole du président": skip the place of the statement.
  const place =
    /^\s+(?:sur|dans|devant|on|in)\s+(?:\p{Lu}[\p{L}-]*|son\s+compte\s+\p{L}+)(?=\s+(?:le|la|les|l['’]|the)\s*\p{L})/u.exec(
      rest,
    );
  if (place && !loose) rest = rest.slice(place[0].length);
  const m = AFTER_CUE.exec(rest);
  if (!m || m[1] === undefined) return null;
  let np = m[1];
  let ws = words(np);
  // "le commissaire à l'économie Pierre Moscovici": a title with its name, kept whole.
  if (
    ws.length <= 10 &&
    isDeterminer(ws[0] ?? "", language) &&
    /\s\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+$/u.test(np) &&
    !ws.some((w, i) => i > 0 && DAYS.has(fold(w)))
  )
    return np;
  const cutAt = ws.findIndex(
    (w, i) => i > 0 && (AFTER_SUBJECT.has(fold(w)) || AFTER_SUBJECT.has(w.toLowerCase())),
  );
  if (cutAt > 0) {
    ws = ws.slice(0, cutAt);
    np = ws.join(" ");
  }
  const first = fold(ws[0] ?? "").replace(/['’].*$/, "");
  if (!loose && NOT_AFTER_VERB.has(first)) return null;
  if (ws.length === 1 && isPronoun(ws[0] ?? "")) return ws[0] ?? null;
  if (loose && /^(?:lui|elle|eux|him|her|them)$/iu.test(np)) return np;
  // Apposition: "le porte-parole du Kremlin, Dmitri Peskov."
  const after = cutAt > 0 ? "" : rest.slice(m[0].length);
  const appo = /^,\s+((?:\p{Lu}[\p{L}'’-]*\s*){1,4})(?=$|[.;!?])/u.exec(after);
  if (appo && appo[1] !== undefined) np = `${np}, ${appo[1].trim()}`;
  return validPhrase(words(np.replace(",", "")), language) ? np : null;
}

// ---------------------------------------------------------------------------------------------
// Speakers and the context

type Parsed =
  | { kind: "pronoun"; pronoun: string }
  | { kind: "named"; name: string; titleWords: string[]; person: boolean }
  | { kind: "descriptive"; titleWords: string[] };

/** Split a speaker phrase into role words and a proper name. */
function parsePhrase(np: string, language: Language): Parsed {
  const appo = np.split(/,\s+/);
  const raw = appo.length === 2 ? `${appo[0] ?? ""} ${appo[1] ?? ""}` : np;
  let ws = words(raw);
  if (ws.length === 1 && isPronoun(ws[0] ?? "")) return { kind: "pronoun", pronoun: fold(ws[0] ?? "") };
  // Split elided determiners: "L'armée" → "armée".
  ws = ws.map((w, i) => (i === 0 ? w.replace(/^[LlDd]['’](?=\p{L})/u, "") : w));
  while (ws.length > 0 && isDeterminer(ws[0] ?? "", language)) ws = ws.slice(1);
  let honorific = false;
  let i = ws.length;
  while (i > 0) {
    const w = ws[i - 1] ?? "";
    const bare = w.replace(/\.$/, "");
    if (HONORIFICS.has(bare)) {
      honorific = true;
      break;
    }
    const cap = isUpper(w[0]) && !TITLE_NOUNS.has(fold(w));
    const particle = NAME_PARTICLES.has(fold(w)) && i < ws.length;
    if (!cap && !particle) break;
    i--;
  }
  let nameWords = ws.slice(i);
  while (nameWords.length > 0 && NAME_PARTICLES.has(fold(nameWords[0] ?? ""))) {
    nameWords = nameWords.slice(1);
    i++;
  }
  const titleTokens = ws.slice(0, honorific ? i - 1 : i);
  const titleWords = titleTokens
    .map((w) => fold(w))
    .filter((w) => !NAME_PARTICLES.has(w) && !isDeterminer(w, language));
  const hasTitleNoun = titleWords.some((w) => TITLE_NOUNS.has(w)) || titleWords.some((w) => w === "prime");
  if (nameWords.length > 0) {
    const caps = nameWords.filter((w) => isUpper(w[0])).length;
    const titleEndsWithParticle = i > 0 && LINK_WORDS.has(fold(ws[i - 1] ?? ""));
    const person = !titleEndsWithParticle && (honorific || caps >= 2 || (hasTitleNoun && caps >= 1));
    if (person) return { kind: "named", name: nameWords.join(" "), titleWords, person: true };
    return { kind: "named", name: collapseSpaces(np), titleWords, person: false };
  }
  if (hasTitleNoun) return { kind: "descriptive", titleWords };
  const anyCap = ws.some((w) => isUpper(w[0]));
  if (anyCap) return { kind: "named", name: collapseSpaces(np), titleWords: [], person: false };
  return { kind: "descriptive", titleWords };
}

function touch(ctx: AttributionContext, e: Entity): Entity {
  ctx.clock++;
  e.lastSeen = ctx.clock;
  return e;
}

function remember(ctx: AttributionContext, name: string, titleWords: string[], person: boolean): Entity {
  const key = fold(name);
  let e = ctx.entities.find((x) => fold(x.name) === key);
  if (!e) {
    const ws = words(name);
    e = { name, titleWords, person, surname: fold(ws[ws.length - 1] ?? name), lastSeen: 0 };
    ctx.entities.push(e);
  } else if (titleWords.length > 0) {
    e.titleWords = titleWords;
  }
  return touch(ctx, e);
}

function mostRecent(ctx: AttributionContext, pick: (e: Entity) => boolean): Entity | null {
  let best: Entity | null = null;
  for (const e of ctx.entities) if (pick(e) && (!best || e.lastSeen > best.lastSeen)) best = e;
  return best;
}

/**
 * Resolve a speaker phrase against the context: pronouns to the nearest named speaker, bare role
 * descriptions to the latest person holding that role, a lone surname to the full name. Named
 * speakers are remembered. Without a match the phrase stays as written.
 */
export function resolveMention(
  mention: string,
  language: Language,
  ctx: AttributionContext,
): { speaker: string | null; resolution: Resolution } {
  const np = collapseSpaces(mention);
  const parsed = parsePhrase(np, language);
  if (parsed.kind === "pronoun") {
    const p = parsed.pronoun;
    let e: Entity | null = null;
    if (PRONOUNS_PERSON.has(p)) e = mostRecent(ctx, (x) => x.person) ?? mostRecent(ctx, () => true);
    else if (PRONOUNS_PLURAL.has(p)) e = mostRecent(ctx, (x) => !x.person);
    else if (p === "on") return { speaker: null, resolution: "pronoun" };
    if (e) return { speaker: touch(ctx, e).name, resolution: "pronoun" };
    return { speaker: np, resolution: "explicit" };
  }
  if (parsed.kind === "descriptive") {
    const wanted = parsed.titleWords;
    if (wanted.length > 0) {
      const e = mostRecent(ctx, (x) => x.person && wanted.every((w) => x.titleWords.includes(w)));
      if (e) return { speaker: touch(ctx, e).name, resolution: "description" };
    }
    return { speaker: np, resolution: "explicit" };
  }
  const nameWords = words(parsed.name);
  if (nameWords.length === 1 && parsed.titleWords.length === 0) {
    const f = fold(parsed.name);
    const e = mostRecent(ctx, (x) => x.person && x.surname === f && fold(x.name) !== f);
    if (e) return { speaker: touch(ctx, e).name, resolution: "surname" };
  }
  remember(ctx, parsed.name, parsed.titleWords, parsed.person);
  return { speaker: np, resolution: "explicit" };
}

// ---------------------------------------------------------------------------------------------
// Sentences

/**
 * Find the speaker and cue of one sentence. Pass the same context to successive sentences of a
 * text so that "il", "he" and "Le président ukrainien" resolve to the speaker named earlier.
 * cueStart and cueEnd are offsets into the sentence string.
 */
export function attributeSentence(
  sentence: string,
  language: Language,
  context?: AttributionContext,
): Attribution {
  const ctx = context ?? createAttributionContext();
  const found = findCue(sentence, language);
  if (found) {
    const { speaker, resolution } = resolveMention(found.mention, language, ctx);
    ctx.lastSpeaker = speaker;
    const a: Attribution = { speaker, cue: found.cue, cueStart: found.start, cueEnd: found.end, resolution };
    if (speaker !== found.mention) a.mention = found.mention;
    return a;
  }
  noteSubject(sentence, language, ctx);
  const q = analyseQuotes(sentence);
  const quoted = q.startsInside || /^[«“"„]/u.test(sentence.trimStart());
  if (quoted && ctx.lastSpeaker !== null)
    return { speaker: ctx.lastSpeaker, cue: null, resolution: "quotation" };
  return { speaker: null, cue: null };
}

const LEAD_WORD = /^\s*([\p{L}\p{N}'’.-]+)/u;

/**
 * A sentence without a cue may still name a person as its subject ("La ministre Anna Kovalenko
 * a présenté le plan."): remember them, so that a later "a-t-elle déclaré" or an unattributed
 * quotation finds them.
 */
function noteSubject(sentence: string, language: Language, ctx: AttributionContext): void {
  // Only worth a look when a capitalised word follows the first one.
  let caps = 0;
  for (const t of tokenize(sentence)) if (t.cap && ++caps >= 2) break;
  if (caps < 2 && !/^\s*\p{Lu}\S*\s+\p{Lu}/u.test(sentence)) return;
  let rest = sentence;
  const intro = /^[^,«»"“”]{0,40},\s*/u.exec(rest);
  if (intro) rest = rest.slice(intro[0].length);
  const taken: string[] = [];
  let sawCap = false;
  for (let n = 0; n < 9; n++) {
    const m = LEAD_WORD.exec(rest);
    if (!m || m[1] === undefined) return;
    const w = m[1];
    const cap = isUpper(w[0]);
    if (!cap && sawCap) break;
    if (!cap && n >= 4) return;
    if (cap && !(n === 0 && isDeterminer(w, language))) sawCap = true;
    taken.push(w);
    rest = rest.slice(m[0].length);
  }
  if (!sawCap || taken.length === 0) return;
  const parsed = parsePhrase(taken.join(" "), language);
  if (parsed.kind === "named" && parsed.person) {
    ctx.lastSpeaker = remember(ctx, parsed.name, parsed.titleWords, true).name;
  }
}

/** Attribute every sentence in reading order, carrying the context; offsets are into the body. */
export function attributeSentences(
  sentences: readonly Sentence[],
  language: Language,
  context: AttributionContext = createAttributionContext(),
): Attribution[] {
  return sentences.map((s) => {
    const a = attributeSentence(s.text, language, context);
    if (a.cueStart !== undefined && a.cueEnd !== undefined) {
      a.cueStart += s.start;
      a.cueEnd += s.start;
    }
    return a;
  });
}

type Found = { cue: string; start: number; end: number; mention: string };

function findCue(sentence: string, language: Language): Found | null {
  const re = cuePattern(language);
  const q = analyseQuotes(sentence);
  const quotedUntil = q.startsInside ? q.firstUnmatchedClose : -1;
  const starts = starterSet(language);
  let searchFrom = 0;
  for (const tok of tokenize(sentence)) {
    const at = tok.start;
    if (at < searchFrom || !starts.has(tok.lower)) continue;
    re.lastIndex = at;
    const m = re.exec(sentence);
    if (!m) continue;
    const start = m.index;
    searchFrom = start + m[0].length;
    const end = start + m[0].length;
    if (start < quotedUntil || insideQuote(q.spans, start)) continue;
    const cue = collapseSpaces(m[0]);
    const g = m.groups ?? {};
    const inv = g.inv ?? g.invp ?? g.inva ?? g.invc ?? g.inv2;
    if (inv !== undefined) return { cue, start, end, mention: inv };
    if (g.selon !== undefined) {
      const np = phraseAfter(sentence, end, language, true);
      if (np) return { cue, start, end, mention: np };
      continue;
    }
    const before = phraseBefore(sentence, start, language);
    if (before) return { cue, start, end, mention: before };
    // Inversion after a quotation or a comma: "«…», a affirmé X", "…, said John Smith."
    const prev = sentence.slice(0, start).trimEnd();
    const lastCh = prev[prev.length - 1];
    if (lastCh === undefined || /[,»”"]/u.test(lastCh)) {
      const verb = cue.split(" ").find((w) => !/^(?:has|have|had)$/u.test(w)) ?? cue;
      if (
        language !== "fr" &&
        /^(?:told|tells|asked|urged|urges|accused|accuses|called|calls|thanked)$/u.test(verb)
      )
        continue;
      const after = phraseAfter(sentence, end, language, false);
      if (after) return { cue, start, end, mention: after };
    }
  }
  return null;
}
