// Claim suggestions for an article body: segment, attribute, score, and attach `uncommented`
// verdicts from no-comment sentences. Pure: body text in, suggestions out.

import type { Language } from "@/lib/review/model";
import { type Attribution, attributeSentence, createAttributionContext } from "./attribution";
import { type PassageItem, detectNoComment, uncommentedTargets } from "./no-comment";
import { type Reason, SUGGESTION_THRESHOLD, scoreSentence } from "./score";
import { segmentSentences } from "./segment";
import { analyseQuotes, collapseSpaces, splitParagraphs } from "./text";

export type Suggestion = {
  /** [start, end) in UTF-16 code units into the body; quote === body.slice(start, end). */
  start: number;
  end: number;
  quote: string;
  /** A proposed one-sentence wording of the claim, for the editor to rewrite. */
  statement: string;
  speaker: string | null;
  cue: string | null;
  score: number;
  reasons: Reason[];
  verdict?: "uncommented";
  silentParty?: string;
  /** Below the threshold (SUGGESTION_THRESHOLD): not shown unless the editor asks for more. */
  hidden: boolean;
};

export type SuggestOptions = {
  /** Leave out suggestions scoring below this (default 0: every sentence but no-comment ones). */
  minScore?: number;
  /** Called every few hundred sentences and at the end, for progress on long articles. */
  onProgress?: (done: number, total: number) => void;
};

const PROGRESS_EVERY = 200;

/** Suggest the claims of an article body, in reading order. */
export function suggestClaims(body: string, language: Language, options: SuggestOptions = {}): Suggestion[] {
  const minScore = options.minScore ?? 0;
  const sentences = segmentSentences(body, language);
  const paragraphs = splitParagraphs(body);
  const ctx = createAttributionContext();

  const items: (PassageItem & { suggestion: Suggestion | null })[] = [];
  let p = 0;
  let done = 0;
  for (const s of sentences) {
    if (options.onProgress && done++ % PROGRESS_EVERY === 0) options.onProgress(done - 1, sentences.length);
    while (p < paragraphs.length - 1 && (paragraphs[p]?.end ?? 0) <= s.start) p++;
    const noComment = detectNoComment(s.text, language, ctx);
    const attribution = attributeSentence(s.text, language, ctx);
    if (noComment) {
      items.push({ paragraph: p, speaker: null, noComment, suggestion: null });
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(s.text)) continue;
    const { score, reasons } = scoreSentence(s.text, language, { attribution });
    const suggestion: Suggestion = {
      start: s.start,
      end: s.end,
      quote: s.text,
      statement: statementFor(s.text, attribution),
      speaker: attribution.speaker,
      cue: attribution.cue,
      score,
      reasons,
      hidden: score < SUGGESTION_THRESHOLD,
    };
    items.push({ paragraph: p, speaker: attribution.speaker, noComment: null, suggestion });
  }

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

const OPENING = /^[«“"„‹]\s*/u;
const CLOSING = /\s*[»”"›]$/u;

/**
 * The claim in plain words: a quotation loses its attribution and quotation marks
 * ("«…», a-t-il écrit." → "…."), a leading "Selon X," / "According to X," is dropped; anything
 * else is the sentence itself with whitespace collapsed.
 */
export function statementFor(sentence: string, a: Attribution): string {
  const text = sentence;
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
      if (!/[«»"“”]/u.test(tail) && tail.split(/\s+/).length <= 12) {
        const inner = text.slice(first.open + 1, first.close - 1).replace(/[,;:]\s*$/u, "");
        if (inner.trim().length > 0) return finish(inner);
      }
    }
    const trailing =
      /[,»”"]\s*$/u.test(before) && /^[^,;:«»"“”]*[.!?…]?\s*$/u.test(after) && before.trim().length > 0;
    if (trailing) {
      let core = before.replace(/\s*,\s*$/u, "").trim();
      if (OPENING.test(core) && CLOSING.test(core)) core = core.replace(OPENING, "").replace(CLOSING, "");
      core = core.replace(/[,;:]\s*$/u, "");
      if (core.length > 0) return finish(core);
    }
  }
  return collapseSpaces(withoutUnpairedQuotes(text));
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

function finish(s: string): string {
  let out = collapseSpaces(s);
  out = out.charAt(0).toLocaleUpperCase() + out.slice(1);
  if (!/[.!?…»”"]$/u.test(out)) out += ".";
  return out;
}
