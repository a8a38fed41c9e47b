import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { articles, claims, type Article } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/review";
import { hasPermission } from "@/lib/review";
import type { Language, Stage, Verdict } from "@/lib/review/model";
import { extractArticle } from "@/lib/intake/extract";
import { looksLikeWholePage } from "@/lib/intake/page";
import { htmlToText } from "@/lib/text/html";
import { detectLanguage } from "@/lib/text/language";
import { normaliseBody } from "@/lib/text/normalise";
import {
  articleListSchema,
  articleMetaSchema,
  articleSchema,
  MAX_BODY_LENGTH,
  type ArticleInput,
  type ArticleListQuery,
  type ArticleMetaInput,
} from "@/lib/validation/article";
import { parseInput } from "@/lib/validation/parse";
import { cachedUntilWrite, countRows, getDb, withTransaction } from "./connection";
import { decodeCursor, encodeCursor } from "./cursor";
import { caseless, likeCaseless, likeEscape, timeParam } from "./dialect";
import { recordFirstRevision, reviseInTx } from "./revisions";
import { userNames } from "./user-names";

export const ARTICLES_PAGE_SIZE = 20;

/** The columns of an article in a list (the list page and the API's pages). */
const listColumns = {
  id: articles.id,
  title: articles.title,
  outlet: articles.outlet,
  url: articles.url,
  language: articles.language,
  publishedAt: articles.publishedAt,
  createdAt: articles.createdAt,
};

/** Titles containing the text as typed, ignoring ASCII case; %, _ and \ are escaped explicitly. */
function titleContains(text: string): SQL {
  return likeCaseless(articles.title, `%${likeEscape(text)}%`);
}

export type ArticleProgress = {
  total: number;
  byStage: Record<Stage, number>;
  byVerdict: Record<Verdict, number>;
  verified: boolean;
};

export type ArticleSummary = Pick<
  Article,
  "id" | "title" | "outlet" | "url" | "language" | "publishedAt" | "createdAt"
> & {
  progress: ArticleProgress;
};

export type ArticleDetail = Article & { createdByName: string; progress: ArticleProgress };

function emptyProgress(): ArticleProgress {
  return {
    total: 0,
    byStage: { draft: 0, in_review: 0, approved: 0 },
    byVerdict: { unrated: 0, confirmed: 0, disputed: 0, uncommented: 0 },
    verified: false,
  };
}

/** Claim counts by stage and verdict for a set of articles, in one grouped query. */
async function progressFor(ids: number[]): Promise<Map<number, ArticleProgress>> {
  const result = new Map<number, ArticleProgress>(ids.map((id) => [id, emptyProgress()]));
  if (ids.length === 0) return result;
  const rows = await getDb()
    .select({
      articleId: claims.articleId,
      stage: claims.stage,
      verdict: claims.verdict,
      n: count(),
    })
    .from(claims)
    .where(inArray(claims.articleId, ids))
    .groupBy(claims.articleId, claims.stage, claims.verdict);
  for (const row of rows) {
    const p = result.get(row.articleId);
    if (!p) continue;
    p.total += row.n;
    p.byStage[row.stage] += row.n;
    p.byVerdict[row.verdict] += row.n;
  }
  for (const p of result.values()) p.verified = p.total > 0 && p.byStage.approved === p.total;
  return result;
}

/** Turns the submitted body (text or HTML) into the stored, normalised body. */
/** HTML as text: a whole web page keeps only its article (lib/intake), a fragment all its words. */
function htmlBody(html: string): string {
  if (looksLikeWholePage(html)) {
    const extracted = extractArticle(html);
    if (extracted.ok) return extracted.extraction.text;
  }
  return htmlToText(html);
}

export function prepareBody(body: string, format: "text" | "html"): string {
  const normalised = normaliseBody(format === "html" ? htmlBody(body) : body);
  if (normalised.length === 0) {
    throw new AppError("invalid_input", "The article body is empty.", {
      fieldErrors: { body: ["bodyRequired"] },
      details: { reason: "body_empty" },
    });
  }
  if (normalised.length > MAX_BODY_LENGTH) {
    throw new AppError("invalid_input", `The article body is longer than ${MAX_BODY_LENGTH} characters.`, {
      fieldErrors: { body: ["bodyTooLong"] },
      details: { reason: "body_too_long", max: MAX_BODY_LENGTH },
    });
  }
  return normalised;
}

