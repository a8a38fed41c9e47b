import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { claims, type Claim } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import {
  canApprove,
  canReturn,
  canSubmit,
  canTakeForReview,
  reviewLockActive,
  type Actor,
} from "@/lib/review";
import { parseInput } from "@/lib/validation/parse";
import {
  returnClaimSchema,
  submitRatedClaimsSchema,
  type ReturnClaimInput,
  type SubmitRatedClaimsInput,
} from "@/lib/validation/claim";
import { checkRightOfReplyInTx } from "../comment-requests";
import { getDb, withTransaction, type Tx } from "../connection";
import { addMessageInTx } from "../thread-messages";
import { userNames } from "../user-names";
import { recordEvent } from "./events";
import { tellApproved, tellReturned } from "./tell";
import { conflict, facts, loadClaim, refuse } from "./shared";
import { toViews, type ClaimView } from "./views";

/** Moves a claim from draft into the queue inside an open transaction. */
export async function submitInTx(tx: Tx, actor: Actor, claim: Claim, at: Date): Promise<Claim> {
  refuse(canSubmit(actor, facts(claim)));
  if (claim.anchorState !== "exact") {
    throw new AppError("wrong_stage", "Settle where this claim's words are in the new text first.", {
      details: { reason: "anchor_unresolved" },
    });
  }
  await checkRightOfReplyInTx(tx, claim);
  const [updated] = await tx
    .update(claims)
    .set({
      stage: "in_review",
      submittedById: actor.id,
      submittedAt: at,
      // The return note asks for a fix; resubmitting answers it (the history keeps it).
      returnNote: null,
      returnedById: null,
      returnedAt: null,
      reviewTakenById: null,
      reviewTakenAt: null,
      version: sql`${claims.version} + 1`,
      updatedById: actor.id,
      updatedAt: at,
    })
    .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
    .returning();
  if (!updated) throw await conflict(tx, await loadClaim(tx, claim.id));
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "submitted",
    before: { stage: claim.stage },
    after: { stage: "in_review" },
    at,
  });
  return updated;
}

export async function submitClaim({
  actor,
  id,
  version,
}: {
  actor: Actor;
  id: number;
  version?: number;
}): Promise<ClaimView> {
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, id);
    if (version !== undefined && claim.version !== version) throw await conflict(tx, claim);
    return (await toViews(tx, [await submitInTx(tx, actor, claim, new Date())]))[0]!;
  });
}

/**
 * "Submit all rated claims": the rated drafts of one article the person saw, into the queue in one
 * transaction: all of them or none. A claim that moved since (edited, submitted by someone else)
 * refuses the lot with a conflict, so nobody submits wording they did not see.
 */
export async function submitRatedClaims({
  actor,
  input,
}: {
  actor: Actor;
  input: SubmitRatedClaimsInput;
}): Promise<ClaimView[]> {
  const data = parseInput(submitRatedClaimsSchema, input);
  return withTransaction(async (tx) => {
    const at = new Date();
    const seen = new Set<number>();
    const submitted: Claim[] = [];
    for (const ref of data.claims) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const claim = await loadClaim(tx, ref.id);
      if (claim.articleId !== data.articleId) {
        throw new AppError("not_found", "This claim does not exist or was deleted.");
      }
      if (claim.version !== ref.version) throw await conflict(tx, claim);
      submitted.push(await submitInTx(tx, actor, claim, at));
    }
    return toViews(tx, submitted);
  });
}

async function alreadyDecided(tx: Tx, claim: Claim): Promise<AppError | null> {
  if (claim.stage === "approved" && claim.approvedById !== null) {
    const name = (await userNames(tx, [claim.approvedById])).get(claim.approvedById) ?? "someone";
    return new AppError("wrong_stage", `Already approved by ${name}.`, {
      details: {
        reason: "already_approved",
        decision: "approved",
        by: name,
        at: claim.approvedAt?.toISOString(),
        current: (await toViews(tx, [claim]))[0],
      },
    });
  }
  if (claim.stage === "draft" && claim.returnedById !== null && claim.returnedAt !== null) {
    const name = (await userNames(tx, [claim.returnedById])).get(claim.returnedById) ?? "someone";
    return new AppError("wrong_stage", `Already returned by ${name}.`, {
      details: {
        reason: "already_returned",
        decision: "returned",
        by: name,
        at: claim.returnedAt.toISOString(),
        current: (await toViews(tx, [claim]))[0],
      },
    });
  }
  return null;
}

/**
 * A stale decision: the claim moved since the caller saw it at `version`. Says who decided it
 * ("Already approved by Ben") when someone did, else who changed it.
 */
async function staleRefusal(tx: Tx, claim: Claim): Promise<AppError> {
  return (await alreadyDecided(tx, claim)) ?? (await conflict(tx, claim));
}

/**
 * Approves a claim in the queue. The check and the write happen in one IMMEDIATE transaction
 * guarded by the stage (and the version the caller saw, when given), so of two reviewers acting
 * at once exactly one succeeds and one event is written.
 *
 * The guarded UPDATE comes first and returns the row: an approval changes none of the facts the
 * rules read (verdict, silent party, who rated it; the stage was "in_review" or no row changed),
 * so the rules are checked on what it returns, and a refusal throws, which rolls the UPDATE back.
 * The claim is read only when no row changed, to say why. The view (sources and names, which an
 * approval does not change) is read after the commit, outside the write transaction.
 */
