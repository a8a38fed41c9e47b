import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { articles, claims, users } from "@/lib/data/tables";
import type { Verdict } from "@/lib/review/model";
import { CONTEXT_WINDOW, EMPTY_CONTEXT, quoteContext, type QuoteContext } from "@/lib/text/context";
import { toFailure, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/review";
import { approveClaim, toViews, type ClaimView } from "./claims";
import { notificationBatch } from "./notifications";
import { cachedUntilWrite, countRows, getDb, type Tx } from "./connection";
import { greatest, substring } from "./dialect";

export type QueueFilters = {
  articleId?: number;
  verdict?: Verdict;
  speaker?: string;
  raterId?: number;
};

/** A claim as the queue shows it: the claim, its article's title and the words around its quote. */
export type QueueItem = ClaimView & { articleTitle: string; context: QuoteContext };

/**
 * Lines on the queue page (oldest first; "showing the oldest 50 of N"). Each line is a rich client
 * component: at 200 lines the page was 1.2 MB of HTML and about 100 ms of server time, at 50 it is
 * about 40 ms (npm run bench).
 */
export const QUEUE_LIMIT = 50;

/** Claims waiting for review: shown in the navigation of every page, so kept until the next write. */
export async function countQueue(): Promise<number> {
  const db = getDb();
  return cachedUntilWrite("queue:count", () => countRows(db, claims, eq(claims.stage, "in_review")));
}

function filterConditions(filters: QueueFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.articleId !== undefined) where.push(eq(claims.articleId, filters.articleId));
  if (filters.verdict !== undefined) where.push(eq(claims.verdict, filters.verdict));
  if (filters.speaker) where.push(eq(claims.speaker, filters.speaker));
  if (filters.raterId !== undefined) where.push(eq(claims.ratedById, filters.raterId));
  return where;
}

/**
 * Claims with their article title and a window of the body around the quote. The window is cut
 * in SQL (substr), so a long article is never read whole for a queue line.
 */
