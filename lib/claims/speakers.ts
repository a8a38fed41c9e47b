// One name per speaker within an article. The whole article is read first for the people it names
// with a title ("le ministre de la Santé Roman Prymula", "Sebastian Kurz, le chancelier
// autrichien", "le porte-parole du Kremlin, Dmitri Peskov") and the institutions it names ("la
// Commission européenne", "the Bank of England", "(TNO)"). Each sentence's speaker, as the
// attribution finder wrote it, is then resolved against them: a person gets the fullest form of
// their name and keeps their title as a role; "il", "he", "the minister", "M. Prymula", "le
// politique letton", "ce dernier" name the person meant; "l'institution", "the central bank",
// "TNO's report", "les données du ministère du Travail", "la même source" name the institution or
// source. Institutions stay apart from their members. Pure, like the rest of lib/claims.

import type { Language } from "@/lib/review/model";
import { EN_DETERMINERS, FR_DETERMINERS, HONORIFICS, TITLE_NOUNS, reportingWordSet } from "./lexicon";
import { collapseSpaces, fold, tokenize } from "./text";
import { canonicalName, nameVariants, sameName } from "./variants";

export type Person = {
  /** The fullest form of the name seen in the article. */
  name: string;
  surname: string;
  /** The title as the article writes it ("ministre russe de la Défense"), or null. */
  role: string | null;
  roleWords: Set<string>;
  /** Sentence index of every mention. */
  mentions: number[];
};

type Org = { name: string; key: string; /** Sentence indexes of its mentions, ascending. */ at: number[] };
type Mention = { sentence: number; offset: number; person: Person };

export type SpeakerRegistry = {
  persons: Person[];
  orgs: Org[];
  /** "Israel Defense Forces" → "IDF", from "The Israel Defense Forces (IDF)". Folded keys. */
  acronyms: Map<string, string>;
  mentions: Mention[];
  language: Language;
  /** Folded surnames and their spelling variants → person. */
  bySurname: Map<string, Person>;
  /** canonicalOrg's answers, per phrase. */
  canonical: Map<string, string>;
};

const ACRONYM_AT = /^\((\p{Lu}[\p{L}\p{N}]{1,9})\)/u;
const ORG_HINT =
  /Commission|Banque|Bank|Institut|Office|Cour|Court|Conseil|Council|Fonds|Fund|Trésor|Treasury|Department|Ministry|Ministère|Agence|Agency|Organi[sz]ation|Confédération|Confederation|Fédération|Federation|Parlement|Parliament|Gouvernement|Government/u;
const ORG_HEADS = new Set([
  "commission",
  "banque",
  "bank",
  "institut",
  "institute",
  "institution",
  "organisation",
  "organization",
  "office",
  "ministere",
  "ministry",
  "department",
  "agence",
  "agency",
  "cour",
  "court",
  "conseil",
  "council",
  "fonds",
  "fund",
  "tresor",
  "treasury",
  "confederation",
  "federation",
  "parlement",
  "parliament",
  "gouvernement",
  "government",
]);
const ORG_RE =
  /(?<![\p{L}])(?:[Ll]a|[Ll]e|[Ll]['’]|[Tt]he)\s*(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|d['’]|of|for|pour|la|l['’]|the)\s*)?\p{Lu}[\p{L}'’-]*)*(?:\s+(?:européenne|européen|centrale|nationale|fédérale|monétaire|international|internationale|mondiale|statistique|des\s+comptes))?)/gu;
