// Scores the suggester against gold labels (lib/claims/eval/gold/*.json, format in README.md
// next to this file). Reads files, so it is not part of the pure lib/claims API.

import fs from "node:fs";
import path from "node:path";
import type { Language } from "@/lib/review/model";
import { type Suggestion, suggestClaims } from "../suggest";
import { fold } from "../text";
import { canonicalName } from "../variants";

export type GoldClaim = {
  /** A distinctive substring of the claim's span; every occurrence in the text counts. */
  anchor: string;
  /** Other wordings of the same claim in the text (standfirst, heading, repeat). */
  alsoAt?: string[];
  /** The speaker as an editor would name it, or null when the article asserts the claim. */
  speaker: string | null;
  /** Other acceptable names for the speaker (null included when an unnamed speaker is fine). */
  speakerAlso?: (string | null)[];
  /** Id of the no-comment sentence (in noComments) whose party stayed silent on this claim. */
  silent?: string;
};

export type GoldNoComment = { id: string; anchor: string; party: string; partyAlso?: string[] };

export type GoldArticle = {
  id: string;
  language: Language;
  /** Path of the text, relative to the project root. */
  text: string;
  /** Where the text comes from: "fixture" (../shared) or "own" (written for the project). */
  origin: "fixture" | "own" | "heldout";
  claims: GoldClaim[];
  noComments?: GoldNoComment[];
};

export type ArticleScore = {
  id: string;
  origin: "fixture" | "own" | "heldout";
  gold: number;
  shown: number;
  matched: number;
  recall: number;
  precision: number;
  speakerAccuracy: number;
  /** F1 of the (claim, silent party) links; null when the article has none and none is proposed. */
  noCommentLinking: number | null;
  links: { gold: number; proposed: number; correct: number };
  misses: string[];
  falsePositives: string[];
  wrongSpeakers: string[];
  wrongLinks: string[];
};

export type EvalReport = {
  articles: ArticleScore[];
  average: { recall: number; precision: number; speakerAccuracy: number; noCommentLinking: number };
};

export const GOLD_DIR = path.join("lib", "claims", "eval", "gold");

export function loadGold(root: string = process.cwd()): GoldArticle[] {
  const dir = path.join(root, GOLD_DIR);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as GoldArticle);
}

