// "Kyiv n'a pas commenté", "X declined to comment": sentences saying that a party stayed silent.
//
// Such a sentence is not a claim itself. Its silent party becomes the suggested `uncommented`
// verdict of the claims it refers to: the preceding claims of the same passage, made by the other
// side (see uncommentedTargets).

import type { Language } from "@/lib/review/model";
import { type AttributionContext, phraseBefore, resolveMention } from "./attribution";
import { SIDES } from "./lexicon";
import { collapseSpaces, fold } from "./text";

export type NoComment = {
  /** Who stayed silent, resolved like a speaker ("Kyiv", "Le Kremlin"); null when not named. */
  silentParty: string | null;
  /** The silent party as written ("Kyiv", "il"), or null. */
  mention: string | null;
  /** The no-comment words, offsets into the sentence. */
  phrase: string;
  start: number;
  end: number;
};

const FR_NEG =
  "n['’](?:a|ont|avait|avaient|aurait|auraient)\\s+(?:toujours\\s+)?pas(?:\\s+(?:encore|immédiatement|officiellement|publiquement|davantage))?";
const FR_SILENT_AFTER_NEG = [
  "commenté",
  "réagi",
  "répondu",
  "donné\\s+suite",
  "fait\\s+de\\s+commentaires?",
  "(?:souhaité|voulu|désiré|pu)\\s+(?:commenter|réagir|répondre|s['’]exprimer|faire\\s+de\\s+commentaires?|donner\\s+suite)",
  "pu\\s+être\\s+(?:joint|jointe|joints|jointes|contacté|contactée|contactés|contactées)",
  "été\\s+(?:joignable|joignables|joint|jointe)",
  "confirmé\\s+(?:ces|ses|les|cette|cet)\\s+(?:informations?|affirmations?|déclarations?|allégations?|chiffres?)",
].join("|");
const FR_PATTERNS = [
  `(${FR_NEG}\\s+(?:${FR_SILENT_AFTER_NEG}))`,
  "(ne\\s+s['’](?:est|sont|était)\\s+pas(?:\\s+(?:encore|immédiatement|officiellement|publiquement))?\\s+exprimée?s?)",
  "(ne\\s+(?:commente|commentent|souhaite|souhaitent|veut|veulent)\\s+pas(?:\\s+(?:commenter|réagir|s['’]exprimer))?)",
  "((?:se\\s+refuse|se\\s+refusent|s['’](?:est|sont)\\s+refusée?s?)\\s+à\\s+(?:tout\\s+commentaire|commenter|réagir))",
  "(n['’](?:a|ont|avait|avaient)\\s+fait\\s+aucun\\s+commentaire)",
  "(n['’](?:était|étaient|est|sont)\\s+pas\\s+(?:joignable|joignables|disponibles?\\s+pour\\s+(?:commenter|réagir)))",
  "@AFTER((?:[Aa]ucune|[Pp]as\\s+de)\\s+réaction\\s+(?:immédiate\\s+|officielle\\s+)?(?:n['’]a\\s+pu\\s+être\\s+obtenue\\s+)?(?:(?:de\\s+la\\s+part|du\\s+côté|auprès)\\s+)?(?:de\\s+l['’]|de\\s+la\\s+|du\\s+|des\\s+|de\\s+|d['’]))",
];
const EN_PATTERNS = [
  "((?:declined|declines|refused|refuses|has\\s+declined)\\s+to\\s+(?:comment|respond|say))",
  "((?:did\\s+not|didn['’]t|does\\s+not|doesn['’]t)\\s+(?:immediately\\s+)?(?:respond|reply|return|comment)(?:\\s+to\\s+(?:a|an|our|multiple|repeated)?\\s*(?:emailed\\s+|written\\s+)?requests?\\s+for\\s+comments?)?)",
  "((?:has|have|had)\\s+(?:not|n['’]t)\\s+(?:yet\\s+|publicly\\s+|immediately\\s+)?(?:commented|responded|replied|reacted))",
  "((?:hasn['’]t|haven['’]t|hadn['’]t)\\s+(?:yet\\s+|publicly\\s+)?(?:commented|responded|replied|reacted))",
  "((?:has|have|had)\\s+yet\\s+to\\s+(?:comment|respond|reply|react))",
  "((?:could|can)\\s+not\\s+(?:immediately\\s+)?be\\s+reached(?:\\s+for\\s+comment)?|couldn['’]t\\s+(?:immediately\\s+)?be\\s+reached(?:\\s+for\\s+comment)?)",
  "((?:was|were|is|are)\\s+not\\s+(?:immediately\\s+)?available\\s+for\\s+comment)",
  "@AFTER((?:[Tt]here\\s+was\\s+)?[Nn]o\\s+(?:immediate\\s+)?(?:comment|response|reaction)\\s+(?:was\\s+available\\s+)?from)",
];

