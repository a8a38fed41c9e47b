// The inputs of the verified summary (lib/export) read from the database: one article for the
// summary page and its downloads, or every verified article of a date range, batch by batch, for
// the bulk export.
import "server-only";
import {
  and,
  asc,
  between,
  count,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { articles, claims, claimSources, commentRequests } from "@/lib/data/tables";
import { DEFAULT_APP_URL } from "@/lib/app-url";
import { getEnv } from "@/lib/env";
import { endOfDay, zonedDayStartMs } from "@/lib/dates/zoned";
import type { SummaryArticle, SummaryClaim, SummaryCommentRequest, SummaryInput } from "@/lib/export";
import { toSummarySource } from "@/lib/export/sources";
import { listClaimsForArticle, type ClaimView } from "./claims";
import { loadFileRefs, sourceViews } from "./claims/views";
import { countRows, getDb, withTransaction, type Tx } from "./connection";
import { summaryCorrections } from "./corrections";
import { userNames } from "./user-names";

/**
 * Who publishes the summaries, where the app lives (for claim links) and the newsroom's time zone,
 * from the settings; `appUrl` (the request's, see lib/app-url.ts) replaces APP_URL when given.
 */
export function publisher(appUrl?: string): Pick<SummaryInput, "organisation" | "appUrl" | "timeZone"> {
  const env = getEnv();
  return {
    organisation: { name: env.ORG_NAME, url: env.ORG_URL },
    appUrl: appUrl ?? env.APP_URL ?? DEFAULT_APP_URL,
    timeZone: env.TIME_ZONE,
  };
}

const articleColumns = {
  id: articles.id,
  title: articles.title,
  outlet: articles.outlet,
  url: articles.url,
  language: articles.language,
  publishedAt: articles.publishedAt,
};

export function toSummaryClaim(view: ClaimView): SummaryClaim {
  return {
    id: view.id,
    start: view.start,
    end: view.end,
    quote: view.quote,
    statement: view.statement,
    speaker: view.speaker,
    verdict: view.verdict,
    verdictNote: view.verdictNote,
    silentParty: view.silentParty,
    stage: view.stage,
    sources: view.sources.map(toSummarySource),
    ratedBy: view.ratedBy ? { name: view.ratedBy.name } : null,
    ratedAt: view.ratedAt,
    approvedBy: view.approvedBy ? { name: view.approvedBy.name } : null,
    approvedAt: view.approvedAt,
  };
}

/**
 * The summary input of one article, or undefined when there is no such article. Without
 * `includeUnapproved` only approved claims are read; with it every claim is, and lib/export marks
 * the others as unverified.
 */
export async function getSummaryInput({
  articleId,
  includeUnapproved,
  generatedAt = new Date(),
  appUrl,
}: {
  articleId: number;
  includeUnapproved: boolean;
  generatedAt?: Date;
  /** The base URL of claim links; default APP_URL. */
  appUrl?: string;
}): Promise<SummaryInput | undefined> {
  const [article] = await getDb()
    .select(articleColumns)
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!article) return undefined;
  const views = await listClaimsForArticle({ articleId });
  const corrections = await summaryCorrections(getDb(), articleId);
  const requests = await summaryCommentRequests(getDb(), [articleId]);
  return {
    article,
    claims: views
      .filter((view) => includeUnapproved || view.stage === "approved")
      .map((view) => ({ ...toSummaryClaim(view), commentRequests: requests.get(view.id) ?? [] })),
    includeUnapproved,
    generatedAt,
    ...(corrections.length > 0 ? { corrections } : {}),
    ...publisher(appUrl),
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk export
// ---------------------------------------------------------------------------------------------

/** Calendar days, both included, "YYYY-MM-DD". */
export type DateRange = { from: string; to: string };

/**
 * Verified (at least one claim, every claim approved) and dated in the range: by publication
 * date, or by the day of creation in the newsroom's time zone when the article has none.
 */
function verifiedInRange(range: DateRange): SQL {
  const timeZone = getEnv().TIME_ZONE;
  const start = zonedDayStartMs(range.from, timeZone);
  const end = zonedDayStartMs(range.to, timeZone) === null ? null : endOfDay(range.to, timeZone);
  if (start === null || end === null) throw new Error(`Invalid date range ${range.from}..${range.to}`);
  return and(
    sql`EXISTS (SELECT 1 FROM claims c WHERE c.article_id = ${articles.id})`,
    sql`NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = ${articles.id} AND c.stage <> 'approved')`,
    or(
      and(isNotNull(articles.publishedAt), between(articles.publishedAt, range.from, range.to)),
      and(
        isNull(articles.publishedAt),
        gte(articles.createdAt, new Date(start)),
        lt(articles.createdAt, new Date(end)),
      ),
    ),
  )!;
}

/** How many verified articles, and claims in them, a bulk export of the range holds. */
export async function countVerifiedArticles(range: DateRange): Promise<{ articles: number; claims: number }> {
  const db = getDb();
  const where = verifiedInRange(range);
  const [claimCount] = await db
    .select({ n: count() })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(where);
  return { articles: await countRows(db, articles, where), claims: claimCount?.n ?? 0 };
}

/** The approved claims of some articles with their sources and people, in three queries. */
async function loadApprovedClaims(tx: Tx, articleIds: number[]): Promise<Map<number, SummaryClaim[]>> {
  const byArticle = new Map<number, SummaryClaim[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return byArticle;
  const rows = await tx
    .select()
    .from(claims)
    .where(and(inArray(claims.articleId, articleIds), eq(claims.stage, "approved")))
    .orderBy(asc(claims.articleId), asc(claims.start), asc(claims.end), asc(claims.id));
  // Joined on the article ids, so that the number of parameters stays that of the batch.
  const sourceRows = await tx
    .select({ source: claimSources })
    .from(claimSources)
    .innerJoin(claims, eq(claims.id, claimSources.claimId))
    .where(inArray(claims.articleId, articleIds))
    .orderBy(asc(claimSources.claimId), asc(claimSources.position));
  const views = await sourceViews(
    tx,
    sourceRows.map((row) => row.source),
  );
  const sources = new Map([...views].map(([id, list]) => [id, list.map(toSummarySource)]));
  const names = await userNames(
    tx,
    rows.flatMap((row) => [row.ratedById, row.approvedById]),
  );
  const person = (id: number | null) => (id === null ? null : { name: names.get(id) ?? "?" });
  const requests = await summaryCommentRequests(tx, articleIds);
  for (const row of rows) {
    byArticle.get(row.articleId)?.push({
      id: row.id,
      start: row.start,
      end: row.end,
      quote: row.quote,
      statement: row.statement,
      speaker: row.speaker,
      verdict: row.verdict,
      verdictNote: row.verdictNote,
      silentParty: row.silentParty,
      stage: row.stage,
      sources: sources.get(row.id) ?? [],
      commentRequests: requests.get(row.id) ?? [],
      ratedBy: person(row.ratedById),
      ratedAt: row.ratedAt,
      approvedBy: person(row.approvedById),
      approvedAt: row.approvedAt,
    });
  }
  return byArticle;
}

/** The requests for comment of the claims of some articles (right of reply), by claim id, in one query. */
async function summaryCommentRequests(
  tx: Tx,
  articleIds: number[],
): Promise<Map<number, SummaryCommentRequest[]>> {
  const byClaim = new Map<number, SummaryCommentRequest[]>();
  if (articleIds.length === 0) return byClaim;
  const rows = await tx
    .select()
    .from(commentRequests)
    .where(inArray(commentRequests.articleId, articleIds))
    .orderBy(asc(commentRequests.askedAt), asc(commentRequests.id));
  const files = await loadFileRefs(
    tx,
    rows.flatMap((r) => (r.replyFileId === null ? [] : [r.replyFileId])),
  );
  for (const row of rows) {
    const list = byClaim.get(row.claimId) ?? [];
    const file = row.replyFileId === null ? undefined : files.get(row.replyFileId);
    list.push({
      requestId: row.id,
      party: row.party,
      channel: row.channel,
      askedAt: row.askedAt,
      deadline: row.deadline,
      outcome: row.outcome,
      repliedAt: row.repliedAt,
      replyChannel: row.replyChannel,
      replyText: row.replyText,
      replyDocument: file
        ? { name: file.name, mediaType: file.mediaType, size: file.size, sha256: file.sha256 }
        : null,
    });
    byClaim.set(row.claimId, list);
  }
  return byClaim;
}

export const BULK_BATCH_SIZE = 200;

/**
 * Every verified article of the range as summary inputs, `batchSize` articles at a time in
 * article id order. Keyset pagination (id > last id seen): each batch is one short read
 * transaction, nothing stays open between batches, and memory holds one batch whatever the
 * number of articles. An article approved or changed during the export is read as it is when
 * its batch comes.
 */
export async function* iterateVerifiedSummaryInputs({
  range,
  batchSize = BULK_BATCH_SIZE,
  generatedAt = new Date(),
  appUrl: requestAppUrl,
}: {
  range: DateRange;
  batchSize?: number;
  generatedAt?: Date;
  /** The base URL of claim links; default APP_URL. */
  appUrl?: string;
}): AsyncGenerator<SummaryInput[], void, undefined> {
  const where = verifiedInRange(range);
  const { organisation, appUrl, timeZone } = publisher(requestAppUrl);
  let after = 0;
  for (;;) {
    const batch = await withTransaction(
      async (tx) => {
        const rows: SummaryArticle[] = await tx
          .select(articleColumns)
          .from(articles)
          .where(and(where, gt(articles.id, after)))
          .orderBy(asc(articles.id))
          .limit(batchSize);
        const claimsByArticle = await loadApprovedClaims(
          tx,
          rows.map((row) => row.id),
        );
        return rows.map((article): SummaryInput => ({
          article,
          claims: claimsByArticle.get(article.id) ?? [],
          includeUnapproved: false,
          organisation,
          appUrl,
          timeZone,
          generatedAt,
        }));
      },
      { readOnly: true },
    );
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.article.id;
  }
}
