// Check-worthiness: how much a sentence looks like a checkable factual claim, in [0, 1].
//
// The score is a base plus the weights of explainable features, clamped to [0, 1]. Every feature
// that fired is listed in `reasons` with its weight, so an editor can see why a sentence was
// suggested (numbers, named places, factual verbs, attribution) or pushed down (thanks, wishes,
// requests, opinions, headlines without a verb).

import type { Language } from "@/lib/review/model";
import { KNOWN_ENTITIES } from "./lexicon";
import { type Token, fold, tokenize } from "./text";

export type Reason = { feature: string; weight: number; label: string };
export type Score = { score: number; reasons: Reason[] };
export type ScoreOptions = {
  /** The sentence's attribution, when known: a reported claim with a speaker is worth checking. */
  attribution?: { speaker: string | null; cue: string | null } | null;
  /** The cue only introduces a topic ("il a détaillé les frappes"), not a reported statement. */
  narration?: boolean;
};

export const BASE_SCORE = 0.3;
/** Suggested threshold for the UI: suggestions scoring below it are shown as unlikely claims. */
export const SUGGESTION_THRESHOLD = 0.5;

const W = {
  numbers: 0.25,
  severalNumbers: 0.05,
  entity: 0.1,
  entitiesMax: 0.2,
  factualVerb: 0.15,
  attribution: 0.3,
  impersonal: 0.2,
  quotedSpeaker: 0.2,
  unsourced: -0.35,
  narration: -0.3,
  hypothetical: -0.25,
  time: 0.05,
  gratitude: -0.45,
  wish: -0.3,
  request: -0.5,
  requestCue: -0.2,
  opinion: -0.3,
  evaluative: -0.1,
  question: -0.2,
  noFinalPunctuation: -0.15,
  noVerb: -0.25,
  short: -0.15,
} as const;

/**
 * Word lists, looked up on the lowercase tokens of a sentence. All lists share one table so that
 * a sentence is walked once: each word or phrase maps to the bit set of the lists it belongs to.
 */
type Lexicon = number;
const words = new Map<string, number>();
const phrases = new Map<string, number>();
const firsts = new Set<string>();
let maxPhrase = 1;
let nextBit = 1;

function lexicon(list: string): Lexicon {
  const bit = nextBit;
  nextBit <<= 1;
  for (const entry of list.trim().split(/\s*\|\s*/)) {
    const toks = lowerTokens(entry);
    if (toks.length === 0) continue;
    const key = toks.join(" ");
    const table = toks.length === 1 ? words : phrases;
    table.set(key, (table.get(key) ?? 0) | bit);
    if (toks.length > 1) {
      firsts.add(toks[0] ?? "");
      maxPhrase = Math.max(maxPhrase, toks.length);
    }
  }
  return bit;
}

function lowerTokens(text: string): string[] {
  return tokenize(text).map((t) => t.lower);
}

type Hits = { term: string; lists: number }[];

/** Every word and phrase of the lists found in the tokens, in order. */
function lookup(tokens: readonly Token[]): Hits {
  const out: Hits = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]?.lower ?? "";
    const w = words.get(t);
    if (w !== undefined) out.push({ term: t, lists: w });
    if (firsts.has(t)) {
      let phrase = t;
      for (let n = 2; n <= maxPhrase && i + n <= tokens.length; n++) {
        phrase += ` ${tokens[i + n - 1]?.lower ?? ""}`;
        const p = phrases.get(phrase);
        if (p !== undefined) out.push({ term: phrase, lists: p });
      }
    }
  }
  return out;
}

function find(hits: Hits, lex: Lexicon): string[] {
  const out: string[] = [];
  for (const h of hits) if (h.lists & lex) out.push(h.term);
  return out;
}

const DIGITS = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*(?:\s?%)?/gu;
const NUMBER_WORDS = lexicon(`
  deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|
  moitié|tiers|quart|quarts|dizaine|dizaines|douzaine|douzaines|vingtaine|vingtaines|centaine|centaines|millier|milliers|pour cent|pourcent|
  two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|hundreds|thousand|thousands|
  billion|billions|dozen|dozens|half|third|thirds|quarter|quarters|percent|per cent|majority|majorité|double|doubled|triple|tripled`);
const TIME_WORDS = lexicon(`
  semaine|semaines|jour|jours|mois|ans|année|années|heure|heures|hier|aujourd hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|
  janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|
  week|weeks|day|days|month|months|year|years|hour|hours|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|
  january|february|march|april|june|july|august|september|october|november|december|overnight`);
