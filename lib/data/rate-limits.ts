import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "@/lib/data/tables";
import { withTransaction } from "./connection";

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Counts a hit for `key` unless `limit` hits were already counted within the sliding window ending
 * `now`. The window is approximated by two fixed buckets: this bucket's hits plus the previous
 * bucket's, weighted by the part of it still inside the window. One read and one guarded upsert,
 * atomic in the database: two processes can never both take the last hit. Refused hits are not
 * counted, so a client that slows down gets through again.
 */
export async function takeRateLimit({
  key,
  limit,
  windowMs = 60_000,
  now = Date.now(),
}: {
  key: string;
  limit: number;
  windowMs?: number;
  now?: number;
}): Promise<RateDecision> {
  const bucket = Math.floor(now / windowMs);
  const elapsed = (now % windowMs) / windowMs;
  // In one write transaction: on SQLite every write goes through the writer handle
  // (lib/data/connection.ts). On PostgreSQL without the desk's write lock ("atomic"): the guarded
  // upsert alone decides, on the locked row, so no two processes take the last hit, and the hit
  // every API request counts does not wait behind the desk's writes (nor they behind it).
  return withTransaction(
    async (db) => {
      const [previous] = await db
        .select({ hits: rateLimits.hits })
        .from(rateLimits)
        .where(and(eq(rateLimits.key, key), eq(rateLimits.bucket, bucket - 1)));
      const carried = Math.ceil((previous?.hits ?? 0) * (1 - elapsed));
      const allowed = limit - carried;
      const retryAfterSeconds = Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000));
      if (allowed <= 0) return { ok: false as const, retryAfterSeconds };
      const [counted] = await db
        .insert(rateLimits)
        .values({ key, bucket, hits: 1 })
        .onConflictDoUpdate({
          target: [rateLimits.key, rateLimits.bucket],
          set: { hits: sql`${rateLimits.hits} + 1` },
          setWhere: sql`${rateLimits.hits} < ${allowed}`,
        })
        .returning({ hits: rateLimits.hits });
      if (!counted) return { ok: false as const, retryAfterSeconds };
      // A key's first hit in a bucket clears its buckets that left the window.
      if (counted.hits === 1) {
        await db.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.bucket, bucket - 1)));
      }
      return { ok: true as const, remaining: allowed - counted.hits };
    },
    { atomic: true },
  );
}
