import type { QueueItem } from "@/lib/data/queue";
import type { SourceView } from "@/lib/evidence/sources";
import type { Verdict } from "@/lib/review/model";
import type { QuoteContext } from "@/lib/text/context";
import type { ThreadSummary } from "@/components/thread-types";

type Person = { id: number; name: string };

/** What a queue line needs in the browser: no article body, times as epoch milliseconds. */
export type QueueEntry = {
  id: number;
  version: number;
  articleId: number;
  articleTitle: string;
  quote: string;
  context: QuoteContext;
  statement: string;
  speaker: string | null;
  verdict: Verdict;
  verdictNote: string | null;
  silentParty: string | null;
  sources: SourceView[];
  ratedBy: Person | null;
  ratedAt: number | null;
  submittedBy: Person | null;
  submittedAt: number | null;
  takenBy: Person | null;
  takenAt: number | null;
  returnNote: string | null;
  returnedBy: Person | null;
  returnedAt: number | null;
  /** "article_changed_here": an approved claim back in review because the article changed (issue 16). */
  reviewReason?: string | null;
  /** The claim's thread and assignee (components/thread-panel.tsx), when the page read them. */
  thread?: ThreadSummary;
};

/**
 * What a line of the review board renders: who submitted the claim and its last return are the
 * "Returned to me" tab's (components/queue/returned-list.tsx), so the board is not sent them.
 */
export type BoardEntry = Omit<QueueEntry, "submittedBy" | "returnNote" | "returnedBy" | "returnedAt">;

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** A source as the board sends it: the fields its kind has (SourceList reads no other), no nulls. */
function compactSource(source: SourceView): SourceView {
  // SourceList (components/source-list.tsx) tests each field for truth only: absent reads as null.
  const kept = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== null));
  return kept as SourceView;
}

/** What every queue line shows of a claim, in the browser's shape (times as epoch milliseconds). */
function lineFields(item: QueueItem): Omit<BoardEntry, "sources" | "thread"> {
  return {
    id: item.id,
    version: item.version,
    articleId: item.articleId,
    articleTitle: item.articleTitle,
    quote: item.quote,
    context: item.context,
    statement: item.statement,
    speaker: item.speaker,
    verdict: item.verdict,
    verdictNote: item.verdictNote,
    silentParty: item.silentParty,
    ratedBy: item.ratedBy,
    ratedAt: ms(item.ratedAt),
    submittedAt: ms(item.submittedAt),
    takenBy: item.reviewTakenBy,
    takenAt: ms(item.reviewTakenAt),
    reviewReason: item.reviewReason,
  };
}

/** The board's entry for a claim in review: the fields its line renders, with its thread. */
export function toBoardEntry(item: QueueItem, thread: ThreadSummary | undefined): BoardEntry {
  return {
    ...lineFields(item),
    sources: item.sources.map(compactSource),
    ...(thread ? { thread } : {}),
  };
}

/** A claim for the "Returned to me" tab: the line's fields, who submitted it and its last return. */
export function toEntry(item: QueueItem): QueueEntry {
  return {
    ...lineFields(item),
    sources: item.sources,
    submittedBy: item.submittedBy,
    returnNote: item.returnNote,
    returnedBy: item.returnedBy,
    returnedAt: ms(item.returnedAt),
  };
}

/** Where a claim is fixed: its article, opened on the claim. */
export function claimHref(entry: Pick<QueueEntry, "id" | "articleId">): string {
  return `/articles/${entry.articleId}?claim=${entry.id}`;
}
