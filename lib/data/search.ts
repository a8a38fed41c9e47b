import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Language, Stage, Verdict } from "@/lib/review/model";
import { getEnv } from "@/lib/env";
import { endOfDay, startOfDay } from "@/lib/search/dates";
import {
  buildSearchMatch,
  buildSearchTsQuery,
  silentPartyQuery,
  type MatchMode,
  type SearchOptions,
} from "@/lib/search/query";
import { HIT_END, HIT_START, parseHighlighted, type Segment } from "@/lib/search/snippet";
import type { SearchQuery } from "@/lib/validation/search";
import { cachedUntilWrite, dialect, getDb, queryRows, type Db } from "./connection";
import { postgresArticleRows, postgresClaimRows } from "./search-pg";
import { getVariantTable } from "./variants";

export const SEARCH_PAGE_SIZE = 20;
const ARTICLE_LIMIT = 10;

export type ClaimHit = {
  id: number;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  statement: Segment[];
  quote: Segment[];
  speaker: string | null;
  speakerHighlighted: Segment[];
  note: Segment[];
  verdict: Verdict;
  stage: Stage;
  /** When the claim was last checked: approved, else rated, else created. */
  checkedAt: Date;
};

export type ArticleHit = {
  id: number;
  title: Segment[];
  excerpt: Segment[];
  outlet: string | null;
  language: Language;
  publishedAt: string | null;
  createdAt: Date;
  claimCount: number;
};

export type SearchResults = {
  /** "any" when no result held every word and the search fell back to results holding some. */
  mode: MatchMode;
  claims: { items: ClaimHit[]; total: number; page: number; pageCount: number } | null;
  articles: { items: ArticleHit[]; total: number } | null;
  failed: boolean;
};

export type SearchFilters = Omit<SearchQuery, "q" | "page" | "type">;

/** Filters that only claims have: with one of them set, articles are not searched. */
export function hasClaimOnlyFilter(filters: SearchFilters): boolean {
  return Boolean(filters.verdict || filters.stage || filters.speaker);
}

const checkedAtSql = sql`coalesce(c.approved_at, c.rated_at, c.created_at)`;

function claimConditions(match: string, filters: SearchFilters): SQL {
  const timeZone = getEnv().TIME_ZONE;
  const parts: SQL[] = [sql`claims_fts MATCH ${match}`];
  if (filters.verdict) parts.push(sql`c.verdict = ${filters.verdict}`);
  if (filters.stage) parts.push(sql`c.stage = ${filters.stage}`);
  if (filters.speaker) parts.push(sql`c.speaker = ${filters.speaker} COLLATE NOCASE`);
  if (filters.outlet) parts.push(sql`a.outlet = ${filters.outlet} COLLATE NOCASE`);
  if (filters.from) parts.push(sql`${checkedAtSql} >= ${startOfDay(filters.from, timeZone)}`);
  if (filters.to) parts.push(sql`${checkedAtSql} < ${endOfDay(filters.to, timeZone)}`);
  return sql.join(parts, sql` AND `);
}

function articleConditions(match: string, filters: SearchFilters): SQL {
  const parts: SQL[] = [sql`articles_fts MATCH ${match}`];
  // An article's date is its publication date, or the day it was added when it has none.
  const day = sql`coalesce(a.published_at, date(a.created_at / 1000, 'unixepoch'))`;
  if (filters.outlet) parts.push(sql`a.outlet = ${filters.outlet} COLLATE NOCASE`);
  if (filters.from) parts.push(sql`${day} >= ${filters.from}`);
  if (filters.to) parts.push(sql`${day} <= ${filters.to}`);
  return sql.join(parts, sql` AND `);
}

export type ClaimRow = {
  id: number;
  article_id: number;
  article_title: string;
  outlet: string | null;
  speaker: string | null;
  verdict: Verdict;
  stage: Stage;
  checked_at: number;
  statement_hl: string;
  quote_hl: string;
  speaker_hl: string | null;
  note_hl: string | null;
};

// Without a filter on claims or articles, ranking, counting, highlights and snippets come from
// the full-text index alone, and the page's rows are then joined by id: a common word matches
// thousands of claims, and joining them all to rank twenty cost 20 ms at 100,000 claims.
// A filter needs the joined rows, so then everything is read joined, as before.

