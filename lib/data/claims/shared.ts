import "server-only";
import { eq, inArray } from "drizzle-orm";
import { claims, claimSources, sourceFiles, type Claim } from "@/lib/data/tables";
import { toRecord } from "@/lib/evidence/sources";
import { AppError } from "@/lib/errors";
import type { Decision } from "@/lib/review";
import type { SourceValues } from "@/lib/validation/source";
import type { Tx } from "../connection";
import { toViews } from "./views";

// Steps shared by editing and review decisions, each inside the caller's transaction.

export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function refuse(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.message, { details: decision.details });
}

/**
 * Replaces a claim's sources. A document or a snapshot must be a file kept for this claim's
 * article, of the right kind (a document as a document, a snapshot as a web page's archive).
 */
export async function writeSources(
  tx: Tx,
  claim: { id: number; articleId: number },
  sources: SourceValues[],
): Promise<void> {
  const records = sources.map(toRecord);
  const wanted = records.flatMap((r, index) => [
    ...(r.fileId !== null ? [{ id: r.fileId, kind: "document" as const, index, field: "fileId" }] : []),
    ...(r.snapshotId !== null
      ? [{ id: r.snapshotId, kind: "snapshot" as const, index, field: "snapshotId" }]
      : []),
  ]);
  if (wanted.length > 0) {
    const found = await tx
      .select({ id: sourceFiles.id, articleId: sourceFiles.articleId, kind: sourceFiles.kind })
      .from(sourceFiles)
      .where(
        inArray(
          sourceFiles.id,
          wanted.map((w) => w.id),
        ),
      );
    const byId = new Map(found.map((f) => [f.id, f]));
    for (const w of wanted) {
      const file = byId.get(w.id);
      if (!file || file.articleId !== claim.articleId || file.kind !== w.kind) {
        throw new AppError("invalid_input", "This file is not one kept for this article.", {
          fieldErrors: { [`sources.${w.index}.${w.field}`]: ["fileNotOfArticle"] },
          details: { reason: "file_not_of_article" },
        });
      }
    }
  }
  await tx.delete(claimSources).where(eq(claimSources.claimId, claim.id));
  if (records.length > 0) {
    await tx
      .insert(claimSources)
      .values(records.map((r, position) => ({ ...r, claimId: claim.id, position })));
  }
}

export async function loadClaim(tx: Tx, id: number): Promise<Claim> {
  const [claim] = await tx.select().from(claims).where(eq(claims.id, id)).limit(1);
  if (!claim) {
    throw new AppError("not_found", "This claim does not exist or was deleted.", {
      details: { reason: "claim_not_found" },
    });
  }
  return claim;
}

export async function conflict(tx: Tx, claim: Claim): Promise<AppError> {
  const [view] = await toViews(tx, [claim]);
  const by = view?.updatedBy?.name ?? "someone";
  return new AppError("conflict", `Changed by ${by} at ${claim.updatedAt.toISOString()} meanwhile.`, {
    details: { reason: "changed", by, at: claim.updatedAt.toISOString(), current: view },
  });
}

export function facts(claim: Claim) {
  return {
    stage: claim.stage,
    verdict: claim.verdict,
    silentParty: claim.silentParty,
    ratedById: claim.ratedById,
  };
}
