// toJson: the summary model as pretty JSON for machines (CMS import, archives).
// Keys are written in a fixed order, verdicts are the English keys of lib/review/model, dates are
// ISO 8601 (timestamps in UTC with milliseconds, calendar dates as YYYY-MM-DD).
import { isoDateTime, parseIsoDate, isoDate } from "./dates";
import { buildSummary } from "./summary";
import type { Summary, SummaryInput, SummaryItem } from "./types";

/** Identifies the shape of the document, so that consumers can tell future versions apart. */
export const SUMMARY_JSON_FORMAT = "claim-desk/summary@1";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function claimJson(item: SummaryItem): JsonValue {
  return {
    id: item.id,
    number: item.number,
    url: item.url,
    statement: item.statement,
    speaker: item.speaker,
    quote: item.quote,
    span: { start: item.start, end: item.end },
    verdict: item.verdict,
    verdictLabel: item.verdictLabel,
    verdictNote: item.verdictNote,
    silentParty: item.silentParty,
    silenceSentence: item.silenceSentence,
    stage: item.stage,
    unverified: item.unverified,
    sources: item.sources.map((source) => ({ ...source })),
    ratedBy: item.ratedBy,
    ratedAt: isoDateTime(item.ratedAt),
    approvedBy: item.approvedBy,
    approvedAt: isoDateTime(item.approvedAt),
  };
}

/** The JSON-ready object behind toJson (plain data, no Date instances). */
export function summaryToJsonValue(summary: Summary): JsonValue {
  const { article, counts } = summary;
  const verdicts: { [key: string]: JsonValue } = {};
  for (const group of summary.groups) {
    verdicts[group.verdict] = { label: group.heading, claims: group.claims.map(claimJson) };
  }
  return {
    format: SUMMARY_JSON_FORMAT,
    generatedAt: isoDateTime(summary.generatedAt),
    language: summary.language,
    includeUnapproved: summary.includeUnapproved,
    organisation: { name: summary.organisation.name, url: summary.organisation.url },
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      language: article.language,
      // Only a real calendar date is passed on; anything else becomes null.
      publishedAt: isoDate(parseIsoDate(article.publishedAt)),
    },
    counts: {
      total: counts.total,
      unverified: counts.unverified,
      confirmed: counts.byVerdict.confirmed,
      disputed: counts.byVerdict.disputed,
      uncommented: counts.byVerdict.uncommented,
      unrated: counts.byVerdict.unrated,
    },
    countLine: summary.countLine,
    verdicts,
    // Only a corrected published version has the key, so earlier documents keep their shape.
    ...(summary.corrections.length > 0
      ? {
          corrections: summary.corrections.map((c) => ({
            claimId: c.claimId,
            date: c.on,
            at: isoDateTime(c.at),
            heading: c.heading,
            note: c.note,
          })),
        }
      : {}),
  };
}

export function toJson(input: SummaryInput): string {
  return `${JSON.stringify(summaryToJsonValue(buildSummary(input)), null, 2)}\n`;
}