const DETERMINER = /^(?:the|le|la|les|l')\s+/u;

/** A speaker name for comparison: folded, without a leading article, punctuation or variants. */
export function normaliseSpeaker(name: string | null): string | null {
  if (name === null) return null;
  const bare = name.trim().replace(/^(?:the|le|la|les)\s+|^l['’]/iu, "");
  let s = fold(canonicalName(bare)).replace(/[’]/g, "'");
  s = s.replace(/^l'/u, "").replace(DETERMINER, "");
  s = s
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return s;
}

/** One character for one: quotes, apostrophes and spaces compared loosely, offsets unchanged. */
function loose(s: string): string {
  return s
    .replace(/[“”„″]/g, '"')
    .replace(/[’‘′]/g, "'")
    .replace(/[\u00a0\u202f\u2009]/g, " ");
}

function occurrences(rawText: string, rawNeedle: string): number[] {
  const text = loose(rawText);
  const needle = loose(rawNeedle);
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

type Spans = { start: number; end: number }[];

function anchorSpans(text: string, id: string, anchors: string[]): Spans {
  const out: Spans = [];
  for (const a of anchors) {
    const at = occurrences(text, a);
    if (at.length === 0) throw new Error(`${id}: anchor not found in the text: ${JSON.stringify(a)}`);
    for (const i of at) out.push({ start: i, end: i + a.length });
  }
  return out;
}

function contains(s: Suggestion, spans: Spans): boolean {
  return spans.some((a) => a.start >= s.start && a.end <= s.end);
}

function speakerOk(claim: GoldClaim, predicted: string | null): boolean {
  const p = normaliseSpeaker(predicted);
  const accepted = [claim.speaker, ...(claim.speakerAlso ?? [])].map(normaliseSpeaker);
  return accepted.includes(p);
}

function short(s: string, n = 90): string {
  const t = s.replace(/\s+/g, " ");
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** Score one article: the suggestions shown by default (hidden === false) against its gold. */
export function scoreArticle(article: GoldArticle, text: string, suggestions: Suggestion[]): ArticleScore {
  const shown = suggestions.filter((s) => !s.hidden);
  const claimSpans = article.claims.map((c) =>
    anchorSpans(text, article.id, [c.anchor, ...(c.alsoAt ?? [])]),
  );
  const noComments = new Map((article.noComments ?? []).map((n) => [n.id, n]));
  for (const n of noComments.values()) anchorSpans(text, article.id, [n.anchor]);
  for (const c of article.claims) {
    if (c.silent !== undefined && !noComments.has(c.silent))
      throw new Error(`${article.id}: unknown no-comment id ${c.silent}`);
  }

  // Each suggestion takes at most one gold claim and each claim one suggestion; among the claims
  // a suggestion contains, the one whose speaker it names wins.
  const matchOf = new Map<Suggestion, number>();
  const taken = new Set<number>();
  for (const s of shown) {
    const candidates: number[] = [];
    claimSpans.forEach((spans, i) => {
      if (!taken.has(i) && contains(s, spans)) candidates.push(i);
    });
    if (candidates.length === 0) continue;
    const best =
      candidates.find((i) => speakerOk(article.claims[i] as GoldClaim, s.speaker)) ?? candidates[0];
    if (best === undefined) continue;
    matchOf.set(s, best);
    taken.add(best);
  }

  const wrongSpeakers: string[] = [];
  let speakerRight = 0;
  const links = { gold: 0, proposed: 0, correct: 0 };
  const wrongLinks: string[] = [];
  for (const c of article.claims) if (c.silent !== undefined) links.gold++;
  for (const s of shown) if (s.verdict === "uncommented") links.proposed++;
  for (const [s, i] of matchOf) {
    const c = article.claims[i] as GoldClaim;
    if (speakerOk(c, s.speaker)) speakerRight++;
    else
      wrongSpeakers.push(
        `${short(c.anchor, 50)} → ${s.speaker ?? "(none)"}, expected ${c.speaker ?? "(none)"}`,
      );
    const gold = c.silent !== undefined ? noComments.get(c.silent) : undefined;
    if (s.verdict === "uncommented") {
      const party = normaliseSpeaker(s.silentParty ?? null);
      const ok =
        gold !== undefined && [gold.party, ...(gold.partyAlso ?? [])].map(normaliseSpeaker).includes(party);
      if (ok) links.correct++;
      else
        wrongLinks.push(
          `${short(c.anchor, 50)}: linked to ${s.silentParty ?? "?"}${gold ? `, expected ${gold.party}` : ", expected none"}`,
        );
    } else if (gold) {
      wrongLinks.push(`${short(c.anchor, 50)}: not linked, expected ${gold.party}`);
    }
  }
  for (const s of shown) {
    if (s.verdict === "uncommented" && !matchOf.has(s))
      wrongLinks.push(`${short(s.quote, 50)}: linked to ${s.silentParty ?? "?"} but not a claim`);
  }

  const matched = matchOf.size;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const lp = ratio(links.correct, links.proposed);
  const lr = ratio(links.correct, links.gold);
  const noCommentLinking =
    links.gold === 0 && links.proposed === 0 ? null : lp + lr === 0 ? 0 : (2 * lp * lr) / (lp + lr);
  return {
    id: article.id,
    origin: article.origin,
    gold: article.claims.length,
    shown: shown.length,
    matched,
    recall: ratio(matched, article.claims.length),
    precision: ratio(matched, shown.length),
    speakerAccuracy: ratio(speakerRight, matched),
    noCommentLinking,
    links,
    misses: article.claims.filter((_, i) => !taken.has(i)).map((c) => short(c.anchor)),
    falsePositives: shown
      .filter((s) => !matchOf.has(s))
      .map((s) => `[${s.score.toFixed(2)}] ${short(s.quote)}`),
    wrongSpeakers,
    wrongLinks,
  };
}

/** Run the suggester on every gold article and score it. */
export function evaluate(root: string = process.cwd()): EvalReport {
  const articles = loadGold(root).map((g) => {
    const text = fs.readFileSync(path.resolve(root, g.text), "utf8").normalize("NFC").replace(/\r\n?/g, "\n");
    return scoreArticle(g, text, suggestClaims(text, g.language));
  });
  const mean = (xs: number[]) => (xs.length === 0 ? 1 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const linking = articles.map((a) => a.noCommentLinking).filter((x): x is number => x !== null);
  return {
    articles,
    average: {
      recall: mean(articles.map((a) => a.recall)),
      precision: mean(articles.map((a) => a.precision)),
      speakerAccuracy: mean(articles.map((a) => a.speakerAccuracy)),
      noCommentLinking: mean(linking),
    },
  };
}