const FACTUAL_VERBS = lexicon(`
  tiré|tirés|tirée|tire|tirent|lancé|lancés|lancée|lance|lancent|abattu|abattus|abattue|abattues|abat|
  tué|tués|tuée|tuées|tue|tuent|blessé|blessés|blessées|mort|morts|décédé|décédés|détruit|détruits|détruite|détruisent|
  frappé|frappés|frappe|frappent|attaqué|attaquée|attaquent|bombardé|bombardée|intercepté|interceptés|interceptées|
  pris|prise|prend|prennent|contrôle|contrôlent|contrôler|contrôlait|capturé|capturée|conquis|libéré|libérée|
  envoyé|envoyés|envoie|envoient|enverrait|enverra|livré|livrés|livre|livrent|livraison|fourni|fournit|fournira|
  comprend|comprenait|signé|signe|signent|voté|adopté|élu|élue|arrêté|arrêtés|arrêtée|condamné|condamnée|
  augmenté|augmente|baissé|baisse|chuté|atteint|atteignent|dépassé|dépasse|coûté|coûte|payé|payée|versé|
  perpétré|perpétrées|perpétrés|mené|menées|menés|déployé|déployés|déployées|annexé|évacué|évacués|fermé|ouvert|
  fired|fires|launched|launches|shot down|downed|killed|kills|wounded|injured|died|dead|destroyed|destroys|
  struck|strikes|hit|attacked|attacks|bombed|intercepted|seized|captured|took|taken|controls|control|controlled|
  sent|sends|send|delivered|delivers|supplied|includes|included|signed|voted|elected|arrested|
  convicted|increased|rose|fell|dropped|reached|exceeded|cost|costs|paid|deployed|annexed|evacuated|closed|opened`);
const GRATITUDE = lexicon(`
  reconnaissant|reconnaissante|reconnaissants|reconnaissantes|remercie|remercié|remercient|remerciement|remerciements|merci|
  gratitude|grateful|thank|thanks|thanked|thanking|thankful`);
const WISH = lexicon(`
  espère|espérons|espèrent|espérer|souhaite|souhaitent|souhaitons|souhaiter|vœux|voeux|
  hope|hopes|hoped|hoping|wish|wishes|wished|let us|may god`);
const REQUEST = lexicon(`
  a demandé|ont demandé|demande à|demandé à|demandent à|appelle à|appellent à|a appelé à|ont appelé à|
  exhorte|exhorté|exhortent|devons|devez|il faut|faut il|
  doivent|doit rester|
  called on|calls on|call on|called for|calls for|his call|her call|their call|growing calls|urged|urges|urge|must|should|need to|needs to|we need|demanded|demands|demand`);
