// buildSummary: SummaryInput → Summary, the normalised model every format is rendered from.
import type { Verdict } from "@/lib/review/model";
import { formatLongDay, isValidDate, zonedIsoDate } from "./dates";
import { labelsFor, type Labels } from "./labels";
import { singleLine, trimText } from "./text";
import { noCommentSentence, replyHeading } from "@/lib/reply/wording";
import { escapeBidiControls } from "@/lib/text/bidi";
import { upperFirst } from "@/lib/text/upper-first";
import type {
  Summary,
  SummaryArticle,
  SummaryClaim,
  SummaryGroup,
  SummaryInput,
  SummaryItem,
  SummarySource,
} from "./types";

/** Order of the verdict sections in every format. */
export const SUMMARY_VERDICT_ORDER = [
  "confirmed",
  "disputed",
  "uncommented",
  "unrated",
] as const satisfies readonly Verdict[];

/** `{appUrl}/articles/{articleId}#claim-{claimId}`, tolerating trailing slashes on appUrl. */
export function claimUrl(appUrl: string, articleId: number, claimId: number): string {
  return `${appUrl.replace(/\/+$/, "")}/articles/${articleId}#claim-${claimId}`;
}

/**
 * User text as every format writes it: bidirectional controls (an RLO that would reverse the rest
 * of the line…) replaced by a visible escape, "[U+202E]" (see lib/text/bidi.ts). The stored text
 * keeps them; no export does.
 */
const neutral = escapeBidiControls;

/** Trims and returns null for empty text. */
function nonEmpty(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = neutral(singleLine(text));
  return trimmed === "" ? null : trimmed;
}

/** The article as the formats write it: its text fields with bidi controls neutralised. */
export function exportArticle(article: SummaryArticle): SummaryArticle {
  return {
    ...article,
    title: neutral(article.title),
    outlet: article.outlet === null ? null : neutral(article.outlet),
    url: article.url === null ? null : neutral(article.url),
  };
}

/** Code-unit order, independent of the runtime's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reading order: position in the body, then id so that equal spans stay stable. */
function byReadingOrder(a: SummaryClaim, b: SummaryClaim): number {
  return a.start - b.start || a.end - b.end || a.id - b.id || compareText(a.statement, b.statement);
}

/**
 * Normalises one claim for display: whitespace of single-line fields collapsed, empty strings
 * turned into null, invalid dates dropped, labels and URL derived. `number` is its running number;
 * `timeZone` gives the calendar days of its dates.
 */
/** The sentence of an `uncommented` verdict: built from the recorded request when there is one. */
function silence(claim: SummaryClaim, party: string | null, labels: Labels, timeZone: string): string {
  const recorded = party
    ? noCommentSentence(party, claim.commentRequests ?? [], labels.locale, timeZone)
    : null;
  // A party named as the desk writes it ("le ministère des Transports") starts the sentence.
  return recorded ? `${upperFirst(neutral(recorded), labels.locale)}.` : labels.silence(party);
}

/** At most this many characters of a reply's text where a format prints an excerpt. */
export const REPLY_EXCERPT_LENGTH = 280;

