import "server-only";
// Full-text search on PostgreSQL: the twin of the FTS5 queries in lib/data/search.ts and
// lib/data/similar.ts, over the tsvector columns of db/migrations-pg/0002_search.sql. The match
// expression is a to_tsquery text from lib/search/query.ts (the same terms as the FTS5 one),
// folded by desk_fold as the index is; ranking is ts_rank with the FTS5 column weights,
// highlighting ts_headline with the same markers.
import { sql, type SQL } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { endOfDay, startOfDay } from "@/lib/search/dates";
import { HIT_END, HIT_START } from "@/lib/search/snippet";
import { executeSql, queryRows, withTransaction, type Tx } from "./connection";
import { epochMs, equalsCaseless, timeParam, utcDay } from "./dialect";
import type { ArticleRow, ClaimRow, SearchFilters } from "./search";

const SEARCH_PAGE_SIZE = 20;

/**
 * A search's rows, their count with them, in one read-only transaction planned without
 * sequential scans. PostgreSQL costs `tsvector @@ tsquery` as one cheap
 * operator per row, but a sequential scan unpacks every row's vector (about 3 kB per article of the
 * bench's database, kept out of line): for a query matching a quarter of the articles it chose the
 * sequential scan, 20 ms for a count the GIN index answers in about 1 ms, and the ranking read
 * took twice as long as through the index (100,000 claims, 5,000 articles).
 */
function indexedSearch<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransaction(
    async (tx) => {
      await executeSql(tx, sql`SET LOCAL enable_seqscan = off`);
      return work(tx);
    },
    { readOnly: true },
  );
}

function tsQuery(match: string): SQL {
  return sql`to_tsquery('simple', desk_fold(${match}))`;
}

/** ts_rank weights, {D, C, B, A}: statement 4, quote and speaker 2, note 1, as bm25() has them. */
const CLAIM_WEIGHTS = sql.raw(`'{0.25, 0.5, 0.5, 1.0}'::real[]`);
/** Title 5, body 1. */
const ARTICLE_WEIGHTS = sql.raw(`'{0.2, 0, 0, 1.0}'::real[]`);

const full = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;
const fragment = (words: number) =>
  `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=${words}, MinWords=${Math.floor(words / 2)}, ShortWord=0`;

/** ts_headline shows a part of the text without saying so; FTS5's snippet() marks the cuts with "…". */
function withEllipses(snippet: string | null, text: string | null): string | null {
  if (snippet === null || text === null) return snippet;
  const plain = snippet.replaceAll(HIT_START, "").replaceAll(HIT_END, "").trim();
  if (plain === "" || plain === text.trim()) return snippet;
  const at = text.indexOf(plain);
  const before = at > 0 && text.slice(0, at).trim() !== "" ? "…" : "";
  const after = at >= 0 && text.slice(at + plain.length).trim() !== "" ? "…" : "";
  return `${before}${snippet.trim()}${after}`;
}

/** A ranked row without the count of all matches that each row carries. */
function withoutTotal<T extends { total: number }>(row: T): Omit<T, "total"> {
  const copy: Partial<T> = { ...row };
  delete copy.total;
  return copy as Omit<T, "total">;
}

const checkedAt = sql`coalesce(c.approved_at, c.rated_at, c.created_at)`;

