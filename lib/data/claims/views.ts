import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { AnchorProposal } from "@/lib/text/reanchor-claims";
import { claims, claimSources, sourceFiles, type Claim, type SourceFile } from "@/lib/data/tables";
import type { FileRef, SourceView } from "@/lib/evidence/sources";
import { getDb, type Tx } from "../connection";
import { userNames } from "../user-names";

export type { SourceView };
export type PersonRef = { id: number; name: string };

/** A claim as pages, the API and exports see it. */
export type ClaimView = {
  id: number;
  articleId: number;
  start: number;
  end: number;
  quote: string;
  statement: string;
  speaker: string | null;
  verdict: Claim["verdict"];
  verdictNote: string | null;
  silentParty: string | null;
  /** The analyser's proposal, for a claim that came from a suggestion (not a verdict). */
  suggestedVerdict: Claim["suggestedVerdict"];
  suggestedSilentParty: string | null;
  stage: Claim["stage"];
  version: number;
  sources: SourceView[];
  ratedBy: PersonRef | null;
  ratedAt: Date | null;
  submittedBy: PersonRef | null;
  submittedAt: Date | null;
  approvedBy: PersonRef | null;
  approvedAt: Date | null;
  returnNote: string | null;
  returnedBy: PersonRef | null;
  returnedAt: Date | null;
  reviewTakenBy: PersonRef | null;
  reviewTakenAt: Date | null;
  createdBy: PersonRef | null;
  createdAt: Date;
  updatedBy: PersonRef | null;
  updatedAt: Date;
  /** Where the claim's words stand on the article's latest revision (issue 16). */
  anchorState: Claim["anchorState"];
  /** The revision start/end/quote refer to. */
  anchorRevision: number;
  anchorProposal: AnchorProposal | null;
  /** "article_changed_here" while a claim that was approved waits to be approved again. */
  reviewReason: string | null;
};

export function fileRef(row: SourceFile): FileRef {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    at: row.createdAt.toISOString(),
    finalUrl: row.finalUrl,
  };
}

/** The kept files of these ids, by id. */
export async function loadFileRefs(tx: Tx, ids: number[]): Promise<Map<number, FileRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select().from(sourceFiles).where(inArray(sourceFiles.id, unique));
  return new Map(rows.map((row) => [row.id, fileRef(row)]));
}

/** Source rows as views, with their files, grouped by claim (in the rows' order). */
export async function sourceViews(
  tx: Tx,
  rows: (typeof claimSources.$inferSelect)[],
): Promise<Map<number, SourceView[]>> {
  const byClaim = new Map<number, SourceView[]>();
  const files = await loadFileRefs(
    tx,
    rows.flatMap((r) => [r.fileId, r.snapshotId]).filter((id): id is number => id !== null),
  );
  for (const row of rows) {
    const list = byClaim.get(row.claimId) ?? [];
    list.push({
      kind: row.kind,
      url: row.url,
      title: row.title,
      party: row.party,
      occurredAt: row.occurredAt,
      agency: row.agency,
      reference: row.reference,
      body: row.body,
      fileId: row.fileId,
      snapshotId: row.snapshotId,
      file: row.fileId === null ? null : (files.get(row.fileId) ?? null),
      snapshot: row.snapshotId === null ? null : (files.get(row.snapshotId) ?? null),
    });
    byClaim.set(row.claimId, list);
  }
  return byClaim;
}

export async function loadSources(tx: Tx, claimIds: number[]): Promise<Map<number, SourceView[]>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(claimSources)
    .where(inArray(claimSources.claimId, claimIds))
    .orderBy(asc(claimSources.claimId), asc(claimSources.position));
  return sourceViews(tx, rows);
}

/** Claims as ClaimView, with their sources and the names of the people involved, in two queries. */
export async function toViews(tx: Tx, rows: Claim[]): Promise<ClaimView[]> {
  const sources = await loadSources(
    tx,
    rows.map((r) => r.id),
  );
  const names = await userNames(
    tx,
    rows.flatMap((r) => [
      r.ratedById,
      r.submittedById,
      r.approvedById,
      r.returnedById,
      r.reviewTakenById,
      r.createdById,
      r.updatedById,
    ]),
  );
  const ref = (id: number | null): PersonRef | null =>
    id === null ? null : { id, name: names.get(id) ?? "?" };
  return rows.map((r) => ({
    id: r.id,
    articleId: r.articleId,
    start: r.start,
    end: r.end,
    quote: r.quote,
    statement: r.statement,
    speaker: r.speaker,
    verdict: r.verdict,
    verdictNote: r.verdictNote,
    silentParty: r.silentParty,
    suggestedVerdict: r.suggestedVerdict,
    suggestedSilentParty: r.suggestedSilentParty,
    stage: r.stage,
    version: r.version,
    sources: sources.get(r.id) ?? [],
    ratedBy: ref(r.ratedById),
    ratedAt: r.ratedAt,
    submittedBy: ref(r.submittedById),
    submittedAt: r.submittedAt,
    approvedBy: ref(r.approvedById),
    approvedAt: r.approvedAt,
    returnNote: r.returnNote,
    returnedBy: ref(r.returnedById),
    returnedAt: r.returnedAt,
    reviewTakenBy: ref(r.reviewTakenById),
    reviewTakenAt: r.reviewTakenAt,
    createdBy: ref(r.createdById),
    createdAt: r.createdAt,
    updatedBy: ref(r.updatedById),
    updatedAt: r.updatedAt,
    anchorState: r.anchorState,
    anchorRevision: r.anchorRevision,
    anchorProposal: (r.anchorProposal as AnchorProposal | null) ?? null,
    reviewReason: r.reviewReason,
  }));
}

export async function getClaimById({ id }: { id: number }): Promise<ClaimView | undefined> {
  const db = getDb();
  const [row] = await db.select().from(claims).where(eq(claims.id, id)).limit(1);
  return row ? (await toViews(db, [row]))[0] : undefined;
}

export async function listClaimsForArticle({ articleId }: { articleId: number }): Promise<ClaimView[]> {
  const db = getDb();
  const rows = await db
    .select()
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.start), asc(claims.end), asc(claims.id));
  return toViews(db, rows);
}