function claimFiltersNeedJoin(filters: SearchFilters): boolean {
  return Boolean(
    filters.verdict || filters.stage || filters.speaker || filters.outlet || filters.from || filters.to,
  );
}

function articleFiltersNeedJoin(filters: SearchFilters): boolean {
  return Boolean(filters.outlet || filters.from || filters.to);
}

type ClaimHighlights = {
  id: number;
  statement_hl: string;
  quote_hl: string;
  speaker_hl: string | null;
  note_hl: string | null;
};

const claimHighlightColumns = sql`
  highlight(claims_fts, 0, ${HIT_START}, ${HIT_END}) AS statement_hl,
  snippet(claims_fts, 1, ${HIT_START}, ${HIT_END}, '…', 32) AS quote_hl,
  highlight(claims_fts, 2, ${HIT_START}, ${HIT_END}) AS speaker_hl,
  snippet(claims_fts, 3, ${HIT_START}, ${HIT_END}, '…', 24) AS note_hl`;

// Highlights and snippets (FTS5 highlight() and snippet()) are computed for every row a query
// reads, before ORDER BY … LIMIT keeps the page: for a common word, thousands of texts tokenized to
// show twenty (an article's snippet reads its whole body). So the page's rows are ranked first,
// by id alone, then highlighted by a second MATCH that keeps only those ids. The ids are tested
// with "+rowid", an expression FTS5 is not offered: given "rowid IN (…)" itself, FTS5 runs the
// whole match again for each id, which costs more than the highlights it saves.

/** Only the page's rows, by id: `+<rowid> IN (…)`, so that the test is SQLite's, not FTS5's. */
function pageRows(rowid: SQL, ranked: { id: number }[]): SQL {
  return sql`+${rowid} IN ${ranked.map((r) => r.id)}`;
}

/** The highlighted rows in the order of the ranking. */
function inRankOrder<T extends { id: number }>(ranked: { id: number }[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [row] : [];
  });
}

/** The match expression for the database in use: FTS5 MATCH on SQLite, a to_tsquery text on PostgreSQL. */
function buildMatch(q: string, mode: MatchMode, options: SearchOptions): string | null {
  return dialect() === "postgres" ? buildSearchTsQuery(q, mode, options) : buildSearchMatch(q, mode, options);
}

async function claimRows(
  match: Match,
  filters: SearchFilters,
  offset: number,
): Promise<{ total: number; rows: ClaimRow[] }> {
  if (dialect() === "postgres") return postgresClaimRows(match.text, filters, offset, match.silentParty);
  return sqliteClaimRows(match.text, filters, offset);
}

/** A match expression, and whether it is a "<party> did not comment" search of the silent parties. */
type Match = { text: string; silentParty: boolean };