/** Generic heads: "l'institution", "the institute", "le syndicat" name the latest institution. */
const GENERIC_ORG = new Set([
  "institution",
  "institut",
  "institute",
  "organisation",
  "organization",
  "organisme",
  "syndicat",
  "union",
  "groupe",
  "group",
  "entreprise",
  "company",
  "firm",
  "societe",
  "agence",
  "agency",
  "compagnie",
  "constructeur",
  "operator",
  "operateur",
]);
/** Nouns for a person that are not titles: "le politique letton", "le principal intéressé". */
const PERSON_NOUNS = new Set([
  "politique",
  "responsable",
  "dirigeant",
  "interesse",
  "elu",
  "elue",
  "homme",
  "femme",
  "man",
  "woman",
  "official",
  "politician",
]);
const DOCUMENT_NOUNS =
  /^(?:report|analysis|study|data|figures|statement|investigation|findings|survey|estimates|projections|rapport|analyse|etude|donnees|chiffres|estimations|projections|bilan|communique|enquete|releve)$/u;
const SUBJECT_VERBS = new Set([
  "a",
  "avait",
  "est",
  "etait",
  "doit",
  "va",
  "s'est",
  "se",
  "has",
  "had",
  "is",
  "was",
  "said",
  "says",
  "told",
  "will",
  "would",
  "joined",
  "stressed",
  "estimated",
  "indicated",
  "reiterated",
  "urged",
]);
/** Verbs and conjunctions that end a title read backwards: "said Unite general secretary" → "Unite general secretary". */
const TITLE_STOP = new Set([
  ...reportingWordSet(),
  "a",
  "ont",
  "est",
  "sont",
  "was",
  "is",
  "has",
  "had",
  "et",
  "and",
  "avec",
  "with",
  "que",
  "that",
  "qui",
  "who",
]);

/** Capitalised words that open a sentence without being part of a name. */
const LEADING = new Set([
  "but",
  "and",
  "however",
  "meanwhile",
  "mais",
  "et",
  "pour",
  "selon",
  "alors",
  "depuis",
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
  "membre",
  "photos",
  "dans",
  "in",
  "on",
  "at",
  "after",
  "avec",
  "with",
]);
const STOP_WORDS = new Set([...FR_DETERMINERS, ...EN_DETERMINERS, "l'", "d'"]);
const LINKS = new Set([
  "de",
  "du",
  "des",
  "d'",
  "la",
  "le",
  "l'",
  "of",
  "for",
  "the",
  "pour",
  "et",
  "and",
  "en",
]);

function isTitleWord(w: string): boolean {
  const f = fold(w).replace(/\.$/, "");
  return TITLE_NOUNS.has(f) || HONORIFICS.has(w.replace(/\.$/, ""));
}

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

const keyCache = new Map<string, Set<string>>();

function keyWords(s: string): Set<string> {
  const cached = keyCache.get(s);
  if (cached) return cached;
  const out = computeKeyWords(s);
  if (keyCache.size > 5000) keyCache.clear();
  keyCache.set(s, out);
  return out;
}

function computeKeyWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(fold(s).replace(/[^\p{L}\p{N}' -]+/gu, " "))) {
    const bare = w.replace(/^[ld]'/u, "");
    if (
      bare.length > 1 &&
      !STOP_WORDS.has(bare) &&
      !LINKS.has(bare) &&
      bare !== "lui-meme" &&
      bare !== "meme"
    )
      out.add(bare);
  }
  return out;
}

function surnameOf(name: string): string {
  const ws = wordsOf(name);
  return fold(canonicalName(ws[ws.length - 1] ?? name));
}

/** The title right before a name: "le ministre de la Santé " → "ministre de la Santé". */
function titleBefore(before: string): string | null {
  const ws = wordsOf(before.replace(/[«»"“”(]/gu, " "));
  const taken: string[] = [];
  for (let i = ws.length - 1; i >= 0 && taken.length < 8; i--) {
    const w = ws[i] ?? "";
    if (/[,;:.!?]$/u.test(w)) break;
    if (w === "à" || w === "au" || w === "aux") {
      taken.unshift(w);
      continue;
    }
    const f = fold(w);
    const linked = /^(?:de|of|a|for)$/u.test(fold(ws[i - 1] ?? ""));
    if (linked && (f === "la" || f === "les" || f === "the")) {
      taken.unshift(w);
      continue;
    }
    if (STOP_WORDS.has(f) || /^[ld]['’]$/u.test(f) || TITLE_STOP.has(f)) break;
    if (/^[LlDd]['’]\p{L}/u.test(w)) {
      const prev = fold(ws[i - 1] ?? "");
      if (prev === "de" || prev === "of" || prev === "a" || prev === "for") {
        taken.unshift(w);
        continue;
      }
      taken.unshift(w.slice(2));
      break;
    }
    taken.unshift(w);
  }
  while (taken.length > 0 && LINKS.has(fold(taken[0] ?? ""))) taken.shift();
  if (taken.length === 0 || !taken.some(isTitleWord)) return null;
  // Keep from the first word that belongs to the title ("Propriété du groupe du milliardaire" is not one).
  return taken.join(" ");
}

const PARTICLES = new Set([
  "de",
  "du",
  "van",
  "von",
  "der",
  "da",
  "di",
  "bin",
  "ben",
  "al",
  "el",
  "la",
  "le",
  "dos",
  "das",
  "del",
]);

/** Runs of two to four capitalised words ("Andrej Babiš", "Kassym-Jomart Tokaïev", "Bill de Blasio"). */
function nameRuns(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const toks = tokenize(text);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    // "l'Intérieur", "d'Ostrava": an elided article, not a first name.
    if (!t || !t.cap || /[’']/u.test(text[t.start - 1] ?? "")) {
      i++;
      continue;
    }
    let j = i;
    let words = 1;
    for (;;) {
      const cur = toks[j];
      const next = toks[j + 1];
      if (!cur || !next) break;
      const gap = text.slice(cur.end, next.start);
      if (next.cap && (gap === " " || gap === "-" || gap === "\u00a0")) {
        if (gap !== "-") words++;
        j++;
        continue;
      }
      const after = toks[j + 2];
      if (
        gap === " " &&
        PARTICLES.has(next.lower) &&
        after?.cap &&
        text.slice(next.end, after.start) === " "
      ) {
        words++;
        j += 2;
        continue;
      }
      break;
    }
    const last = toks[j];
    if (last && words >= 2 && words <= 6) out.push({ start: t.start, text: text.slice(t.start, last.end) });
    i = j + 1;
  }
  return out;
}

/** Read the article once for its people and institutions. */
export function buildRegistry(sentences: readonly { text: string }[], language: Language): SpeakerRegistry {
  const reg: SpeakerRegistry = {
    persons: [],
    orgs: [],
    acronyms: new Map(),
    mentions: [],
    language,
    bySurname: new Map(),
    canonical: new Map(),
  };
  sentences.forEach((s, index) => {
    const text = s.text;
    for (let paren = text.indexOf("("); paren > 0; paren = text.indexOf("(", paren + 1)) {
      const acr = ACRONYM_AT.exec(text.slice(paren, paren + 14));
      if (!acr) continue;
      const m = ["", text.slice(Math.max(0, paren - 90), paren).replace(/^\S*\s/u, ""), acr[1]];
      const short = m[2] ?? "";
      // Only names, not "(Roumanie)" or "(4 heures GMT)": the long form starts with a capital or an
      // institution word, the short one is an acronym or a single name.
      const words = wordsOf(m[1] ?? "").slice(-6);
      let from = 0;
      for (let k = words.length - 1; k >= 0; k--) {
        const f = fold(words[k] ?? "").replace(/^[ld]['’]/u, "");
        if (/^\p{Lu}/u.test(words[k] ?? "") || ORG_HEADS.has(f) || GENERIC_ORG.has(f)) from = k;
      }
      const long = collapseSpaces(
        words
          .slice(from)
          .join(" ")
          .replace(/^(?:the|le|la|les)\s+|^[ld]['’]/iu, ""),
      );
      if (!/^\p{Lu}[\p{Lu}\p{N}]+$|^\p{Lu}\p{Ll}+$/u.test(short) || long.length < 4) continue;
      reg.acronyms.set(fold(long), short);
      pushOrg(reg, short, index);
    }
    if (ORG_HINT.test(text)) {
      ORG_RE.lastIndex = 0;
      for (let m = ORG_RE.exec(text); m !== null; m = ORG_RE.exec(text)) {
        const name = m[1] ?? "";
        const head = fold(wordsOf(name)[0] ?? "");
        if (ORG_HEADS.has(head)) pushOrg(reg, collapseSpaces(name), index);
      }
    }
    for (const run of nameRuns(text)) {
      let ws = wordsOf(run.text);
      let offset = run.start;
      // Leading determiners and titles are not part of the name: "Le Premier", "President Jacob Zuma".
      let lead = "";
      const lastTitle = ws.findLastIndex((w) => isTitleWord(w));
      let cutTo = lastTitle + 1;
      while (
        cutTo < ws.length &&
        (STOP_WORDS.has(fold(ws[cutTo] ?? "")) || LEADING.has(fold(ws[cutTo] ?? "")))
      )
        cutTo++;
      for (let k = 0; k < cutTo; k++) {
        lead += `${ws[k]} `;
        offset += (ws[k] ?? "").length;
        offset += /\s+/u.exec(text.slice(offset))?.[0].length ?? 1;
      }
      ws = ws.slice(cutTo);
      // "le ministre de la Santé Roman Prymula": a capitalised word after "de la" ends the title.
      while (
        ws.length >= 3 &&
        /(?:^|\s)(?:de|du|des|la|of|for|the)\s+$/iu.test(text.slice(Math.max(0, offset - 6), offset))
      ) {
        lead += `${ws[0]} `;
        offset += (ws[0] ?? "").length;
        offset += /\s+/u.exec(text.slice(offset))?.[0].length ?? 1;
        ws = ws.slice(1);
      }
      if (ws.length < 2 || /^\p{Ll}/u.test(ws[0] ?? "") || ws.some((w) => ORG_HEADS.has(fold(w)))) continue;
      // "gouverneur de la Banque de France": what follows "de" completes a title, it names no one.
      if (
        /(?:^|\s)(?:de|du|des|la|of|for|the)\s+$|[ld]['’]$/iu.test(
          text.slice(Math.max(0, offset - 6), offset),
        )
      )
        continue;
      if (ORG_HEADS.has(fold(ws[0] ?? ""))) continue;
      const name = ws.join(" ");
      const before = text.slice(Math.max(0, offset - 160), offset);
      const after = text.slice(offset + name.length, offset + name.length + 160);
      let role =
        titleBefore(before) ??
        (lead && cutTo === 0 ? titleBefore(text.slice(Math.max(0, offset - 160), offset)) : null);
      if (!role) {
        const appo =
          /^,\s+((?:(?:le|la|l['’]|the|a|an|un|une)\s+)?[^,.;:()«»"“”]{2,90}?)(?=,|\.|;|:|\s*\(|$|\s+(?:a|ont|est|said|says|told|has|had|who|qui)\s)/u.exec(
            after,
          );
        const phrase = appo?.[1] ?? "";
        if (wordsOf(phrase).slice(0, 6).some(isTitleWord))
          role = collapseSpaces(phrase.replace(/^(?:le|la|l['’]|the|a|an|un|une)\s*/iu, ""));
      }
      if (!role) {
        const pre = /(?<![\p{L}])((?:le|la|l['’]|the)\s*[^,;:()«»"“”]{2,80}),\s*$/iu.exec(before);
        const phrase = pre?.[1] ?? "";
        if (wordsOf(phrase).some(isTitleWord))
          role = collapseSpaces(phrase.replace(/^(?:le|la|l['’]|the)\s*/iu, ""));
      }
      if (!role && lead && wordsOf(lead).some(isTitleWord)) role = lead.trim();
      const honorific = /(?:^|\s)(?:M|Mme|Mr|Mrs|Ms|Dr|Pr|Prof)\.?\s+$/u.test(before);
      const nextWord = fold(/^\s*([\p{L}'’-]+)/u.exec(after)?.[1] ?? "");
      const subject =
        /(?:^|[,:]\s*|\s(?:que|qu['’]|that|et|and|but|mais)\s+)$/u.test(before) &&
        SUBJECT_VERBS.has(nextWord);
      if (!role && !honorific && !subject) continue;
      const person = addPerson(reg, name, role);
      person.mentions.push(index);
      reg.mentions.push({ sentence: index, offset, person });
    }
  });
  return reg;
}

/** Each institution once, with the sentences that mention it. */
function pushOrg(reg: SpeakerRegistry, name: string, at: number): void {
  const key = fold(name);
  const o = reg.orgs.find((x) => x.key === key);
  if (o) {
    if (o.at[o.at.length - 1] !== at) o.at.push(at);
  } else reg.orgs.push({ name, key, at: [at] });
}

/** The latest mention of an org before a sentence, or -1. */
function lastBefore(o: Org, sentence: number): number {
  let best = -1;
  for (const a of o.at) {
    if (a >= sentence) break;
    best = a;
  }
  return best;
}

function addPerson(reg: SpeakerRegistry, name: string, role: string | null): Person {
  const surname = surnameOf(name);
  let p = reg.persons.find((x) => x.surname === surname || sameName(x.surname, surname));
  if (!p) {
    p = { name, surname, role: null, roleWords: new Set(), mentions: [] };
    reg.persons.push(p);
    const last = wordsOf(name)[wordsOf(name).length - 1] ?? name;
    for (const v of [last, ...nameVariants(last), surname])
      if (!reg.bySurname.has(fold(v))) reg.bySurname.set(fold(v), p);
  } else if (wordsOf(name).length > wordsOf(p.name).length) {
    p.name = name;
  }
  if (role && !p.role) {
    p.role = role;
    p.roleWords = keyWords(role);
  } else if (role) {
    for (const w of keyWords(role)) p.roleWords.add(w);
  }
  return p;
}

/** A person named in a phrase by surname ("M. Peskov", "le maire Artem Kobzar", "Zelenski"). */
function personIn(reg: SpeakerRegistry, phrase: string): Person | null {
  if (reg.persons.length === 0) return null;
  const ws = wordsOf(phrase);
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i] ?? "";
    if (!/^\p{Lu}/u.test(w)) continue;
    const p = reg.bySurname.get(fold(w.replace(/[,.;:'’]+$/u, "")));
    if (p) return p;
  }
  return null;
}

export type SpeakerState = {
  /** The resolved speakers so far, with where they spoke: pronouns and quotations look back. */
  spoken: { sentence: number; offset: number; person: Person | null; name: string }[];
  lastSource: string | null;
};

export function createSpeakerState(): SpeakerState {
  return { spoken: [], lastSource: null };
}

/** The latest person named or speaking before (sentence, offset). */
function latestPerson(
  reg: SpeakerRegistry,
  state: SpeakerState,
  sentence: number,
  offset: number,
): Person | null {
  let best: { s: number; o: number; p: Person } | null = null;
  const consider = (s: number, o: number, p: Person | null) => {
    if (!p) return;
    if (s > sentence || (s === sentence && o >= offset)) return;
    if (!best || s > best.s || (s === best.s && o > best.o)) best = { s, o, p };
  };
  // Mentions are in reading order: find the first one that may count by bisection.
  const ms = reg.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ms[mid]?.sentence ?? 0) < sentence - 6) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ms.length; i++) {
    const m = ms[i];
    if (!m || m.sentence > sentence) break;
    consider(m.sentence, m.offset, m.person);
  }
  for (let i = state.spoken.length - 1; i >= 0; i--) {
    const sp = state.spoken[i];
    if (!sp || sp.sentence < sentence - 6) break;
    consider(sp.sentence, sp.offset, sp.person);
  }
  return (best as { p: Person } | null)?.p ?? null;
}

function latestOrg(
  reg: SpeakerRegistry,
  state: SpeakerState,
  sentence: number,
  head: string | null,
): string | null {
  const fits = (name: string) => head === null || keyWords(name).has(head);
  // An institution that spoke comes first: "the institute" after "TNO said" is TNO.
  for (let i = state.spoken.length - 1; i >= 0; i--) {
    const sp = state.spoken[i];
    if (!sp) continue;
    if (sp.sentence < sentence - 8) break;
    if (sp.person || sp.sentence >= sentence || !fits(sp.name)) continue;
    if (!/^\p{Lu}/u.test(stripDeterminer(sp.name))) continue;
    if (reg.persons.some((p) => fold(p.name) === fold(sp.name))) continue;
    return sp.name;
  }
  let best: { at: number; name: string } | null = null;
  for (const o of reg.orgs) {
    const at = lastBefore(o, sentence);
    if (at >= 0 && (!best || at >= best.at) && fits(o.name)) best = { at, name: o.name };
  }
  return best?.name ?? null;
}

function stripDeterminer(s: string): string {
  return s.replace(/^(?:le|la|les|the)\s+|^l['’]/iu, "");
}

export type Resolved = { speaker: string | null; role: string | null };

const PRONOUN_PERSON = /^(?:il|elle|he|she|lui|him)$/iu;
const PRONOUN_GROUP = /^(?:ils|elles|it|they|eux|them)$/iu;
const LATTER = /^(?:ce\s+dernier|cette\s+dernière|the\s+latter)$/iu;
const SAME_SOURCE =
  /^(?:(?:de\s+)?(?:la\s+)?même\s+source|cette\s+source|the\s+same\s+source|(?:un\s+|le\s+)?bilan\s+(?:préliminaire\s+)?de\s+la\s+même\s+source)$/iu;
const PARTICIPLE_TAIL =
  /\s+(?:published|released|issued|cited|seen|quoted|publiée?s?|diffusée?s?|citée?s?|rendue?s?\s+publique?s?)\b.*$|\s+(?:on|this|last|earlier)\s+(?:\p{L}+day|week|month|year)$|\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/iu;

/**
 * The article's name for the speaker of one sentence. `mention` is the speaker as the sentence
 * writes it ("il", "Le Premier ministre", "TNO's report"), `speaker` what the sentence-by-sentence
 * finder made of it; `offset` is where the cue sits in the sentence.
 */
export function resolveSpeaker(
  reg: SpeakerRegistry,
  state: SpeakerState,
  input: {
    mention: string | null;
    speaker: string | null;
    quotation: boolean;
    sentence: number;
    offset: number;
    /** The sentence, for "a-t-on appris de sources diplomatiques". */
    text?: string;
  },
): Resolved {
  let raw = collapseSpaces(input.mention ?? input.speaker ?? "");
  if (/^on$/iu.test(raw) && input.text !== undefined) {
    const src = /\bde\s+((?:(?:la\s+)?même\s+source)|(?:sources?\s+[\p{L}-]+))/u.exec(
      input.text.slice(input.offset),
    );
    raw = src?.[1] ? (/même/u.test(src[1]) ? "la même source" : src[1]) : "";
  }
  const result = resolveRaw(reg, state, raw, input);
  const person = result.speaker ? personIn(reg, result.speaker) : null;
  state.spoken.push({
    sentence: input.sentence,
    offset: input.offset,
    person: person && result.role !== undefined && result.speaker === person.name ? person : null,
    name: result.speaker ?? "",
  });
  if (result.speaker && !person) state.lastSource = result.speaker;
  return { speaker: result.speaker, role: result.role };
}

function resolveRaw(
  reg: SpeakerRegistry,
  state: SpeakerState,
  raw: string,
  input: { speaker: string | null; quotation: boolean; sentence: number; offset: number },
): Resolved {
  if (raw === "" && !input.quotation) return { speaker: null, role: null };
  const asPerson = (p: Person | null): Resolved | null => (p ? { speaker: p.name, role: p.role } : null);
  if (input.quotation || PRONOUN_PERSON.test(raw) || LATTER.test(raw)) {
    const found = asPerson(latestPerson(reg, state, input.sentence, input.offset));
    if (found) return found;
    if (input.quotation) return { speaker: input.speaker, role: null };
    if (/^(?:elle|il)$/iu.test(raw)) {
      const org = latestOrg(reg, state, input.sentence, null);
      if (org) return { speaker: canonicalOrg(reg, org), role: null };
    }
    return { speaker: input.speaker, role: null };
  }
  if (PRONOUN_GROUP.test(raw)) {
    const org = latestOrg(reg, state, input.sentence + (input.offset > 0 ? 0 : 0), null);
    const spoken = [...state.spoken].reverse().find((s) => !s.person && s.name !== "");
    const name = spoken && (!org || spoken.sentence >= input.sentence - 3) ? spoken.name : org;
    return { speaker: name ? canonicalOrg(reg, name) : (input.speaker ?? raw), role: null };
  }
  if (SAME_SOURCE.test(raw)) return { speaker: state.lastSource ?? raw, role: null };
  const named = personIn(reg, raw);
  if (named) return { speaker: named.name, role: named.role };

  const ws = wordsOf(raw);
  const f = keyWords(raw);
  const first = fold(ws[0] ?? "");
  const definite = /^(?:le|la|les|l'.*|the)$/u.test(first) || /^l['’]/u.test(first);
  const capitalised = ws
    .slice(1)
    .some((w) => /^(?:[ld]['’])?\p{Lu}/u.test(w) && !isTitleWord(w.replace(/^[ld]['’]/u, "")));
  const titled = isTitleWord(
    ws.find((w, i) => i > 0 || !/^(?:le|la|les|the)$/iu.test(w))?.replace(/^[ld]['’]/iu, "") ?? "",
  );
  if (definite && (!capitalised || titled) && f.size > 0) {
    // A description: "le ministre de la Santé", "the minister", "le politique letton".
    const wanted = [...f].filter((w) => w !== "premier" || f.has("ministre") || f.has("minister"));
    const matching = reg.persons.filter((p) => wanted.every((w) => p.roleWords.has(w)));
    if (matching.length > 0 && wanted.some((w) => TITLE_NOUNS.has(w))) {
      if (matching.length === 1) return asPerson(matching[0] ?? null) as Resolved;
      const before = latestPerson(
        { ...reg, mentions: reg.mentions.filter((m) => matching.includes(m.person)) },
        { ...state, spoken: state.spoken.filter((s) => s.person && matching.includes(s.person)) },
        input.sentence,
        input.offset,
      );
      return asPerson(before ?? matching[0] ?? null) as Resolved;
    }
    const head = [...f][0] ?? "";
    if (f.has("interesse")) {
      const most = [...reg.persons].sort((a, b) => b.mentions.length - a.mentions.length)[0];
      if (most) return asPerson(most) as Resolved;
    }
    if (PERSON_NOUNS.has(head) || TITLE_NOUNS.has(head)) {
      const p = latestPerson(reg, state, input.sentence, input.offset);
      if (p) return asPerson(p) as Resolved;
    }
    if (GENERIC_ORG.has(head)) {
      const org = latestOrg(reg, state, input.sentence, null);
      if (org) return { speaker: canonicalOrg(reg, org), role: null };
    } else if (ORG_HEADS.has(head) || head === "bank" || head === "banque") {
      const org = latestOrg(reg, state, input.sentence, head === "central" ? null : head);
      if (org) return { speaker: canonicalOrg(reg, org), role: null };
    }
    if (f.has("bank") || f.has("banque")) {
      const org = latestOrg(reg, state, input.sentence, f.has("bank") ? "bank" : "banque");
      if (org) return { speaker: canonicalOrg(reg, org), role: null };
    }
  }
  return { speaker: canonicalOrg(reg, raw), role: null };
}

/**
 * An institution or source as the desk would name it: "TNO's report" → "TNO", "des estimations de
 * l'agence russe des statistiques (Rosstat)" → "Rosstat", "le tabloïd Blesk" → "Blesk",
 * "government data published in March" → "government data".
 */
export function canonicalOrg(reg: SpeakerRegistry, raw: string): string {
  const cached = reg.canonical.get(raw);
  if (cached !== undefined) return cached;
  const out = computeCanonicalOrg(reg, raw);
  reg.canonical.set(raw, out);
  return out;
}

function computeCanonicalOrg(reg: SpeakerRegistry, raw: string): string {
  let s = collapseSpaces(raw).replace(PARTICIPLE_TAIL, "");
  // "X's report", "TNO's analysis of the machine gun fire" → X
  const poss = /^(?:the\s+)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)*)['’]s\s+(\p{L}+)/u.exec(s);
  if (poss && DOCUMENT_NOUNS.test(fold(poss[2] ?? ""))) s = poss[1] ?? s;
  // "the TNO report" → TNO
  const attr = /^(?:the|le|la|l['’])\s*(\p{Lu}[\p{Lu}\p{N}]+)\s+(\p{L}+)$/u.exec(s);
  if (attr && DOCUMENT_NOUNS.test(fold(attr[2] ?? ""))) s = attr[1] ?? s;
  // "des estimations de l'agence…", "les données du ministère du Travail" → what follows "de"
  const docOf =
    /^(?:des|les|la|le|l['’]|un|une|d['’]après\s+les)?\s*(\p{L}+)\s+(?:(?:préliminaires?|officiel(?:le)?s?)\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+the\s+|of\s+)(.+)$/u.exec(
      s,
    );
  if (docOf && DOCUMENT_NOUNS.test(fold(docOf[1] ?? ""))) {
    const rest = docOf[2] ?? "";
    const article = /^(?:ministère|ministry|agence|agency|institut|office|banque|bank)/iu.test(rest)
      ? ""
      : "";
    s = article + rest;
    if (/^(?:ministère|agence|institut|office|banque|cour|commission)/iu.test(s))
      s = /^[aeiouéèêàâîôû]/iu.test(s)
        ? `l'${s}`
        : `${/^(?:banque|cour|commission)/iu.test(s) ? "la" : "le"} ${s}`;
  }
  // "la Commission" → "la Commission européenne", when the article names it so.
  const bareKey = fold(stripDeterminer(s));
  if (bareKey.length >= 3) {
    const fuller = reg.orgs.find((o) => {
      return o.key.length > bareKey.length && o.key.startsWith(`${bareKey} `);
    });
    if (fuller)
      s = /^(?:the|le|la|les)\s+|^l['’]/iu.exec(s)?.[0]
        ? `${/^(?:the|le|la|les)\s+|^l['’]/iu.exec(s)?.[0] ?? ""}${fuller.name}`
        : fuller.name;
  }
  const acr = /\((\p{Lu}[\p{Lu}\p{N}]{1,7})\)\s*$/u.exec(s);
  if (acr) return acr[1] ?? s;
  const long = reg.acronyms.get(fold(stripDeterminer(s)));
  if (long) return long;
  // "le tabloïd Blesk", "Shipping line Maersk", "l'agence de presse russe Tass" → the name.
  const ws = wordsOf(s);
  let i = ws.length;
  while (i > 0 && /^\p{Lu}/u.test(ws[i - 1] ?? "")) i--;
  if (i > 0 && i < ws.length && ws.length - i <= 3) {
    const before = ws.slice(0, i);
    const link = fold(before[before.length - 1] ?? "");
    const descriptor = before.slice(1).every((w) => /^\p{Ll}/u.test(w)) && before.length >= 2;
    if (!LINKS.has(link) && !/^[ld]['’]/u.test(link) && descriptor && !before.some(isTitleWord))
      return ws.slice(i).join(" ");
  }
  return s;
}
