import "server-only";
import { eq } from "drizzle-orm";
import { claims, claimSources, type Claim } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import type { Decision } from "@/lib/review";
import type { Tx } from "../connection";
import { toViews, type SourceView } from "./views";

// Steps shared by editing and review decisions, each inside the caller's transaction.

export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function refuse(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.message, { details: decision.details });
}

export async function writeSources(
  tx: Tx,
  claimId: number,
  sources: { url: string; title: string }[],
): Promise<SourceView[]> {
  await tx.delete(claimSources).where(eq(claimSources.claimId, claimId));
  const views = sources.map((s) => ({ url: s.url, title: emptyToNull(s.title) }));
  if (views.length > 0) {
    await tx
      .insert(claimSources)
      .values(views.map((s, position) => ({ claimId, position, url: s.url, title: s.title })));
  }
  return views;
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