async function sqliteClaimRows(
  match: string,
  filters: SearchFilters,
  offset: number,
): Promise<{ total: number; rows: ClaimRow[] }> {
  const db = getDb();
  if (claimFiltersNeedJoin(filters)) {
    const where = claimConditions(match, filters);
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`
        SELECT count(*) AS n FROM claims_fts
        JOIN claims c ON c.id = claims_fts.rowid
        JOIN articles a ON a.id = c.article_id
        WHERE ${where}`,
    );
    const total = count?.n ?? 0;
    const rows = await queryRows<ClaimRow>(
      db,
      sql`
      SELECT c.id, c.article_id, a.title AS article_title, a.outlet, c.speaker, c.verdict, c.stage,
        ${checkedAtSql} AS checked_at, ${claimHighlightColumns}
      FROM claims_fts
      JOIN claims c ON c.id = claims_fts.rowid
      JOIN articles a ON a.id = c.article_id
      WHERE ${where}
      ORDER BY bm25(claims_fts, 4.0, 2.0, 2.0, 1.0, 1.0), c.id DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`,
    );
    return { total, rows };
  }
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH ${match}`,
  );
  const total = count?.n ?? 0;
  const ranked = await queryRows<{ id: number }>(
    db,
    sql`
    SELECT claims_fts.rowid AS id
    FROM claims_fts
    WHERE claims_fts MATCH ${match}
    ORDER BY bm25(claims_fts, 4.0, 2.0, 2.0, 1.0, 1.0), claims_fts.rowid DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`,
  );
  if (ranked.length === 0) return { total, rows: [] };
  const hits = inRankOrder(
    ranked,
    await queryRows<ClaimHighlights>(
      db,
      sql`
      SELECT claims_fts.rowid AS id, ${claimHighlightColumns}
      FROM claims_fts
      WHERE claims_fts MATCH ${match} AND ${pageRows(sql`claims_fts.rowid`, ranked)}`,
    ),
  );
  const details = new Map(
    (
      await queryRows<Omit<ClaimRow, keyof ClaimHighlights> & { id: number }>(
        db,
        sql`
        SELECT c.id, c.article_id, a.title AS article_title, a.outlet, c.speaker, c.verdict, c.stage,
          ${checkedAtSql} AS checked_at
        FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.id IN ${hits.map((h) => h.id)}`,
      )
    ).map((d) => [d.id, d]),
  );
  const rows = hits.flatMap((h) => {
    const d = details.get(h.id);
    return d ? [{ ...d, ...h }] : [];
  });
  return { total, rows };
}

async function searchClaimsWith(match: Match, filters: SearchFilters, page: number) {
  // The count comes first: a page past the end shows the last one.
  const first = await claimRows(match, filters, (page - 1) * SEARCH_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(first.total / SEARCH_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const { total, rows } =
    current === page ? first : await claimRows(match, filters, (current - 1) * SEARCH_PAGE_SIZE);
  const items: ClaimHit[] = rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    outlet: r.outlet,
    statement: parseHighlighted(r.statement_hl),
    quote: parseHighlighted(r.quote_hl),
    speaker: r.speaker,
    speakerHighlighted: parseHighlighted(r.speaker_hl),
    note: parseHighlighted(r.note_hl),
    verdict: r.verdict,
    stage: r.stage,
    checkedAt: new Date(r.checked_at),
  }));
  return { items, total, page: current, pageCount };
}

export type ArticleRow = {
  id: number;
  outlet: string | null;
  language: Language;
  published_at: string | null;
  created_at: number;
  claim_count: number;
  title_hl: string;
  body_hl: string;
};

const articleHighlightColumns = sql`
  highlight(articles_fts, 0, ${HIT_START}, ${HIT_END}) AS title_hl,
  snippet(articles_fts, 1, ${HIT_START}, ${HIT_END}, '…', 32) AS body_hl`;

async function articleRows(
  match: string,
  filters: SearchFilters,
): Promise<{ total: number; rows: ArticleRow[] }> {
  if (dialect() === "postgres") return postgresArticleRows(match, filters, ARTICLE_LIMIT);
  const db = getDb();
  if (articleFiltersNeedJoin(filters)) {
    const where = articleConditions(match, filters);
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`
        SELECT count(*) AS n FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE ${where}`,
    );
    const total = count?.n ?? 0;
    const rows = await queryRows<ArticleRow>(
      db,
      sql`
      SELECT a.id, a.outlet, a.language, a.published_at, a.created_at,
        (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claim_count, ${articleHighlightColumns}
      FROM articles_fts
      JOIN articles a ON a.id = articles_fts.rowid
      WHERE ${where}
      ORDER BY bm25(articles_fts, 5.0, 1.0), a.id DESC
      LIMIT ${ARTICLE_LIMIT}`,
    );
    return { total, rows };
  }
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ${match}`,
  );
  const total = count?.n ?? 0;
  const ranked = await queryRows<{ id: number }>(
    db,
    sql`
    SELECT articles_fts.rowid AS id
    FROM articles_fts
    WHERE articles_fts MATCH ${match}
    ORDER BY bm25(articles_fts, 5.0, 1.0), articles_fts.rowid DESC
    LIMIT ${ARTICLE_LIMIT}`,
  );
  if (ranked.length === 0) return { total, rows: [] };
  const hits = inRankOrder(
    ranked,
    await queryRows<{ id: number; title_hl: string; body_hl: string }>(
      db,
      sql`
      SELECT articles_fts.rowid AS id, ${articleHighlightColumns}
      FROM articles_fts
      WHERE articles_fts MATCH ${match} AND ${pageRows(sql`articles_fts.rowid`, ranked)}`,
    ),
  );
  const details = new Map(
    (
      await queryRows<Omit<ArticleRow, "title_hl" | "body_hl">>(
        db,
        sql`
        SELECT a.id, a.outlet, a.language, a.published_at, a.created_at,
          (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claim_count
        FROM articles a WHERE a.id IN ${hits.map((h) => h.id)}`,
      )
    ).map((d) => [d.id, d]),
  );
  const rows = hits.flatMap((h) => {
    const d = details.get(h.id);
    return d ? [{ ...d, ...h }] : [];
  });
  return { total, rows };
}

