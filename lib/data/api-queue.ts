import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { articles, claims } from "@/lib/data/tables";
import { toViews, type ClaimView } from "./claims";
import { getDb } from "./connection";
import { decodeCursor, encodeCursor } from "./cursor";
import { timeParam } from "./dialect";

export type QueueEntry = ClaimView & { article: { id: number; title: string } };

/**
 * The review queue for the API: claims in review, longest waiting first, a page at a time; the
 * cursor is the (submitted_at, id) of the last claim sent.
 */
export async function listQueuePage({
  cursor,
  limit = 20,
}: {
  cursor?: string;
  limit?: number;
}): Promise<{ items: QueueEntry[]; nextCursor: string | null }> {
  // Every claim in review has submitted_at (submitting sets it), so the order and the cursor are
  // those of the index (stage, submitted_at, id): a page is read straight from it, never sorted.
  const conditions: SQL[] = [eq(claims.stage, "in_review")];
  if (cursor) {
    const [at = 0, id = 0] = decodeCursor(cursor, 2);
    conditions.push(sql`(${claims.submittedAt}, ${claims.id}) > (${timeParam(at)}, ${id})`);
  }
  const db = getDb();
  const rows = await db
    .select()
    .from(claims)
    .where(and(...conditions))
    .orderBy(asc(claims.submittedAt), asc(claims.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const articleIds = [...new Set(page.map((r) => r.articleId))];
  const titles = new Map(
    articleIds.length === 0
      ? []
      : (
          await db
            .select({ id: articles.id, title: articles.title })
            .from(articles)
            .where(inArray(articles.id, articleIds))
        ).map((a) => [a.id, a.title] as const),
  );
  const last = page.at(-1);
  return {
    items: (await toViews(db, page)).map((view) => ({
      ...view,
      article: { id: view.articleId, title: titles.get(view.articleId) ?? "" },
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.submittedAt?.getTime() ?? 0, last.id]) : null,
  };
}
