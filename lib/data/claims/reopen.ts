import "server-only";
// Undo and reopen (issue 16): an approval taken back by its reviewer within UNDO_WINDOW_MS, and an
// approved claim sent back to the queue by a reviewer with a reason. Both move the claim to
// in_review with a new event; no earlier event is ever edited or deleted.
import { and, eq, sql } from "drizzle-orm";
import { claims, type Claim } from "@/lib/data/tables";
import { canReopen, canWithdrawApproval, type Actor } from "@/lib/review";
import { parseInput } from "@/lib/validation/parse";
import { reopenClaimSchema, type ReopenClaimInput } from "@/lib/validation/claim";
import { withTransaction, type Tx } from "../connection";
import { checkRightOfReplyInTx } from "../comment-requests";
import { recordEvent } from "./events";
import { conflict, facts, loadClaim, refuse } from "./shared";
import { toViews, type ClaimView } from "./views";

async function backToQueue(
  tx: Tx,
  actor: Actor,
  claim: Claim,
  type: "approval_withdrawn" | "reopened",
  at: Date,
  note?: string,
): Promise<ClaimView> {
  const [updated] = await tx
    .update(claims)
    .set({
      stage: "in_review",
      approvedById: null,
      approvedAt: null,
      reviewTakenById: null,
      reviewTakenAt: null,
      version: sql`${claims.version} + 1`,
      updatedById: actor.id,
      updatedAt: at,
    })
    .where(and(eq(claims.id, claim.id), eq(claims.stage, "approved"), eq(claims.version, claim.version)))
    .returning();
  if (!updated) throw await conflict(tx, await loadClaim(tx, claim.id));
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type,
    before: { stage: claim.stage },
    after: { stage: "in_review" },
    ...(note ? { note } : {}),
    at,
  });
  return (await toViews(tx, [updated]))[0]!;
}

/**
 * "Undo" after approving: the reviewer who approved puts the claim back in the queue, within
 * UNDO_WINDOW_MS of the approval, at the version the approval gave it (409 when it moved since).
 * The server's clock decides the window.
 */
export async function withdrawApproval({
  actor,
  id,
  version,
  now = new Date(),
}: {
  actor: Actor;
  id: number;
  version: number;
  /** For tests: the moment of the undo. */
  now?: Date;
}): Promise<ClaimView> {
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, id);
    if (claim.version !== version) throw await conflict(tx, claim);
    refuse(
      canWithdrawApproval(
        actor,
        { ...facts(claim), approvedById: claim.approvedById, approvedAt: claim.approvedAt },
        now,
      ),
    );
    return backToQueue(tx, actor, claim, "approval_withdrawn", now);
  });
}

/**
 * A reviewer or admin sends an approved claim back to the queue, saying why. The claim enters the
 * queue again, so the right of reply holds as on submitting (an `uncommented` claim approved while
 * the rule was advisory, or before it, needs its request or "not contacted" note first). An undo
 * (withdrawApproval) is not checked: it only takes back the last ten seconds.
 */
export async function reopenClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: ReopenClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(reopenClaimSchema, input);
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, data.id);
    if (claim.version !== data.version) throw await conflict(tx, claim);
    refuse(canReopen(actor, facts(claim), data.reason));
    await checkRightOfReplyInTx(tx, claim);
    return backToQueue(tx, actor, claim, "reopened", new Date(), data.reason.trim());
  });
}