/** Cheap test first: every pattern contains one of these. */
const MAYBE = /pas|aucun|refus|comment|réaction|respon|repl|reach|declin|yet|available|return|react/i;

function build(patterns: string[]): RegExp {
  const neg = patterns.filter((p) => !p.startsWith("@AFTER"));
  const after = patterns.filter((p) => p.startsWith("@AFTER")).map((p) => p.slice("@AFTER".length));
  return new RegExp(
    `(?<![\\p{L}'’])(?:(?<neg>${neg.join("|")})(?![\\p{L}])|(?<after>${after.join("|")}))`,
    "u",
  );
}
let french: RegExp | null = null;
let english: RegExp | null = null;

/**
 * Detect a no-comment sentence and its silent party. The context, when given, resolves a
 * pronoun party ("Il n'a pas répondu") to the speaker named before.
 */
export function detectNoComment(
  sentence: string,
  language: Language,
  context?: AttributionContext,
): NoComment | null {
  if (!MAYBE.test(sentence)) return null;
  french ??= build(FR_PATTERNS);
  english ??= build(EN_PATTERNS);
  const patterns = language === "fr" ? [french] : language === "en" ? [english] : [english, french];
  for (const re of patterns) {
    const m = re.exec(sentence);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    const lang: Language = re === french ? "fr" : "en";
    let mention: string | null;
    if (m.groups?.after !== undefined) {
      const rest = /^\s*([^,;:.!?()«»"“”\n]+)/u.exec(sentence.slice(end));
      mention = rest?.[1] ? collapseSpaces(rest[1]) : null;
      if (mention && /^(?:l|d)['’]/iu.test(m[0].slice(-2))) mention = m[0].slice(-2) + mention;
    } else {
      mention = phraseBefore(sentence, start, lang);
      // "The Israel Defense Forces (IDF) did not respond": the name with its acronym.
      const acronym =
        /((?:[Tt]he\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*\(\p{Lu}[\p{Lu}\p{N}]+\))\s*$/u.exec(
          sentence.slice(0, start),
        );
      if (acronym?.[1] && (mention === null || acronym[1].endsWith(mention))) mention = acronym[1];
    }
    let silentParty = mention;
    if (mention !== null && context) silentParty = resolveMention(mention, lang, context).speaker;
    return { silentParty, mention, phrase: collapseSpaces(m[0]), start, end };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Which claims a no-comment sentence refers to

export type PassageItem = {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  speaker: string | null;
  /** Set on no-comment sentences. */
  noComment?: { silentParty: string | null } | null;
  /** A heading, byline or caption: a passage does not run across it. */
  heading?: boolean;
  /** The sentence, to tell whether it concerns the silent party. */
  text?: string;
};

/** How many paragraphs before its own a no-comment sentence reaches back. */
export const NO_COMMENT_REACH = 4;

/**
 * For each no-comment sentence, the claims it refers to: the claims of its passage before it,
 * minus those made by the silent party or its side ("Kyiv" and "le président ukrainien";
 * "Moscou" and "le Kremlin"). The passage runs back from the no-comment sentence up to
 * NO_COMMENT_REACH paragraphs, and stops at a heading or at an earlier no-comment sentence (which
 * keeps the claims before it). A passage is only taken when it concerns the silent party: it has
 * claims of the other side in the no-comment sentence's own paragraph, or a claim that names the
 * party or its side ("An Israeli tank…" for the IDF). A no-comment sentence about nothing said
 * before it attaches to nothing. Returns item index → silent party.
 */
export function uncommentedTargets(items: readonly PassageItem[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const party = item?.noComment?.silentParty;
    if (!item || !party) continue;
    const p = item.paragraph;
    const candidates: number[] = [];
    // "Kyiv n'a pas commenté ces affirmations", "did not comment on the claims": it points back.
    let concerned = item.text !== undefined && REFERS_BACK.test(item.text);
    const partySides = sidesOf(party);
    for (let i = k - 1; i >= 0; i--) {
      const it = items[i];
      if (!it || it.heading || it.noComment || it.paragraph < p - NO_COMMENT_REACH) break;
      if (it.speaker !== null && sameSide(it.speaker, party)) continue;
      candidates.push(i);
      if (it.paragraph === p || (it.text !== undefined && names(it.text, party))) concerned = true;
      // A claim of the other side of a conflict: "Le Kremlin affirme…" before "Kyiv n'a pas commenté".
      if (it.speaker !== null && partySides.length > 0) {
        const sides = sidesOf(it.speaker);
        if (sides.length > 0 && !sides.some((x) => partySides.includes(x))) concerned = true;
      }
    }
    if (!concerned) continue;
    for (const i of candidates) if (!out.has(i)) out.set(i, party);
  }
  return out;
}

/** Whether a sentence names a party or its side ("Israeli" for "the IDF", "Kiev" for "Kyiv"). */
function names(text: string, name: string): boolean {
  const t = party(text);
  const pa = party(name);
  if (pa.core.length > 2 && t.padded.includes(` ${pa.core} `)) return true;
  for (const w of name.split(/[\s'’]+/u)) {
    if (
      w.length >= 3 &&
      /^\p{Lu}/u.test(w) &&
      !GENERIC_CAPS.has(fold(w)) &&
      t.padded.includes(` ${fold(w)} `)
    )
      return true;
  }
  return pa.sides.some((i) => t.sides.includes(i));
}

const REFERS_BACK =
  /\b(?:ces|ses|les|leurs|de\s+ces)\s+(?:affirmations|déclarations|accusations|allégations|informations|propos|chiffres|annonces)\b|\b(?:the|these|those|its|their)\s+(?:claims?|allegations?|accusations?|remarks|statements?|figures|reports?|findings)\b/iu;

function sidesOf(name: string): number[] {
  return party(name).sides;
}

const GENERIC_CAPS = new Set([
  "the",
  "minister",
  "ministre",
  "ministry",
  "ministere",
  "information",
  "department",
  "office",
]);

type Party = { padded: string; core: string; sides: number[] };

// A party's folded forms and the sides it names, computed once per distinct name: the same few
// speakers and silent parties come back in every passage of a long article.
const parties = new Map<string, Party>();

function party(name: string): Party {
  let p = parties.get(name);
  if (p) return p;
  const padded = ` ${fold(name).replace(/[^\p{L}\p{N}.'-]+/gu, " ")} `;
  const core = padded.replace(/ (?:le|la|les|l'|the) /gu, " ").trim();
  const sides: number[] = [];
  SIDES.forEach((side, i) => {
    if (side.some((w) => padded.includes(` ${w} `) || padded.includes(`'${w} `))) sides.push(i);
  });
  p = { padded, core, sides };
  if (parties.size >= 10_000) parties.clear();
  parties.set(name, p);
  return p;
}

/** Whether two parties are the same or stand for the same side ("Kyiv", "le président ukrainien"). */
export function sameSide(a: string, b: string): boolean {
  const pa = party(a);
  const pb = party(b);
  if (pa.core === pb.core || pa.padded.includes(` ${pb.core} `) || pb.padded.includes(` ${pa.core} `))
    return true;
  return pa.sides.some((i) => pb.sides.includes(i));
}