function excerptOf(text: string): string {
  const line = singleLine(text);
  return line.length <= REPLY_EXCERPT_LENGTH ? line : `${line.slice(0, REPLY_EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * The replies logged on the claim's requests for comment, as sources of the kind "reply", oldest
 * first: the evidence a reply gives the verdict, read from its request (nothing is copied).
 */
function replySources(claim: SummaryClaim, labels: Labels, timeZone: string): SummarySource[] {
  return (claim.commentRequests ?? [])
    .filter((r) => r.outcome !== null && isValidDate(r.repliedAt))
    .sort((a, b) => a.repliedAt!.getTime() - b.repliedAt!.getTime())
    .map((r) => {
      const text = r.replyText ? neutral(trimText(r.replyText)) : null;
      const channel = r.replyChannel ?? r.channel;
      return {
        kind: "reply" as const,
        url: null,
        title: null,
        party: neutral(singleLine(r.party)),
        occurredAt: null,
        agency: null,
        reference: null,
        description: null,
        document: r.replyDocument ? { ...r.replyDocument, name: neutral(r.replyDocument.name) } : null,
        archived: null,
        reply: {
          requestId: r.requestId ?? 0,
          outcome: r.outcome!,
          channel,
          repliedAt: r.repliedAt!.toISOString(),
          heading: neutral(
            replyHeading(
              { party: singleLine(r.party), repliedAt: r.repliedAt!, channel, outcome: r.outcome! },
              labels.locale,
              timeZone,
            ),
          ),
          text,
          excerpt: text === null ? null : excerptOf(text),
        },
      };
    });
}

export function toSummaryItem(
  claim: SummaryClaim,
  articleId: number,
  appUrl: string,
  number: number,
  labels: Labels,
  timeZone: string,
): SummaryItem {
  const ratedAt = isValidDate(claim.ratedAt) ? claim.ratedAt : null;
  const approvedAt = isValidDate(claim.approvedAt) ? claim.approvedAt : null;
  const silentParty = nonEmpty(claim.silentParty);
  const note = neutral(trimText(claim.verdictNote ?? ""));
  return {
    id: claim.id,
    number,
    start: claim.start,
    end: claim.end,
    statement: neutral(singleLine(claim.statement)),
    speaker: nonEmpty(claim.speaker),
    quote: neutral(claim.quote),
    verdict: claim.verdict,
    verdictLabel: labels.verdicts[claim.verdict],
    verdictNote: note === "" ? null : note,
    silentParty,
    silenceSentence: claim.verdict === "uncommented" ? silence(claim, silentParty, labels, timeZone) : null,
    stage: claim.stage,
    unverified: claim.stage !== "approved",
    sources: claim.sources
      .filter((source) => source.kind !== "web" || trimText(source.url ?? "") !== "")
      .map((source) => ({
        ...source,
        url: source.url === null ? null : neutral(trimText(source.url)),
        title: nonEmpty(source.title),
        party: nonEmpty(source.party),
        agency: nonEmpty(source.agency),
        reference: nonEmpty(source.reference),
        description: nonEmpty(source.description),
        document: source.document ? { ...source.document, name: neutral(source.document.name) } : null,
      }))
      .concat(replySources(claim, labels, timeZone)),
    ratedBy: nonEmpty(claim.ratedBy?.name),
    ratedAt,
    approvedBy: nonEmpty(claim.approvedBy?.name),
    approvedAt,
    ratedOn: zonedIsoDate(ratedAt, timeZone),
    approvedOn: zonedIsoDate(approvedAt, timeZone),
    url: claimUrl(appUrl, articleId, claim.id),
  };
}

export function buildSummary(input: SummaryInput): Summary {
  const labels = labelsFor(input.article.language);
  const kept = input.claims.filter((claim) => input.includeUnapproved || claim.stage === "approved");

  const byVerdict: Record<Verdict, number> = { confirmed: 0, disputed: 0, uncommented: 0, unrated: 0 };
  let number = 0;
  let unverified = 0;
  const groups: SummaryGroup[] = SUMMARY_VERDICT_ORDER.map((verdict) => {
    const claims = kept
      .filter((claim) => claim.verdict === verdict)
      .sort(byReadingOrder)
      .map((claim) => {
        number += 1;
        const item = toSummaryItem(claim, input.article.id, input.appUrl, number, labels, input.timeZone);
        if (item.unverified) unverified += 1;
        return item;
      });
    byVerdict[verdict] = claims.length;
    return { verdict, heading: labels.verdicts[verdict], claims };
  });

  const counts = { total: number, unverified, byVerdict };
  return {
    article: exportArticle(input.article),
    language: input.article.language,
    locale: labels.locale,
    organisation: { name: neutral(input.organisation.name), url: neutral(input.organisation.url) },
    generatedAt: input.generatedAt,
    generatedOn: zonedIsoDate(input.generatedAt, input.timeZone) ?? "",
    timeZone: input.timeZone,
    includeUnapproved: input.includeUnapproved,
    counts,
    countLine: labels.count(counts, input.includeUnapproved),
    groups,
    corrections: (input.corrections ?? [])
      .filter((correction) => isValidDate(correction.at))
      .map((correction) => {
        const on = zonedIsoDate(correction.at, input.timeZone) ?? "";
        return {
          claimId: correction.claimId,
          note: neutral(trimText(correction.note)),
          at: correction.at,
          on,
          heading: labels.correctionOf(formatLongDay(on, labels.locale) ?? on),
        };
      }),
  };
}

/** The claims of a summary in display order (verdict sections, then reading order). */
export function summaryItems(summary: Summary): SummaryItem[] {
  return summary.groups.flatMap((group) => group.claims);
}
