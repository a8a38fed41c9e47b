import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { articles, claims } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/review";
import { VERDICTS, type Stage, type Verdict } from "@/lib/review/model";
import { suggestSpeakerGroups } from "@/lib/search/speaker-names";
import { parseInput } from "@/lib/validation/parse";
import { mergeSpeakersSchema, type MergeSpeakersInput } from "@/lib/validation/search";
import { recordEvent } from "./claims/events";
import { getDb, withTransaction } from "./connection";
import { getVariantTable } from "./variants";

export type SpeakerStats = {
  name: string;
  total: number;
  approved: number;
  byVerdict: Record<Verdict, number>;
  lastAt: Date;
};

function emptyVerdicts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
}

/** Every speaker named on a claim, with claim and verdict counts, most claims first. */
export async function listSpeakerStats(): Promise<SpeakerStats[]> {
  const rows = await getDb()
    .select({
      name: claims.speaker,
      verdict: claims.verdict,
      n: count(),
      approved: sql<number>`sum(CASE WHEN ${claims.stage} = 'approved' THEN 1 ELSE 0 END)`.mapWith(Number),
      lastAt: sql<Date>`max(${claims.updatedAt})`.mapWith(claims.updatedAt),
    })
    .from(claims)
    .where(sql`${claims.speaker} IS NOT NULL`)
    .groupBy(claims.speaker, claims.verdict);
  const bySpeaker = new Map<string, SpeakerStats>();
  for (const row of rows) {
    if (row.name === null) continue;
    const stats = bySpeaker.get(row.name) ?? {
      name: row.name,
      total: 0,
      approved: 0,
      byVerdict: emptyVerdicts(),
      lastAt: new Date(0),
    };
    stats.total += row.n;
    stats.approved += row.approved;
    stats.byVerdict[row.verdict] += row.n;
    if (row.lastAt > stats.lastAt) stats.lastAt = row.lastAt;
    bySpeaker.set(row.name, stats);
  }
  return [...bySpeaker.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** Names that probably belong to one speaker, each group ordered by claim count. */
export async function suggestSpeakerMerges(): Promise<SpeakerStats[][]> {
  const stats = await listSpeakerStats();
  const byName = new Map(stats.map((s) => [s.name, s]));
  const table = await getVariantTable();
  return suggestSpeakerGroups(
    stats.map((s) => s.name),
    (word) => table.canonical(word),
  ).map((group) =>
    group.map((name) => byName.get(name)!).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
  );
}

export type SpeakerClaim = {
  id: number;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  statement: string;
  verdict: Verdict;
  verdictNote: string | null;
  stage: Stage;
  updatedAt: Date;
};

/** A speaker's claims, newest first; undefined when no claim names them. */
export async function getSpeaker({
  name,
}: {
  name: string;
}): Promise<{ stats: SpeakerStats; claims: SpeakerClaim[] } | undefined> {
  const db = getDb();
  const rows = await db
    .select({
      id: claims.id,
      articleId: claims.articleId,
      articleTitle: articles.title,
      outlet: articles.outlet,
      statement: claims.statement,
      verdict: claims.verdict,
      verdictNote: claims.verdictNote,
      stage: claims.stage,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(claims.speaker, name))
    .orderBy(desc(claims.updatedAt), desc(claims.id));
  if (rows.length === 0) return undefined;
  const stats: SpeakerStats = {
    name,
    total: 0,
    approved: 0,
    byVerdict: emptyVerdicts(),
    lastAt: new Date(0),
  };
  for (const row of rows) {
    stats.total += 1;
    if (row.stage === "approved") stats.approved += 1;
    stats.byVerdict[row.verdict] += 1;
    if (row.updatedAt > stats.lastAt) stats.lastAt = row.updatedAt;
  }
  return { stats, claims: rows };
}

/**
 * Renames every claim whose speaker is one of `from` to `to`, in one transaction: each changed
 * claim gets a new version and an "edited" event with the speaker before and after.
 *
 * Unlike an edit through the claim form, this does NOT send approved or queued claims back to
 * draft: merging spellings of one speaker's name is a normalisation, not a change to what the
 * claim says or to its verdict, so the approval still stands (DESIGN.md's rule is about wording
 * and verdicts). The history records it all the same.
 */
export async function mergeSpeakers({
  actor,
  input,
}: {
  actor: Actor;
  input: MergeSpeakersInput;
}): Promise<{ renamed: number; to: string }> {
  if (!hasPermission(actor.role, "speaker.merge")) {
    throw new AppError("forbidden", "Only a reviewer or an admin can merge speakers.", {
      details: { reason: "merge_forbidden" },
    });
  }
  const data = parseInput(mergeSpeakersSchema, input);
  const from = [...new Set(data.from)].filter((name) => name !== data.to);
  if (from.length === 0) {
    throw new AppError("invalid_input", "Choose at least one other name to merge.", {
      fieldErrors: { from: ["required"] },
      details: { reason: "merge_nothing" },
    });
  }
  return withTransaction(async (tx) => {
    const targets = await tx
      .select({
        id: claims.id,
        articleId: claims.articleId,
        speaker: claims.speaker,
        version: claims.version,
      })
      .from(claims)
      .where(and(inArray(claims.speaker, from), ne(claims.speaker, data.to)))
      .orderBy(asc(claims.id));
    const at = new Date();
    for (const claim of targets) {
      const [updated] = await tx
        .update(claims)
        .set({
          speaker: data.to,
          version: sql`${claims.version} + 1`,
          updatedById: actor.id,
          updatedAt: at,
        })
        .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
        .returning({ id: claims.id });
      // Inside the transaction nobody else writes, so this only guards against a bug.
      if (!updated)
        throw new AppError("conflict", "A claim changed during the merge; nothing was renamed.", {
          details: { reason: "merge_conflict" },
        });
      await recordEvent(tx, {
        claim,
        actorId: actor.id,
        type: "edited",
        before: { speaker: claim.speaker },
        after: { speaker: data.to },
        at,
      });
    }
    return { renamed: targets.length, to: data.to };
  });
}