export async function postgresClaimRows(
  match: string,
  filters: SearchFilters,
  offset: number,
  silentParty = false,
): Promise<{ total: number; rows: ClaimRow[] }> {
  const timeZone = getEnv().TIME_ZONE;
  const parts: SQL[] = [sql`c.search @@ q.query`];
  // "Kyiv did not comment": the index narrows to claims holding the words, the silent party decides.
  if (silentParty) {
    parts.push(sql`to_tsvector('simple'::regconfig, desk_search_text(c.silent_party)) @@ q.query`);
  }
  if (filters.verdict) parts.push(sql`c.verdict = ${filters.verdict}`);
  if (filters.stage) parts.push(sql`c.stage = ${filters.stage}`);
  if (filters.speaker) parts.push(equalsCaseless(sql`c.speaker`, filters.speaker));
  if (filters.outlet) parts.push(equalsCaseless(sql`a.outlet`, filters.outlet));
  if (filters.from) parts.push(sql`${checkedAt} >= ${timeParam(startOfDay(filters.from, timeZone))}`);
  if (filters.to) parts.push(sql`${checkedAt} < ${timeParam(endOfDay(filters.to, timeZone))}`);
  const where = sql.join(parts, sql` AND `);
  const { total, rows } = await indexedSearch(async (db) => {
    const rows = await queryRows<ClaimRow & { quote: string; verdict_note: string | null; total: number }>(
      db,
      sql`SELECT c.id, c.article_id, a.title AS article_title, a.outlet, c.speaker, c.verdict, c.stage,
        ${epochMs(checkedAt)} AS checked_at, c.quote, c.verdict_note, hit.total,
        ts_headline('desk', c.statement, q.query, ${full}) AS statement_hl,
        ts_headline('desk', c.quote, q.query, ${fragment(32)}) AS quote_hl,
        ts_headline('desk', c.speaker, q.query, ${full}) AS speaker_hl,
        ts_headline('desk', c.verdict_note, q.query, ${fragment(24)}) AS note_hl
      FROM (
        SELECT c.id, ts_rank(${CLAIM_WEIGHTS}, c.search, q.query, 1) AS rank, count(*) OVER ()::int AS total
        FROM claims c JOIN articles a ON a.id = c.article_id, ${tsQuery(match)} AS q(query)
        WHERE ${where}
        ORDER BY rank DESC, c.id DESC
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
      ) hit
      JOIN claims c ON c.id = hit.id
      JOIN articles a ON a.id = c.article_id,
      ${tsQuery(match)} AS q(query)
      ORDER BY hit.rank DESC, c.id DESC`,
    );
    // The count comes with the ranked rows (one pass over the matches); only a page past the end,
    // which has no row to carry it, counts them apart.
    const total =
      rows[0]?.total ??
      (offset === 0
        ? 0
        : ((
            await queryRows<{ n: number }>(
              db,
              sql`SELECT count(*)::int AS n
              FROM claims c JOIN articles a ON a.id = c.article_id, ${tsQuery(match)} AS q(query)
              WHERE ${where}`,
            )
          )[0]?.n ?? 0));
    return { total, rows };
  });
  return {
    total,
    rows: rows.map(withoutTotal).map(({ quote, verdict_note, ...row }) => ({
      ...row,
      quote_hl: withEllipses(row.quote_hl, quote) ?? "",
      note_hl: withEllipses(row.note_hl, verdict_note),
    })),
  };
}

export async function postgresArticleRows(
  match: string,
  filters: SearchFilters,
  limit: number,
): Promise<{ total: number; rows: ArticleRow[] }> {
  const parts: SQL[] = [sql`a.search @@ q.query`];
  const day = sql`coalesce(a.published_at, ${utcDay(sql`a.created_at`)})`;
  if (filters.outlet) parts.push(equalsCaseless(sql`a.outlet`, filters.outlet));
  if (filters.from) parts.push(sql`${day} >= ${filters.from}`);
  if (filters.to) parts.push(sql`${day} <= ${filters.to}`);
  const where = sql.join(parts, sql` AND `);
  const { total, rows } = await indexedSearch(async (db) => {
    const rows = await queryRows<ArticleRow & { body: string; total: number }>(
      db,
      sql`SELECT a.id, a.outlet, a.language, a.published_at, ${epochMs(sql`a.created_at`)} AS created_at, hit.total,
        (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id) AS claim_count, a.body,
        ts_headline('desk', a.title, q.query, ${full}) AS title_hl,
        ts_headline('desk', a.body, q.query, ${fragment(32)}) AS body_hl
      FROM (
        SELECT a.id, ts_rank(${ARTICLE_WEIGHTS}, a.search, q.query, 1) AS rank, count(*) OVER ()::int AS total
        FROM articles a, ${tsQuery(match)} AS q(query)
        WHERE ${where}
        ORDER BY rank DESC, a.id DESC
        LIMIT ${limit}
      ) hit
      JOIN articles a ON a.id = hit.id,
      ${tsQuery(match)} AS q(query)
      ORDER BY hit.rank DESC, a.id DESC`,
    );
    return { total: rows[0]?.total ?? 0, rows };
  });
  return {
    total,
    rows: rows.map(withoutTotal).map(({ body, ...row }) => ({
      ...row,
      body_hl: withEllipses(row.body_hl, body) ?? "",
    })),
  };
}

/** The candidates of lib/data/similar.ts: claims checked in other articles sharing the terms, best first. */
export function postgresSimilarQuery(match: string, conditions: SQL[], limit: number): SQL {
  return sql`
    SELECT c.id, c.article_id, a.title AS article_title, a.outlet, c.statement, c.quote, c.speaker,
      c.verdict, c.verdict_note, c.silent_party, c.stage,
      ${epochMs(sql`coalesce(c.approved_at, c.rated_at, c.updated_at)`)} AS checked_at,
      ts_rank(${CLAIM_WEIGHTS}, c.search, q.query, 1) AS score
    FROM claims c JOIN articles a ON a.id = c.article_id, ${tsQuery(match)} AS q(query)
    WHERE c.search @@ q.query AND ${sql.join(conditions, sql` AND `)}
    ORDER BY score DESC, c.approved_at IS NULL, c.id DESC
    LIMIT ${limit}`;
}
