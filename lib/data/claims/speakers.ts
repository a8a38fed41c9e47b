import "server-only";
import { and, asc, sql } from "drizzle-orm";
import { claims } from "@/lib/data/tables";
import { likeCaseless, likeEscape } from "../dialect";
import { cachedUntilWrite, getDb, type Db } from "../connection";

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
    ...(await cachedUntilWrite(`speakers:${prefix ?? ""}:${limit}`, () => readSpeakers(db, prefix, limit))),
  ];
}

async function readSpeakers(db: Db, prefix: string | undefined, limit: number): Promise<string[]> {
  const rows = await db
    .select({ speaker: claims.speaker })
    .from(claims)
    .where(
      prefix
        ? and(sql`${claims.speaker} IS NOT NULL`, likeCaseless(claims.speaker, `${likeEscape(prefix)}%`))
        : sql`${claims.speaker} IS NOT NULL`,
    )
    .groupBy(claims.speaker)
    .orderBy(sql`count(*) DESC`, asc(claims.speaker))
    .limit(limit);
  return rows.map((r) => r.speaker).filter((s): s is string => s !== null);
}
