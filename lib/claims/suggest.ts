// Claim suggestions for an article body: segment, attribute, name the speakers once per article,
// score, drop what is not a claim, and attach `uncommented` verdicts from no-comment sentences.
// Pure: body text in, suggestions out.

import type { Language } from "@/lib/review/model";
import { type Attribution, attributeSentence, createAttributionContext } from "./attribution";
import { type PassageItem, detectNoComment, uncommentedTargets } from "./no-comment";
import { type Reason, SUGGESTION_THRESHOLD, scoreSentence } from "./score";
import { segmentSentences } from "./segment";
import { buildRegistry, canonicalOrg, createSpeakerState, resolveSpeaker } from "./speakers";
import { type VariantTable, withNameVariants } from "./variants";
import { analyseQuotes, collapseSpaces, fold, insideQuote, splitParagraphs, tokenize } from "./text";

export type Suggestion = {
  /** [start, end) in UTF-16 code units into the body; quote === body.slice(start, end). */
  start: number;
  end: number;
  quote: string;
  /** A proposed one-line wording of the claim ("Zelensky : la Russie a tiré…"), for the editor to rewrite. */
  statement: string;
  /** One name per speaker within the article: the fullest form of a person's name, without title. */
  speaker: string | null;
  /** The speaker's title as the article gives it ("président ukrainien"), for a person. */
  role?: string;
  cue: string | null;
  score: number;
  reasons: Reason[];
  verdict?: "uncommented";
  silentParty?: string;
  /** Below the threshold (SUGGESTION_THRESHOLD): not shown unless the editor asks for more. */
  hidden: boolean;
};

export type SuggestOptions = {
  /** Leave out suggestions scoring below this (default 0: every claim-like sentence, hidden or not). */
  minScore?: number;
  /** Called every few hundred sentences and at the end, for progress on long articles. */
  onProgress?: (done: number, total: number) => void;
  /** The desk's name variants (the built-in table extended by its admins); the built-in one without. */
  variants?: VariantTable;
};

const PROGRESS_EVERY = 200;

type Piece = { start: number; end: number; text: string };
type Item = PassageItem & { suggestion: Suggestion | null; lead: boolean };

/** A dateline or kicker opening a paragraph: "BEIRUT/THE HAGUE, March 7 (Reuters) - ". */
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M}'’./ -]*\p{Lu}(?:,[^-–—()\n]{1,40})?(?:\s*\([^)\n]{2,30}\))?\s+[-–—]\s+/u;
const TERMINAL = /[.!?…][»”"’')\]]*$|[»”"]$/u;
const BYLINE = /^(?:By|Par|Text by|Reporting by)\s+\p{Lu}/u;
const PASSIVE_EN =
  /\b(?:it|this)\s+((?:was|has\s+been|had\s+been|is)\s+(?:announced|reported|confirmed|revealed|disclosed|learned|understood))\b/iu;
const PASSIVE_FR = /\bil\s+(a\s+été\s+(?:annoncé|indiqué|précisé|confirmé|décidé|révélé))\b/iu;
const PASSIVE_HINT = /\s(?:was|is|has been|had been|a été)\s/;
const QUANTIFIER_SPEAKER = /^(?:all|both|neither|some|many|most|tous|toutes|certains|certaines|plusieurs)$/iu;
const NP_CUE =
  /(?:détaill|fait part|exprim|présent|évoqu|salu|remerci|detailed|details|outlined|described|presented|expressed|thanked)/iu;