async function searchArticlesWith(match: string, filters: SearchFilters) {
  const { total, rows } = await articleRows(match, filters);
  const items: ArticleHit[] = rows.map((r) => ({
    id: r.id,
    title: parseHighlighted(r.title_hl),
    excerpt: parseHighlighted(r.body_hl),
    outlet: r.outlet,
    language: r.language,
    publishedAt: r.published_at,
    createdAt: new Date(r.created_at),
    claimCount: r.claim_count,
  }));
  return { items, total };
}

async function run(
  query: SearchQuery,
  mode: MatchMode,
  options: SearchOptions,
): Promise<SearchResults | null> {
  const text = buildMatch(query.q, mode, options);
  if (!text) return null;
  const match: Match = { text, silentParty: silentPartyQuery(query.q) !== null };
  const { q: _q, page, type, ...filters } = query;
  void _q;
  const wantClaims = type !== "articles";
  // Articles have no silent party: a "did not comment" search is about claims.
  const wantArticles = type !== "claims" && !hasClaimOnlyFilter(filters) && !match.silentParty;
  return {
    mode,
    claims: wantClaims ? await searchClaimsWith(match, filters, page) : null,
    articles: wantArticles ? await searchArticlesWith(match.text, filters) : null,
    failed: false,
  };
}

function isEmpty(results: SearchResults): boolean {
  return (results.claims?.total ?? 0) + (results.articles?.total ?? 0) === 0;
}

/**
 * Full-text search over claims and articles, best matches first (BM25). Every word must match,
 * the last one as a prefix; when nothing holds them all, results holding some of them are shown.
 * Returns null when the query has no searchable word. Never throws on what a user typed.
 */
export async function search(query: SearchQuery): Promise<SearchResults | null> {
  try {
    const table = await getVariantTable();
    const options: SearchOptions = { variants: (word) => table.variants(word) };
    const strict = await run(query, "all", options);
    if (!strict || !isEmpty(strict)) return strict;
    if (buildMatch(query.q, "any", options) === buildMatch(query.q, "all", options)) return strict;
    const loose = await run(query, "any", options);
    return loose && !isEmpty(loose) ? loose : strict;
  } catch (error) {
    // The MATCH expression is built from quoted terms only, so this is a bug, not bad input:
    // log it and show "no results" rather than an error page.
    console.error("search failed", error);
    return { mode: "all", claims: null, articles: null, failed: true };
  }
}

/** Speakers and outlets already in use, most frequent first, for the search filters. */
export async function listSearchFacets(): Promise<{ speakers: string[]; outlets: string[] }> {
  const db = getDb();
  // Counting every claim's speaker on each search costs milliseconds at newsroom scale; the answer
  // only changes with a write.
  const facets = await cachedUntilWrite("search:facets", () => readSearchFacets(db));
  return { speakers: [...facets.speakers], outlets: [...facets.outlets] };
}

async function readSearchFacets(db: Db): Promise<{ speakers: string[]; outlets: string[] }> {
  const speakers = await queryRows<{ v: string }>(
    db,
    sql`
    SELECT speaker AS v FROM claims WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 200`,
  );
  const outlets = await queryRows<{ v: string }>(
    db,
    sql`
    SELECT outlet AS v FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 200`,
  );
  return { speakers: speakers.map((r) => r.v), outlets: outlets.map((r) => r.v) };
}
