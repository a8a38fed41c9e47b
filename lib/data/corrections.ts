import "server-only";
// Corrections of published claims (issue 16): when a note is needed, recording it, the log. Kept
// apart from publish.ts so that claim edits (lib/data/claims/edit.ts) and the live exports
// (lib/data/summary.ts) use it without importing the publishing code.
import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import {
  articles,
  claimCorrections,
  summaryVersions,
  type Claim,
  type ClaimCorrection,
  type SummaryVersion,
} from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import type { SummaryCorrection } from "@/lib/export";
import { getDb, type Tx } from "./connection";
import { userNames } from "./user-names";

export type CorrectionView = {
  id: number;
  articleId: number;
  articleTitle: string;
  claimId: number;
  note: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  createdAt: Date;
  createdBy: { id: number; name: string };
  /** The number of the version it corrects. */
  corrects: number;
  /** The number of the first version that carries it; null until one is published. */
  publishedIn: number | null;
};

export async function latestVersion(tx: Tx, articleId: number): Promise<SummaryVersion | undefined> {
  const [row] = await tx
    .select()
    .from(summaryVersions)
    .where(eq(summaryVersions.articleId, articleId))
    .orderBy(desc(summaryVersions.number))
    .limit(1);
  return row;
}

export async function correctionsOf(tx: Tx, articleId: number): Promise<ClaimCorrection[]> {
  return tx
    .select()
    .from(claimCorrections)
    .where(eq(claimCorrections.articleId, articleId))
    .orderBy(asc(claimCorrections.id));
}

/** Corrections as the exports print them (live exports too: see getSummaryInput). */
export async function summaryCorrections(tx: Tx, articleId: number): Promise<SummaryCorrection[]> {
  return (await correctionsOf(tx, articleId)).map((c) => ({
    claimId: c.claimId,
    note: c.note,
    at: c.createdAt,
  }));
}

// ---------------------------------------------------------------------------------------------
// Corrections
// ---------------------------------------------------------------------------------------------

/**
 * The version a change of `claim` corrects, when a correction note is needed: the claim is in
 * the article's latest published version and was not corrected since (one note per claim and
 * round of corrections). Null when no note is needed.
 */
export async function versionToCorrect(tx: Tx, claim: Claim): Promise<SummaryVersion | null> {
  const latest = await latestVersion(tx, claim.articleId);
  if (!latest || !latest.claimIds.includes(claim.id)) return null;
  const [done] = await tx
    .select({ id: claimCorrections.id })
    .from(claimCorrections)
    .where(and(eq(claimCorrections.claimId, claim.id), eq(claimCorrections.versionId, latest.id)))
    .limit(1);
  return done ? null : latest;
}

/** Refuses a change of a published claim without a correction note (en/fr: correction_note_required). */
export function requireCorrectionNote(note: string | undefined): string {
  const text = note?.trim() ?? "";
  if (text === "") {
    throw new AppError(
      "invalid_input",
      "This claim is in a published summary: say what is corrected in the correction note.",
      {
        fieldErrors: { correctionNote: ["correctionNoteRequired"] },
        details: { reason: "correction_note_required" },
      },
    );
  }
  return text;
}

export async function recordCorrection(
  tx: Tx,
  correction: {
    claim: Claim;
    version: SummaryVersion;
    note: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    actorId: number;
    at: Date;
  },
): Promise<void> {
  await tx.insert(claimCorrections).values({
    articleId: correction.claim.articleId,
    claimId: correction.claim.id,
    versionId: correction.version.id,
    note: correction.note,
    before: correction.before,
    after: correction.after,
    createdById: correction.actorId,
    createdAt: correction.at,
  });
}

/**
 * The corrections log, newest first: one article's, or the whole desk's (`limit` most recent),
 * each with the version it corrects and the one that first carried it.
 */
export async function listCorrections({
  articleId,
  limit = 200,
}: { articleId?: number; limit?: number } = {}): Promise<CorrectionView[]> {
  const db = getDb();
  const rows = await db
    .select({ correction: claimCorrections, title: articles.title, corrects: summaryVersions.number })
    .from(claimCorrections)
    .innerJoin(articles, eq(articles.id, claimCorrections.articleId))
    .innerJoin(summaryVersions, eq(summaryVersions.id, claimCorrections.versionId))
    .where(articleId === undefined ? undefined : eq(claimCorrections.articleId, articleId))
    .orderBy(desc(claimCorrections.id))
    .limit(limit);
  const articleIds = [...new Set(rows.map((row) => row.correction.articleId))];
  const latest = new Map<number, number>();
  if (articleIds.length > 0) {
    const tops = await db
      .select({ articleId: summaryVersions.articleId, n: max(summaryVersions.number) })
      .from(summaryVersions)
      .where(inArray(summaryVersions.articleId, articleIds))
      .groupBy(summaryVersions.articleId);
    for (const top of tops) latest.set(top.articleId, Number(top.n ?? 0));
  }
  const names = await userNames(
    db,
    rows.map((row) => row.correction.createdById),
  );
  return rows.map(({ correction, title, corrects }) => ({
    id: correction.id,
    articleId: correction.articleId,
    articleTitle: title,
    claimId: correction.claimId,
    note: correction.note,
    before: correction.before,
    after: correction.after,
    createdAt: correction.createdAt,
    createdBy: { id: correction.createdById, name: names.get(correction.createdById) ?? "?" },
    corrects,
    // Versions are numbered in order, and a correction is recorded against the latest one: the
    // next number, when it exists, is the first version that carries it.
    publishedIn: (latest.get(correction.articleId) ?? 0) > corrects ? corrects + 1 : null,
  }));
}