export async function approveClaim({
  actor,
  id,
  version,
}: {
  actor: Actor;
  id: number;
  version?: number;
}): Promise<ClaimView> {
  const updated = await withTransaction(async (tx) => {
    const at = new Date();
    const [row] = await tx
      .update(claims)
      .set({
        stage: "approved",
        approvedById: actor.id,
        approvedAt: at,
        // Approved again after the article changed under it (issue 16): the reason is answered.
        reviewReason: null,
        reviewTakenById: null,
        reviewTakenAt: null,
        version: sql`${claims.version} + 1`,
        updatedById: actor.id,
        updatedAt: at,
      })
      .where(
        and(
          eq(claims.id, id),
          eq(claims.stage, "in_review"),
          version === undefined ? undefined : eq(claims.version, version),
        ),
      )
      .returning();
    if (!row) throw await approvalRefusal(tx, actor, id, version);
    refuse(canApprove(actor, facts({ ...row, stage: "in_review" })));
    await recordEvent(tx, {
      claim: row,
      actorId: actor.id,
      type: "approved",
      before: { stage: "in_review" },
      after: { stage: "approved" },
      at,
    });
    await tellApproved(tx, actor, row);
    return row;
  });
  return (await toViews(getDb(), [updated]))[0]!;
}

/** Why an approval's guarded UPDATE changed no row: the claim as it is now, checked as before. */
async function approvalRefusal(tx: Tx, actor: Actor, id: number, version?: number): Promise<AppError> {
  const claim = await loadClaim(tx, id);
  if (version !== undefined && claim.version !== version) return staleRefusal(tx, claim);
  if (claim.stage !== "in_review") {
    const decided = await alreadyDecided(tx, claim);
    if (decided) return decided;
    const decision = canApprove(actor, facts(claim));
    if (!decision.ok) return new AppError(decision.code, decision.message, { details: decision.details });
  }
  return staleRefusal(tx, claim);
}

/**
 * Returns a claim in review (or an approved one) to draft with a note. With `version`, a claim
 * that moved since the caller saw it is refused: a return racing an approval does not undo it.
 */
export async function returnClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: ReturnClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(returnClaimSchema, input);
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, data.id);
    if (data.version !== undefined && claim.version !== data.version) throw await staleRefusal(tx, claim);
    if (claim.stage === "draft") {
      const decided = await alreadyDecided(tx, claim);
      if (decided) throw decided;
    }
    refuse(canReturn(actor, facts(claim), data.note));
    const at = new Date();
    const [updated] = await tx
      .update(claims)
      .set({
        stage: "draft",
        returnNote: data.note,
        returnedById: actor.id,
        returnedAt: at,
        approvedById: null,
        approvedAt: null,
        reviewTakenById: null,
        reviewTakenAt: null,
        version: sql`${claims.version} + 1`,
        updatedById: actor.id,
        updatedAt: at,
      })
      .where(and(eq(claims.id, data.id), eq(claims.stage, claim.stage), eq(claims.version, claim.version)))
      .returning();
    if (!updated) throw await staleRefusal(tx, await loadClaim(tx, data.id));
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "returned",
      before: { stage: claim.stage },
      after: { stage: "draft" },
      note: data.note,
      at,
    });
    // The return note starts or continues the claim's thread, where the editor can answer it.
    // Whoever the note mentions is notified there (besides "returned" to the rater or submitter).
    await addMessageInTx(tx, { actor, claim, body: data.note, kind: "return", at });
    await tellReturned(tx, actor, claim, data.note);
    return (await toViews(tx, [updated]))[0]!;
  });
}

/**
 * "I'm reviewing this": not a change to the claim, so neither its version nor its history moves.
 * While someone else holds an active take (see REVIEW_LOCK_MS), taking or releasing it is refused
 * with who has it and since when; a lapsed take may be taken over.
 */
export async function setReviewTaken({
  actor,
  id,
  taken,
}: {
  actor: Actor;
  id: number;
  taken: boolean;
}): Promise<ClaimView> {
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, id);
    refuse(canTakeForReview(actor, facts(claim)));
    const at = new Date();
    const holder = claim.reviewTakenById;
    if (holder !== null && holder !== actor.id && reviewLockActive(claim.reviewTakenAt, at)) {
      const name = (await userNames(tx, [holder])).get(holder) ?? "someone";
      throw new AppError("conflict", `${name} is reviewing this claim.`, {
        details: { reason: "taken", decision: "taken", by: name, at: claim.reviewTakenAt?.toISOString() },
      });
    }
    if (!taken && holder !== actor.id) return (await toViews(tx, [claim]))[0]!;
    const [updated] = await tx
      .update(claims)
      .set(
        taken
          ? { reviewTakenById: actor.id, reviewTakenAt: at }
          : { reviewTakenById: null, reviewTakenAt: null },
      )
      .where(eq(claims.id, id))
      .returning();
    return (await toViews(tx, [updated ?? claim]))[0]!;
  });
}