async function selectWithContext(
  tx: Tx,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
): Promise<QueueItem[]> {
  const from = greatest(1, sql`${claims.start} + 1 - ${CONTEXT_WINDOW}`);
  const rows = await tx
    .select({
      claim: claims,
      articleTitle: articles.title,
      windowStart: sql<number>`${from} - 1`,
      window: sql<string>`${substring(articles.body, from, sql`${claims.end} - ${from} + 1 + ${CONTEXT_WINDOW}`)}`,
      bodyLength: sql<number>`length(${articles.body})`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  const views = await toViews(
    tx,
    rows.map((r) => r.claim),
  );
  return views.map((view, i) => {
    const row = rows[i]!;
    const context = row.window
      ? quoteContext(row.window, row.windowStart, view.start, view.quote, {
          windowEndsBody: row.windowStart + row.window.length >= row.bodyLength,
        })
      : EMPTY_CONTEXT;
    return { ...view, articleTitle: row.articleTitle, context };
  });
}

/** The claims waiting for review, oldest submitted first, narrowed by the filters; `at` is when it was read. */
export async function listQueue({
  filters = {},
  limit = QUEUE_LIMIT,
}: { filters?: QueueFilters; limit?: number } = {}): Promise<{
  items: QueueItem[];
  total: number;
  at: Date;
}> {
  const db = getDb();
  const where = and(eq(claims.stage, "in_review"), ...filterConditions(filters));
  const items = await selectWithContext(db, where, [asc(claims.submittedAt), asc(claims.id)], limit);
  const filtered = filterConditions(filters).length > 0;
  // Unfiltered, the total is the count of claims waiting that every page's navigation shows (kept
  // until the next write): counting the ~25,000 claims in review again was most of this read.
  const total =
    items.length < limit ? items.length : filtered ? await countRows(db, claims, where) : await countQueue();
  return { items, total, at: new Date() };
}

export type QueueFacets = {
  articles: { id: number; title: string; count: number }[];
  speakers: string[];
  raters: { id: number; name: string }[];
};

/** How many articles the article filter offers: those with the most claims waiting. */
export const QUEUE_FACET_ARTICLES = 100;

/**
 * What the queue's filters can choose from: only articles, speakers and raters with claims waiting.
 * Articles are the QUEUE_FACET_ARTICLES with the most claims waiting (plus `articleId`, the one
 * filtered on, when given), by title: a newsroom's backlog spans thousands of articles, and a list
 * of them all would outweigh the queue itself. Each query reads one index (db/schema.ts). Kept
 * until the next write, like the count of claims waiting: grouping the ~25,000 claims in review of
 * the bench's database by article cost more than the rest of the page's reads together.
 */
export async function listQueueFacets({ articleId }: { articleId?: number } = {}): Promise<QueueFacets> {
  const kept = await cachedUntilWrite(`queue:facets:${articleId ?? ""}`, () => readQueueFacets(articleId));
  // Copies: the kept lists stay as read whatever a caller does with its own.
  return { articles: [...kept.articles], speakers: [...kept.speakers], raters: [...kept.raters] };
}

async function readQueueFacets(articleId: number | undefined): Promise<QueueFacets> {
  const db = getDb();
  const inReview = eq(claims.stage, "in_review");
  const waiting = await db
    .select({ id: claims.articleId, count: count() })
    .from(claims)
    .where(inReview)
    .groupBy(claims.articleId)
    .orderBy(sql`count(*) DESC`, asc(claims.articleId))
    .limit(QUEUE_FACET_ARTICLES);
  if (articleId !== undefined && !waiting.some((w) => w.id === articleId)) {
    const n = await countRows(db, claims, and(inReview, eq(claims.articleId, articleId)));
    if (n > 0) waiting.push({ id: articleId, count: n });
  }
  const counts = new Map(waiting.map((w) => [w.id, w.count]));
  const articleRows =
    waiting.length === 0
      ? []
      : (
          await db
            .select({ id: articles.id, title: articles.title })
            .from(articles)
            .where(inArray(articles.id, [...counts.keys()]))
            .orderBy(asc(articles.title), asc(articles.id))
        ).map((a) => ({ ...a, count: counts.get(a.id) ?? 0 }));
  const speakerRows = await db
    .selectDistinct({ speaker: claims.speaker })
    .from(claims)
    .where(and(inReview, isNotNull(claims.speaker)))
    .orderBy(asc(claims.speaker));
  const raterRows = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(claims)
    .innerJoin(users, eq(users.id, claims.ratedById))
    .where(inReview)
    .orderBy(asc(users.name));
  return {
    articles: articleRows,
    speakers: speakerRows.map((r) => r.speaker).filter((s): s is string => s !== null),
    raters: raterRows,
  };
}

function returnedToCondition(userId: number): SQL | undefined {
  // Spelled as two complete branches so that SQLite answers each from its own index
  // (stage + rater, stage + submitter) instead of reading every draft.
  const returnedDraft = and(eq(claims.stage, "draft"), isNotNull(claims.returnNote));
  return or(
    and(returnedDraft, eq(claims.ratedById, userId)),
    and(returnedDraft, eq(claims.submittedById, userId)),
  );
}

/** Claims a reviewer returned that wait on this person (who rated or submitted them), newest return first. */
export async function listReturnedTo({
  userId,
  limit = QUEUE_LIMIT,
}: {
  userId: number;
  limit?: number;
}): Promise<QueueItem[]> {
  return selectWithContext(
    getDb(),
    returnedToCondition(userId),
    [desc(claims.returnedAt), desc(claims.id)],
    limit,
  );
}

/** Shown on the queue's tab on every view of it: kept until the next write, like the count waiting. */
export async function countReturnedTo({ userId }: { userId: number }): Promise<number> {
  return cachedUntilWrite(`queue:returned:${userId}`, () =>
    countRows(getDb(), claims, returnedToCondition(userId)),
  );
}

export type ApprovalOutcome =
  | { id: number; ok: true }
  | {
      id: number;
      ok: false;
      code: ErrorCode;
      message: string;
      details: { reason?: string; decision?: unknown; by?: unknown; at?: unknown } & Record<string, unknown>;
    };

/**
 * Approves several claims, each in its own transaction and checked against the rules on its own
 * (four eyes, stage, the version the reviewer saw): a refusal does not stop the others.
 */
export async function approveEach({
  actor,
  items,
}: {
  actor: Actor;
  items: { id: number; version: number }[];
}): Promise<ApprovalOutcome[]> {
  // One e-mail per person for the whole bulk action, not one per claim.
  return notificationBatch(() => approveEachInBatch(actor, items));
}

async function approveEachInBatch(
  actor: Actor,
  items: { id: number; version: number }[],
): Promise<ApprovalOutcome[]> {
  const outcomes: ApprovalOutcome[] = [];
  for (const item of items) {
    try {
      await approveClaim({ actor, id: item.id, version: item.version });
      outcomes.push({ id: item.id, ok: true });
    } catch (error) {
      const failure = toFailure(error);
      // The claim as it is now stays on the server: the queue reloads it.
      const { current, ...details } = failure.details ?? {};
      void current;
      outcomes.push({
        id: item.id,
        ok: false,
        code: failure.code,
        message: failure.message,
        details,
      });
    }
  }
  return outcomes;
}
