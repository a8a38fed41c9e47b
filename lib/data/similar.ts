import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Stage, Verdict } from "@/lib/review/model";
import {
  buildSimilarMatch,
  buildSimilarTsQuery,
  countCovered,
  minimumCoverage,
  significantTerms,
  termIndex,
} from "@/lib/search/query";
import { dialect, getDb, queryRows } from "./connection";
import { postgresSimilarQuery } from "./search-pg";

export type SimilarClaim = {
  id: number;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  statement: string;
  quote: string;
  speaker: string | null;
  verdict: Verdict;
  verdictNote: string | null;
  silentParty: string | null;
  stage: Stage;
  /** When it was approved, or rated when not yet approved. */
  checkedAt: Date;
  /** How many of the text's significant terms it shares. */
  shared: number;
};

type Row = {
  id: number;
  article_id: number;
  article_title: string;
  outlet: string | null;
  statement: string;
  quote: string;
  speaker: string | null;
  verdict: Verdict;
  verdict_note: string | null;
  silent_party: string | null;
  stage: Stage;
  checked_at: number;
  score: number;
};

/** Candidates read by BM25 before the coverage check keeps the real look-alikes. */
const CANDIDATES = 40;

/**
 * Claims the desk already checked (approved, or at least rated) in other articles that look like
 * `text`: BM25 over its significant words (stop words out, numbers in), then only candidates
 * sharing several of those words, best first. A reworded claim with the same numbers and places
 * ranks above claims that share a common word or two.
 */
export async function findSimilarClaims({
  text,
  excludeArticleId,
  excludeClaimId,
  limit = 5,
}: {
  text: string;
  excludeArticleId?: number;
  excludeClaimId?: number;
  limit?: number;
}): Promise<SimilarClaim[]> {
  const terms = significantTerms(text);
  const postgres = dialect() === "postgres";
  const match = postgres ? buildSimilarTsQuery(terms) : buildSimilarMatch(terms);
  if (!match) return [];
  const conditions: SQL[] = [sql`(c.stage = 'approved' OR c.verdict <> 'unrated')`];
  if (excludeArticleId !== undefined) conditions.push(sql`c.article_id <> ${excludeArticleId}`);
  if (excludeClaimId !== undefined) conditions.push(sql`c.id <> ${excludeClaimId}`);
  let rows: Row[];
  try {
    const query = postgres
      ? postgresSimilarQuery(match, conditions, CANDIDATES)
      : sql`
      SELECT c.id, c.article_id, a.title AS article_title, a.outlet, c.statement, c.quote, c.speaker,
        c.verdict, c.verdict_note, c.silent_party, c.stage,
        coalesce(c.approved_at, c.rated_at, c.updated_at) AS checked_at,
        bm25(claims_fts, 4.0, 2.0, 2.0, 0.0, 0.0) AS score
      FROM claims_fts
      JOIN claims c ON c.id = claims_fts.rowid
      JOIN articles a ON a.id = c.article_id
      WHERE claims_fts MATCH ${match} AND ${sql.join(conditions, sql` AND `)}
      ORDER BY score, c.approved_at IS NULL, c.id DESC
      LIMIT ${CANDIDATES}`;
    rows = await queryRows<Row>(getDb(), query);
  } catch (error) {
    // The expression holds quoted terms only; a failure here is a bug, and the panel is an aid.
    console.error("similar claims failed", error);
    return [];
  }
  const need = minimumCoverage(terms.length);
  return rows
    .map((r) => ({
      row: r,
      shared: countCovered(terms, termIndex(`${r.statement} ${r.quote} ${r.speaker ?? ""}`)),
    }))
    .filter(({ shared }) => shared >= need)
    .slice(0, limit)
    .map(({ row: r, shared }) => ({
      id: r.id,
      articleId: r.article_id,
      articleTitle: r.article_title,
      outlet: r.outlet,
      statement: r.statement,
      quote: r.quote,
      speaker: r.speaker,
      verdict: r.verdict,
      verdictNote: r.verdict_note,
      silentParty: r.silent_party,
      stage: r.stage,
      checkedAt: new Date(r.checked_at),
      shared,
    }));
}