function nullable(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export async function createArticle({
  actor,
  input,
}: {
  actor: Actor;
  input: ArticleInput;
}): Promise<{ id: number }> {
  if (!hasPermission(actor.role, "article.create"))
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  const data = parseInput(articleSchema, input);
  const body = prepareBody(data.body, data.bodyFormat);
  const now = new Date();
  const row = await withTransaction(async (tx) => {
    const [created] = await tx
      .insert(articles)
      .values({
        title: data.title,
        outlet: nullable(data.outlet),
        url: nullable(data.url),
        language: (data.language || detectLanguage(body)) as Language,
        publishedAt: nullable(data.publishedAt),
        authors: nullable(data.authors),
        body,
        createdById: actor.id,
        // The article belongs to whoever adds it, until an editor gives it to someone else.
        ownerId: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id });
    await recordFirstRevision(tx, { id: created!.id, body, createdById: actor.id, createdAt: now });
    return created!;
  });
  return row;
}

/** Metadata can always change; a changed body becomes a new revision and re-anchors the claims. */
export async function updateArticle({
  actor,
  input,
}: {
  actor: Actor;
  input: ArticleMetaInput;
}): Promise<{ id: number }> {
  if (!hasPermission(actor.role, "article.edit"))
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  const data = parseInput(articleMetaSchema, input);
  return withTransaction(async (tx) => {
    const [current] = await tx.select().from(articles).where(eq(articles.id, data.id)).limit(1);
    if (!current) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }
    if (current.version !== data.version) {
      throw new AppError(
        "conflict",
        `This article was changed at ${current.updatedAt.toISOString()} meanwhile.`,
        { details: { reason: "article_changed", at: current.updatedAt.toISOString() } },
      );
    }
    // A new body is a new revision: the claims are re-anchored onto it (lib/data/revisions.ts).
    if (data.body !== undefined) {
      const next = prepareBody(data.body, "text");
      if (next !== current.body) {
        await reviseInTx(tx, { actor, articleId: data.id, body: next, source: "edit" });
      }
    }
    await tx
      .update(articles)
      .set({
        title: data.title,
        outlet: nullable(data.outlet),
        url: nullable(data.url),
        language: (data.language || current.language) as Language,
        publishedAt: nullable(data.publishedAt),
        ...(data.authors === undefined ? {} : { authors: nullable(data.authors) }),
        updatedAt: new Date(),
        // One edit is one version, whether or not the body became a new revision.
        version: current.version + 1,
      })
      .where(eq(articles.id, data.id));
    return { id: data.id };
  });
}

const verifiedSql = sql`(EXISTS (SELECT 1 FROM claims c WHERE c.article_id = ${articles.id}) AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = ${articles.id} AND c.stage <> 'approved'))`;

export async function listArticles(
  query: Partial<ArticleListQuery> = {},
): Promise<{ items: ArticleSummary[]; total: number; page: number; pageCount: number }> {
  const q = articleListSchema.parse(query);
  const filters: SQL[] = [];
  if (q.q) filters.push(titleContains(q.q));
  if (q.language) filters.push(eq(articles.language, q.language));
  if (q.verified === "yes") filters.push(verifiedSql);
  if (q.verified === "no") filters.push(sql`NOT ${verifiedSql}`);
  const where = filters.length > 0 ? and(...filters) : undefined;
  const order = {
    newest: [desc(articles.createdAt), desc(articles.id)],
    oldest: [asc(articles.createdAt), asc(articles.id)],
    published: [sql`${articles.publishedAt} IS NULL`, desc(articles.publishedAt), desc(articles.id)],
    title: [asc(caseless(articles.title)), asc(articles.id)],
  }[q.sort];
  const db = getDb();
  // Unfiltered (the page as first opened), the count is kept until the next write.
  const total = where
    ? await countRows(db, articles, where)
    : await cachedUntilWrite("articles:count", () => countRows(db, articles));
  const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  const rows = await db
    .select(listColumns)
    .from(articles)
    .where(where)
    .orderBy(...order)
    .limit(ARTICLES_PAGE_SIZE)
    .offset((page - 1) * ARTICLES_PAGE_SIZE);
  const progress = await progressFor(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? emptyProgress() })),
    total,
    page,
    pageCount,
  };
}

export async function getArticleById({ id }: { id: number }): Promise<ArticleDetail | undefined> {
  const db = getDb();
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row) return undefined;
  const progress = (await progressFor([id])).get(id) ?? emptyProgress();
  const names = await userNames(db, [row.createdById]);
  return { ...row, createdByName: names.get(row.createdById) ?? "?", progress };
}

export async function countArticles(): Promise<number> {
  return countRows(getDb(), articles);
}

/**
 * Articles newest first, a page at a time, for the API: the cursor is the (created_at, id) of the
 * last article sent, so pages stay stable while articles are added.
 */
export async function listArticlesByCursor({
  filters = {},
  cursor,
  limit = ARTICLES_PAGE_SIZE,
}: {
  filters?: { search?: string; language?: Language; verified?: "all" | "yes" | "no" };
  cursor?: string;
  limit?: number;
}): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filters.search) conditions.push(titleContains(filters.search));
  if (filters.language) conditions.push(eq(articles.language, filters.language));
  if (filters.verified === "yes") conditions.push(verifiedSql);
  if (filters.verified === "no") conditions.push(sql`NOT ${verifiedSql}`);
  if (cursor) {
    const [createdAt = 0, id = 0] = decodeCursor(cursor, 2);
    conditions.push(
      sql`(${articles.createdAt} < ${timeParam(createdAt)} OR (${articles.createdAt} = ${timeParam(createdAt)} AND ${articles.id} < ${id}))`,
    );
  }
  const rows = await getDb()
    .select(listColumns)
    .from(articles)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const progress = await progressFor(page.map((r) => r.id));
  return {
    items: page.map((r) => ({ ...r, progress: progress.get(r.id) ?? emptyProgress() })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
  };
}