const STATEMENT_AFTER =
  /^\s*(?:[,:«“"]|que\b|qu['’]|that\b|d['’]avoir|avoir\b|être\b|\p{Ll}+(?:er|ir|re|oir)\b)/u;

/** Suggest the claims of an article body, in reading order. */
export function suggestClaims(body: string, language: Language, options: SuggestOptions = {}): Suggestion[] {
  return withNameVariants(options.variants, () => suggestWithTable(body, language, options));
}

function suggestWithTable(body: string, language: Language, options: SuggestOptions): Suggestion[] {
  const minScore = options.minScore ?? 0;
  const sentences = segmentSentences(body, language);
  const paragraphs = splitParagraphs(body);
  const ctx = createAttributionContext();
  const registry = buildRegistry(sentences, language);
  const speakers = createSpeakerState();

  // Paragraph of each sentence, and which paragraphs are headings, bylines or captions.
  const paragraphOf: number[] = [];
  const count = new Map<number, number>();
  let p = 0;
  for (const s of sentences) {
    while (p < paragraphs.length - 1 && (paragraphs[p]?.end ?? 0) <= s.start) p++;
    paragraphOf.push(p);
    count.set(p, (count.get(p) ?? 0) + 1);
  }
  let firstBody = -1;

  const items: Item[] = [];
  let done = 0;
  sentences.forEach((s, index) => {
    if (options.onProgress && done++ % PROGRESS_EVERY === 0) options.onProgress(done - 1, sentences.length);
    const para = paragraphOf[index] ?? 0;
    const alone = count.get(para) === 1;
    if (alone && isHeading(s.text)) {
      items.push({ paragraph: para, speaker: null, heading: true, suggestion: null, lead: false });
      return;
    }
    if (firstBody < 0) firstBody = para;
    const noComment = detectNoComment(s.text, language, ctx);
    if (noComment) {
      let party = noComment.silentParty;
      if (party) party = partyName(registry, party);
      items.push({
        paragraph: para,
        speaker: null,
        noComment: { silentParty: party },
        text: s.text,
        suggestion: null,
        lead: false,
      });
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(s.text)) return;
    const whole = attributeSentence(s.text, language, ctx);
    const pieces = splitAttributions(s, language, whole);
    pieces.forEach((piece, n) => {
      const suggestion = suggest(piece, index, language, n === 0 && pieces.length === 1 ? whole : null);
      items.push({
        paragraph: para,
        speaker: suggestion.speaker,
        text: claimText(suggestion),
        suggestion,
        lead: para === firstBody,
      });
    });
  });

  function suggest(piece: Piece, index: number, lang: Language, known: Attribution | null): Suggestion {
    // A dateline is not part of the claim.
    let { start, text } = piece;
    const date = /^\p{Lu}[\p{Lu}\p{M}'’./ -]*\p{Lu}[^\p{Ll}]/u.test(text) ? DATELINE.exec(text) : null;
    let attribution: Attribution;
    if (date && date[0].length < text.length) {
      start += date[0].length;
      text = text.slice(date[0].length);
      attribution = attributeSentence(text, lang, ctx);
    } else attribution = known ?? attributeSentence(text, lang, ctx);
    if (!attribution.cue) attribution = passive(text, attribution);
    if (!attribution.cue) attribution = pourX(text, attribution);
    attribution = participle(text, attribution, lang);
    const mention = attribution.mention ?? attribution.speaker;
    if (mention && QUANTIFIER_SPEAKER.test(mention.trim())) attribution = { speaker: null, cue: null };
    const quotation =
      attribution.resolution === "quotation" ||
      (!attribution.cue && text.includes(":") && /:\s*[«“"]/u.test(text));
    let speaker: string | null = null;
    let role: string | null = null;
    if (attribution.speaker || attribution.mention || quotation) {
      const colon = quotation ? text.search(/:\s*[«“"]/u) : -1;
      const r = resolveSpeaker(registry, speakers, {
        mention: attribution.cue ? (attribution.mention ?? attribution.speaker) : null,
        speaker: attribution.speaker,
        quotation: quotation && !attribution.cue,
        sentence: index,
        offset: attribution.cueStart ?? (colon >= 0 ? colon : text.length),
        text,
      });
      speaker = r.speaker;
      role = r.role;
    }
    const a: Attribution = { ...attribution, speaker };
    const narration = Boolean(
      a.cue &&
      a.cueEnd !== undefined &&
      NP_CUE.test(a.cue) &&
      !STATEMENT_AFTER.test(text.slice(a.cueEnd)) &&
      !/[,»”"]\s*$/u.test(text.slice(0, a.cueStart)),
    );
    const { score, reasons } = scoreSentence(text, lang, { attribution: a, narration });
    const suggestion: Suggestion = {
      start,
      end: start + text.length,
      quote: text,
      statement: editorStatement(text, a, lang),
      speaker,
      cue: a.cue,
      score,
      reasons,
      hidden: score < SUGGESTION_THRESHOLD,
    };
    if (role) suggestion.role = role;
    return suggestion;
  }

  dropRepeats(items);

  for (const [index, party] of uncommentedTargets(items)) {
    const s = items[index]?.suggestion;
    if (s) {
      s.verdict = "uncommented";
      s.silentParty = party;
    }
  }

  options.onProgress?.(sentences.length, sentences.length);
  const out: Suggestion[] = [];
  for (const it of items) if (it.suggestion && it.suggestion.score >= minScore) out.push(it.suggestion);
  return out;
}

/** What a claim says, without who says it: to tell whom a no-comment sentence concerns. */
function claimText(s: Suggestion): string {
  const sep = s.statement.indexOf(s.statement.includes("\u00a0: ") ? "\u00a0: " : ": ");
  return s.speaker !== null && sep > 0 ? s.statement.slice(sep + 2) : s.statement;
}

/** A heading, sub-heading, caption or byline: a paragraph of one short sentence without a full stop. */
function isHeading(text: string): boolean {
  const t = text.trim();
  if (BYLINE.test(t) && t.split(/\s+/).length <= 14) return true;
  if (!/\p{Ll}/u.test(t)) return true;
  return !TERMINAL.test(t) && t.split(/\s+/).length <= 30;
}

/** "A spokesperson for the department" → the department as the article names it. */
function partyName(registry: ReturnType<typeof buildRegistry>, party: string): string {
  const m =
    /^(?:an?\s+|the\s+|un\s+|une\s+|le\s+|la\s+)?(?:spokesperson|spokesman|spokeswoman|porte-parole|representative|représentant|représentante)\s+(?:for|of|at|de|du|de\s+la|de\s+l['’])\s*(.+)$/iu.exec(
      party,
    );
  const core = m?.[1];
  if (!core) return canonicalOrg(registry, party);
  const head = fold(core.replace(/^(?:the|le|la|l['’])\s*/iu, "").split(/\s+/)[0] ?? "");
  for (let i = registry.orgs.length - 1; i >= 0; i--) {
    const o = registry.orgs[i];
    if (o && fold(o.name).split(/\s+/).includes(head)) return o.name;
  }
  return canonicalOrg(registry, core);
}

/** "It was announced that…", "il a été annoncé que…": an attribution without a named source. */
function passive(text: string, a: Attribution): Attribution {
  if (!PASSIVE_HINT.test(text)) return a;
  const m = PASSIVE_EN.exec(text) ?? PASSIVE_FR.exec(text);
  if (!m) return a;
  const by =
    /^\s+(?:by|par)\s+((?:the\s+|le\s+|la\s+|l['’])?\p{Lu}[^,;:.]{1,60}?)(?=\s+(?:that|que|qu['’]|on|in|to)\b|[,;:.]|$)/u.exec(
      text.slice(m.index + m[0].length),
    );
  const cue = collapseSpaces(m[1] ?? m[0]);
  return {
    speaker: by?.[1] ?? null,
    cue,
    cueStart: m.index + m[0].indexOf(m[1] ?? m[0]),
    cueEnd: m.index + m[0].length,
    ...(by?.[1] ? { mention: by[1] } : {}),
    resolution: "explicit",
  };
}

/** "Pour Jan Hamáček, cette attitude est méprisante": a position attributed by "pour". */
function pourX(text: string, a: Attribution): Attribution {
  const m = /^\s*(Pour|For)\s+((?:M\.\s+|Mme\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}),\s/u.exec(
    text,
  );
  if (!m?.[1] || !m[2]) return a;
  const start = m.index + m[0].indexOf(m[1]);
  return {
    speaker: m[2],
    mention: m[2],
    cue: m[1],
    cueStart: start,
    cueEnd: start + m[1].length,
    resolution: "explicit",
  };
}

/**
 * "The daily rise in deaths announced in New York state on Friday was 777": the reporting verb is a
 * participle; the source follows "in" or "by".
 */
function participle(text: string, a: Attribution, language: Language): Attribution {
  if (language === "fr" || !a.cue || a.cueEnd === undefined || !/ed$/u.test(a.cue)) return a;
  const rest = text.slice(a.cueEnd);
  const m =
    /^\s+(?:in|by)\s+((?:the\s+)?[\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,3}?)(?=\s+(?:on|in|at|last|this|was|were|is|are|had|has)\b|[,;.])/u.exec(
      rest,
    );
  if (!m?.[1] || !/\s(?:was|were|is|are|had|has)\s/u.test(rest)) return a;
  return { ...a, speaker: m[1], mention: m[1] };
}

/** A cue near the start of the second clause, checked before attributing it. */
const RIGHT_CUE =
  /\s(?:said|says|told|added|claimed|estimated|warned|insisted|stressed|announced|(?:a|ont)\s+(?:\p{Ll}+\s+)?\p{Ll}+[éit]s?|affirme|estime|indique|déclare|annonce|assure|juge|dit)(?![\p{L}])/u;

const CONNECTOR =
  /,\s*(?:and|while|whereas|tandis\s+que|alors\s+que|et)\s+|\s(?:and|et)\s+(?=(?:the|le|la|les|l['’])\s*\p{L})/gu;

/**
 * "South Africa said … and the military said …", "X a assuré que…, tandis que la Cour des comptes
 * a estimé que…": two attributions in one sentence give two pieces.
 */
function splitAttributions(s: Piece, language: Language, first: Attribution): Piece[] {
  const text = s.text;
  if (!first.cue || first.cueStart === undefined) return [s];
  CONNECTOR.lastIndex = 0;
  if (!CONNECTOR.test(text)) return [s];
  CONNECTOR.lastIndex = 0;
  const spans = analyseQuotes(text).spans;
  for (let m = CONNECTOR.exec(text); m !== null; m = CONNECTOR.exec(text)) {
    const at = m.index + m[0].length;
    if (m.index <= (first.cueEnd ?? 0) || insideQuote(spans, m.index)) continue;
    const right = text.slice(at);
    if (!RIGHT_CUE.test(right.slice(0, 80))) continue;
    const a = attributeSentence(right, language);
    if (!a.cue || a.cueStart === undefined || a.cueStart > 60 || a.resolution !== "explicit") continue;
    const mention = a.mention ?? a.speaker ?? "";
    if (!mention || !right.startsWith(mention.split(/[ ,]/u)[0] ?? "\u0000")) continue;
    const leftEnd = m.index;
    return [
      { start: s.start, end: s.start + leftEnd, text: text.slice(0, leftEnd) },
      { start: s.start + at, end: s.end, text: right },
    ];
  }
  return [s];
}

// ---------------------------------------------------------------------------------------------
// Repeats: a claim in the standfirst and again in the body is suggested once, in the body.

const STOP = new Set(
  "les des une pour dans avec sans sur par que qui est sont été avoir être cette ces leur leurs plus the and for with that this from have has was were will would which their its into than been".split(
    " ",
  ),
);

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const w = fold(t.lower);
    if ((w.length >= 4 || /\d/u.test(w)) && !STOP.has(w)) out.add(w);
  }
  return out;
}

/** How many sentences after the standfirst its repeat may come. */
const REPEAT_REACH = 40;

function dropRepeats(items: Item[]): void {
  const bodies: { index: number; words: Set<string>; numbers: Set<string>; speaker: string | null }[] = [];
  const lastLead = items.findLastIndex((it) => it.lead);
  items.forEach((it, index) => {
    const s = it.suggestion;
    if (!s || s.hidden || index > lastLead + REPEAT_REACH) return;
    const words = contentWords(s.quote);
    const numbers = new Set([...words].filter((w) => /\d/u.test(w)));
    bodies.push({ index, words, numbers, speaker: s.speaker });
  });
  for (const a of bodies) {
    const item = items[a.index];
    if (!item?.lead || a.words.size < 4) continue;
    for (const b of bodies) {
      if (b.index <= a.index || items[b.index]?.paragraph === item.paragraph) continue;
      if (b.index > a.index + REPEAT_REACH) break;
      let shared = 0;
      for (const w of a.words) if (b.words.has(w)) shared++;
      const containment = shared / a.words.size;
      const sameNumber = [...a.numbers].some((n) => b.numbers.has(n));
      const sameSpeaker = a.speaker !== null && a.speaker === b.speaker;
      if (containment >= 0.6 || (sameNumber && (sameSpeaker || containment >= 0.3))) {
        item.suggestion = null;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statements

const OPENING = /^[«“"„‹]\s*/u;
const CLOSING = /\s*[»”"›]$/u;
const LOWER_FIRST =
  /^(?:le|la|les|l['’]|un|une|des|du|il|elle|ils|elles|nous|ce|cet|cette|ces|son|sa|ses|leur|leurs|the|a|an|it|he|she|they|we|our|this|these|those|its|their|his|her|there)\b/iu;

/** The speaker as a statement opens with it: a person's surname, an institution without article. */
function shortSpeaker(speaker: string): string {
  const bare = speaker.replace(/^(?:the|le|la|les)\s+|^l['’]/iu, "");
  const ws = bare.split(/\s+/);
  if (ws.length >= 2 && ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|du|van|von|al|el|bin)$/u.test(w)))
    return ws[ws.length - 1] ?? bare;
  return bare.charAt(0).toLocaleUpperCase() + bare.slice(1);
}

/**
 * The editor's one-line wording: "Zelensky : la Russie a tiré plus de 1 800 drones en une
 * semaine". The claim loses its attribution and quotation marks, and opens with the speaker.
 */
export function editorStatement(sentence: string, a: Attribution, language: Language): string {
  const found = statementCore(sentence, a);
  let core = found.text;
  if (a.cue && a.cueEnd !== undefined && found.plain) {
    // "X affirme que …", "X said (that) …": what is reported.
    const after = sentence.slice(a.cueEnd);
    const before = sentence.slice(0, a.cueStart);
    const rest =
      /^\s*(?:(?:vendredi|lundi|mardi|mercredi|jeudi|samedi|dimanche|on \p{L}+day|this week|earlier this week|last week|jeudi soir|mardi soir)\s+)?(?:que\s+|qu['’]|that\s+)(.+)$/su.exec(
        after,
      ) ??
      (language !== "fr" && CLAUSE_CUE.test(a.cue) && /^\s+(?![\p{Lu}])(.+)$/su.exec(after));
    if (rest && rest[1] && !/[«»"“”]/u.test(before) && rest[1].length > 20) core = finishStatement(rest[1]);
  }
  if (a.speaker === null) return oneLine(core);
  if (found.plain && a.cue && a.cueStart !== undefined && core === found.text) {
    // "Le président ukrainien Volodymyr Zelensky a reproché à la Russie…" → "Zelensky a reproché à la
    // Russie…"; "Il a également demandé…" → "Zelensky a également demandé…". An institution keeps
    // the sentence as it names itself.
    const subject = sentence.slice(0, a.cueStart).trim();
    const mention = a.mention ?? a.speaker;
    const person = /\p{Lu}\p{L}+\s+\p{Lu}/u.test(a.speaker) && !/^(?:the|le|la|les|l['’])/iu.test(a.speaker);
    if (
      subject.length > 0 &&
      !/[,«»"“”]/u.test(subject) &&
      subject.endsWith(mention.trim().split(/\s+/).pop() ?? "\u0000")
    ) {
      if (!person) return oneLine(core);
      return oneLine(`${shortSpeaker(a.speaker)} ${collapseSpaces(sentence.slice(a.cueStart))}`);
    }
  }
  if (LOWER_FIRST.test(core) && !/^[\p{Lu}]{2}/u.test(core))
    core = core.charAt(0).toLocaleLowerCase() + core.slice(1);
  const sep = language === "fr" ? "\u00a0: " : ": ";
  return oneLine(`${shortSpeaker(a.speaker)}${sep}${core}`);
}

/** English reporting verbs followed by a clause without "that": "said the talks had failed". */
const CLAUSE_CUE =
  /(?:^|\s)(?:said|says|say|told|wrote|writes|added|adds|stressed|argued|insisted|warned|claimed|claims|noted|announced|confirmed|reported|explained|alleged|denied|estimated)$/u;

const LINE = 200;

/** At most one line: a long wording is cut at a clause boundary. */
function oneLine(s: string): string {
  if (s.length <= LINE) return s;
  const head = s.slice(0, LINE);
  const cut = Math.max(
    head.lastIndexOf(", "),
    head.lastIndexOf(" et "),
    head.lastIndexOf(" and "),
    head.lastIndexOf(" ; "),
  );
  return `${(cut > LINE / 2 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(" "))).replace(/[\s,;:]+$/u, "")}…`;
}

/**
 * The claim in plain words: a quotation loses its attribution and quotation marks
 * ("«…», a-t-il écrit." → "…."), a leading "Selon X," / "According to X," is dropped; anything
 * else is the sentence itself with whitespace collapsed.
 */
export function statementFor(sentence: string, a: Attribution): string {
  return statementCore(sentence, a).text;
}

function statementCore(sentence: string, a: Attribution): { text: string; plain: boolean } {
  const text = sentence;
  const finish = (s: string) => ({ text: finishStatement(s), plain: false });
  if (a.cue && a.cueStart !== undefined && a.cueEnd !== undefined) {
    const before = text.slice(0, a.cueStart);
    const after = text.slice(a.cueEnd);
    const leading = /^\s*$/u.test(before) && /^(?:selon|d['’]après|according to)$/iu.test(a.cue);
    if (leading) {
      const m = /^[^,]*,\s*/u.exec(after);
      if (m && after.length > m[0].length) return finish(after.slice(m[0].length));
    }
    // A quotation opening the sentence, then only the attribution: "«…», a-t-il écrit.",
    // "\"…,\" he wrote on X."
    const q = analyseQuotes(text);
    const first = q.spans[0];
    if (first && first.open === text.search(/\S/u) && first.close !== -1 && first.close <= a.cueStart) {
      const tail = text.slice(first.close);
      if (!/[«»"“”]/u.test(tail) && tail.split(/\s+/).length <= 16) {
        const inner = text.slice(first.open + 1, first.close - 1).replace(/[,;:]\s*$/u, "");
        if (inner.trim().length > 0) return finish(inner);
      }
    }
    // "«…», a dit X.", "…, said John Smith.": the claim, then only the cue and its speaker.
    const mention = (a.mention ?? a.speaker ?? "").trim();
    const trailing =
      /[,»”"]\s*$/u.test(before) &&
      /^[^,;:«»"“”]*[.!?…]?\s*$/u.test(after) &&
      !/^\s*(?:que|qu['’]|that)\b/u.test(after) &&
      (mention === "" ||
        /^(?:on|il|elle|ils|elles|he|she|they)$/iu.test(mention) ||
        after.includes(mention.split(",")[0] ?? mention) ||
        /[«»"“”]/u.test(before)) &&
      before.trim().length > 0;
    if (trailing) {
      let core = before.replace(/\s*,\s*$/u, "").trim();
      if (OPENING.test(core) && CLOSING.test(core)) core = core.replace(OPENING, "").replace(CLOSING, "");
      core = core.replace(/[,;:]\s*$/u, "");
      if (core.length > 0) return finish(core);
    }
    // "…, selon X." / "…, according to X."
    if (/^(?:selon|d['’]après|according to)$/iu.test(a.cue) && /,\s*$/u.test(before) && !/,/u.test(after)) {
      return finish(before.replace(/\s*,\s*$/u, ""));
    }
  }
  return { text: collapseSpaces(withoutUnpairedQuotes(text)), plain: true };
}

/** Drop the quotation marks a sentence inside a longer quotation carries on one side only. */
function withoutUnpairedQuotes(text: string): string {
  const q = analyseQuotes(text);
  const drop = new Set<number>();
  if (q.startsInside && q.firstUnmatchedClose >= 0) drop.add(q.firstUnmatchedClose);
  for (const s of q.spans) if (s.close === -1) drop.add(s.open);
  if (drop.size === 0) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i] ?? "";
  return out;
}

function finishStatement(s: string): string {
  let out = collapseSpaces(s).replace(/\s*[,;:]$/u, "");
  out = out.charAt(0).toLocaleUpperCase() + out.slice(1);
  if (!/[.!?…»”"]$/u.test(out)) out += ".";
  return out;
}