const APPEAL =
  /(?<![\p{L}])appel(?:le|lent|é|ée|ait|aient|ant)(?:\s+[\p{L}’'-]+){0,3}\s+(?:à|au|aux)(?![\p{L}])/u;
const REQUEST_CUE = /(?<![\p{L}])(?:demand|exhort|appel|réclam|urged|urges|asked|called on|calls on)/iu;
const SELF_DESCRIBED =
  /\bs['’](?:est|sont)\s+(?:[\p{L}]+\s+){0,3}(?:dit|dite|dits|dites|montrée?s?|déclarée?s?)\s+(?:«\s*)?(?:très\s+)?(?:confiante?s?|optimistes?|inquiète?s?|inquiets?|préoccupée?s?|favorables?|prête?s?|satisfaite?s?)/u;
const HYPOTHETICAL =
  /^\W*(?:if|si|s['’]il|s['’]ils)\b[^.]*\b(?:would|could|might|serait|seraient|aurait|auraient|pourrait)\b/iu;
const MONTH =
  /^(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december)\.?$/iu;

/**
 * Figures in digits that a claim could state: not years, dates, clock times, ages or sizes glued to
 * a noun ("52-year-old", "70-page"), nor digits inside names ("Covid-19", "G40").
 */
export function quantities(sentence: string): string[] {
  const out: string[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(sentence); m !== null; m = DIGITS.exec(sentence)) {
    const v = m[0];
    const before = sentence.slice(Math.max(0, m.index - 12), m.index);
    const after = sentence.slice(m.index + v.length, m.index + v.length + 12);
    if (/[\p{L}-]$/u.test(before) || /^[\p{L}]|^-\p{L}|^\s?(?:h\b|heures?\b|:\d)/u.test(after)) continue;
    if (/:$/.test(before) && /\d$/.test(before.slice(0, -1))) continue;
    if (/^(?:1[89]|20)\d\d$/.test(v)) continue;
    const nextWord = /^\s*([\p{L}.]+)/u.exec(after)?.[1] ?? "";
    const prevWord = /([\p{L}.]+)\s*$/u.exec(before)?.[1] ?? "";
    if (MONTH.test(nextWord) || (MONTH.test(prevWord) && /^\d{1,2}$/.test(v))) continue;
    // "Mouvement 5 étoiles", "Article 5": a number in a name.
    if (/\p{Lu}\p{Ll}+\s$/u.test(before) && !/[.!?]\s*\p{Lu}\p{Ll}+\s$/u.test(before) && m.index > 12)
      continue;
    out.push(v);
  }
  return out;
}
const OPINION = lexicon(`
  je pense|je crois|nous pensons|nous croyons|à mon avis|selon moi|il me semble|je suis convaincu|nous sommes convaincus|
  i think|i believe|we believe|we think|in my view|in my opinion|i feel|i am convinced|we are convinced`);
const EVALUATIVE = lexicon(`
  bon|bons|bonne|bonnes|meilleur|meilleurs|meilleure|meilleures|excellent|excellente|excellents|excellentes|terrible|terribles|
  formidable|formidables|particulièrement bien|très bien|
  good|great|best|excellent|terrible|wonderful|particularly well|very well`);
const VERBISH = lexicon(`
  est|sont|était|étaient|sera|seront|serait|a|ont|avait|avaient|aura|fait|font|va|vont|peut|peuvent|doit|doivent|
  is|are|was|were|will|would|has|have|had|can|could|did|does|do|says|said`);
const VERB_ENDING = /\p{L}{2,}(?:é|ée|és|ées|ait|aient|ent|ons|ez|ed|ing|ir)$/u;
const YEAR = /^(?:19|20)\d\d$/;

function quoteList(items: string[], max = 3): string {
  const uniq = [...new Set(items.map((s) => (/[\s]/u.test(s) ? s.replace(/\s+/g, " ") : s)))];
  const shown = uniq.slice(0, max).map((s) => `"${s}"`);
  return uniq.length > max ? `${shown.join(", ")}…` : shown.join(", ");
}

const JOINERS = new Set([" ", "\u00a0", "-"]);
const SKIP_CAPS = new Set(["i", "je", "j"]);

/** Capitalised names not at the start of the sentence, plus known organisations anywhere. */
export function namedEntities(sentence: string): string[] {
  const toks = tokenize(sentence);
  const found: string[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!t) break;
    if (!t.cap) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const cur = toks[j];
      const next = toks[j + 1];
      if (!cur || !next || !next.cap || next.start !== cur.end + 1 || !JOINERS.has(sentence[cur.end] ?? ""))
        break;
      j++;
    }
    const last = toks[j] ?? t;
    let from = i;
    if (i === 0) {
      // The first word is capitalised anyway: keep it only when it is a known name.
      if (KNOWN_ENTITIES.has(fold(sentence.slice(t.start, t.end))))
        found.push(sentence.slice(t.start, t.end));
      from = i + 1;
    } else if (
      /[.!?]\s$/u.test(sentence.slice(Math.max(0, t.start - 2), t.start)) ||
      (i === j && SKIP_CAPS.has(t.lower))
    ) {
      from = j + 1;
    }
    const first = toks[from];
    if (first && from <= j) found.push(sentence.slice(first.start, last.end));
    i = j + 1;
  }
  return found;
}

/** Score one sentence. */
export function scoreSentence(sentence: string, language: Language, options: ScoreOptions = {}): Score {
  void language; // the lexicons cover French and English together; kept for future languages
  const reasons: Reason[] = [{ feature: "base", weight: BASE_SCORE, label: "base score" }];
  const add = (feature: string, weight: number, label: string) => reasons.push({ feature, weight, label });

  const tokens = tokenize(sentence);
  const hits = lookup(tokens);
  const a = options.attribution;
  const sourced = Boolean(a?.speaker || a?.cue);
  const figures = quantities(sentence);
  const numbers = sourced ? [...figures, ...find(hits, NUMBER_WORDS)] : figures;
  if (numbers.length > 0) {
    add("numbers", W.numbers, `numbers or quantities: ${quoteList(numbers)}`);
    if (numbers.length > 1) add("several_numbers", W.severalNumbers, `${numbers.length} quantities`);
  }
  const entities = [...new Set(namedEntities(sentence))];
  if (entities.length > 0) {
    add(
      "named_entities",
      Math.min(W.entitiesMax, W.entity * entities.length),
      `named places, organisations or people: ${quoteList(entities, 4)}`,
    );
  }
  const factual = find(hits, FACTUAL_VERBS);
  if (factual.length > 0) add("factual_verb", W.factualVerb, `factual action: ${quoteList(factual)}`);
  if (a?.speaker && a.cue) add("attribution", W.attribution, `attributed to ${a.speaker} ("${a.cue}")`);
  else if (a?.cue) add("attribution", W.impersonal, `attributed without a named source ("${a.cue}")`);
  else if (a?.speaker) add("attribution", W.quotedSpeaker, `quotation of ${a.speaker}`);
  if (!sourced && figures.length === 0)
    add("unsourced", W.unsourced, "no source and no figure: narration or background");
  const narration = sourced && options.narration === true && figures.length === 0;
  if (/^\W*(?:if|si|s['’]il)/iu.test(sentence) && HYPOTHETICAL.test(sentence))
    add("hypothetical", W.hypothetical, "hypothetical (if… would)");
  const time = find(hits, TIME_WORDS);
  for (const t of tokens) if (YEAR.test(t.lower)) time.push(t.lower);
  if (time.length > 0) add("time", W.time, `time reference: ${quoteList(time, 2)}`);

  const gratitude = find(hits, GRATITUDE);
  if (gratitude.length > 0) add("gratitude", W.gratitude, `thanks or gratitude: ${quoteList(gratitude, 2)}`);
  const wish = find(hits, WISH);
  if (wish.length > 0) add("wish", W.wish, `wish or hope: ${quoteList(wish, 2)}`);
  const request = find(hits, REQUEST);
  if (sentence.includes("appel") && APPEAL.test(sentence)) request.push("appel… à");
  if (request.length > 0) {
    // A request reported as a past fact ("rappelle que le Kazakhstan avait appelé… à négocier") or
    // made after the statement, in a later sentence of a quotation, weighs half.
    const lower = sentence.toLowerCase();
    const at = Math.min(
      ...request.map((r) => lower.indexOf(r.split(" ")[0] ?? r)).filter((i) => i >= 0),
      lower.length,
    );
    const clause = lower.search(/\s(?:que|that)\s|\squ['’]/u);
    const stop = lower.search(/[.!?]\s+\p{L}/u);
    const secondary = (a?.cue && clause >= 0 && clause < at) || (stop >= 0 && stop < at);
    add("request", secondary ? W.request / 2 : W.request, `request or demand: ${quoteList(request, 2)}`);
  }
  if (a?.cue && REQUEST_CUE.test(a.cue))
    add("request_cue", W.requestCue, `reported as a request ("${a.cue}")`);
  const opinion = find(hits, OPINION);
  if ((sentence.includes("s’") || sentence.includes("s'")) && SELF_DESCRIBED.test(sentence))
    opinion.push("s'est dit…");
  if (opinion.length > 0) add("opinion", W.opinion, `opinion: ${quoteList(opinion, 2)}`);
  const evaluative = find(hits, EVALUATIVE);
  if (evaluative.length > 0)
    add("evaluative", W.evaluative, `evaluative wording: ${quoteList(evaluative, 2)}`);

  const trimmed = sentence
    .trim()
    .replace(/["»”’')\]]+$/u, "")
    .trimEnd();
  if (trimmed.endsWith("?")) add("question", W.question, "question");
  let wordCount = 0;
  for (const t of tokens) if (!/['’-]/u.test(sentence[t.start - 1] ?? " ")) wordCount++;
  if (!/[.!?…:;]$/u.test(trimmed)) {
    add("no_final_punctuation", W.noFinalPunctuation, "no final punctuation (headline or caption)");
    const hasVerb =
      factual.length > 0 ||
      Boolean(a?.cue) ||
      find(hits, VERBISH).length > 0 ||
      tokens.some((t) => VERB_ENDING.test(t.lower));
    if (!hasVerb) add("no_verb", W.noVerb, "no verb (headline)");
  }
  if (wordCount < 5) add("short", W.short, `only ${wordCount} words`);

  let raw = reasons.reduce((sum, r) => sum + r.weight, 0);
  if (narration) {
    // "Dans une publication sur X, il a détaillé les attaques": whatever else it names, no claim.
    const weight = Math.round(Math.min(W.narration, 0.3 - raw) * 100) / 100;
    add("narration", weight, "introduces a topic, reports no statement");
    raw += weight;
  }
  const score = Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
  return { score, reasons };
}
