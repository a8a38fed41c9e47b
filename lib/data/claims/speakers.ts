import "server-only";
import { and, asc, sql } from "drizzle-orm";
import { claims } from "@/db/schema";
import type { Db } from "@/db/client";
import { cachedUntilWrite, getDb } from "../connection";

/**
 * Speakers already used, most frequent first, for the claim form's autocomplete. Counting them
 * reads an index entry per claim (milliseconds at 100,000 claims, on every article page), so the
 * answer is kept until the next write.
 */
export async function listSpeakers({ prefix, limit = 50 }: { prefix?: string; limit?: number } = {}): Promise<
  string[]
> {
  const db = getDb();
  return [
    ...cachedUntilWrite(db, `speakers:${prefix ?? ""}:${limit}`, () => readSpeakers(db, prefix, limit)),
  ];
}

function readSpeakers(db: Db, prefix: string | undefined, limit: number): string[] {
  const rows = db
    .select({ speaker: claims.speaker, n: sql<number>`count(*)` })
    .from(claims)
    .where(
      prefix
        ? and(
            sql`${claims.speaker} IS NOT NULL`,
            sql`${claims.speaker} LIKE ${`${prefix.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'`,
          )
        : sql`${claims.speaker} IS NOT NULL`,
    )
    .groupBy(claims.speaker)
    .orderBy(sql`count(*) DESC`, asc(claims.speaker))
    .limit(limit)
    .all();
  return rows.map((r) => r.speaker).filter((s): s is string => s !== null);
}
