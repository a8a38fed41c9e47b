"use server";

import { approveClaim, returnClaim, setReviewTaken, submitClaim } from "@/lib/data/claims";
import { authedAction } from "@/lib/auth/session";
import { approveEach, type ApprovalOutcome } from "@/lib/data/queue";
import type { ActionResult } from "@/lib/errors";
import {
  bulkApproveSchema,
  queueDecisionSchema,
  queueReturnSchema,
  takeSchema,
} from "@/lib/validation/queue";

export type Decided = { id: number; version: number };
export type Taken = { id: number; takenBy: { id: number; name: string } | null; takenAt: number | null };
export type BulkOutcome = ApprovalOutcome;

const approve = authedAction(
  { schema: queueDecisionSchema, permission: "claim.approve" },
  async (input, user) => {
    const claim = await approveClaim({ actor: user, id: input.id, version: input.version });
    return { id: claim.id, version: claim.version };
  },
);

/** Each claim is checked against the rules on its own: one refusal does not stop the others. */
const bulkApprove = authedAction(
  { schema: bulkApproveSchema, permission: "claim.approve" },
  async (input, user) => approveEach({ actor: user, items: input.items }),
);

const giveBack = authedAction(
  { schema: queueReturnSchema, permission: "claim.return" },
  async (input, user) => {
    const claim = await returnClaim({ actor: user, input });
    return { id: claim.id, version: claim.version };
  },
);

const take = authedAction({ schema: takeSchema, permission: "claim.take" }, async (input, user) => {
  const claim = await setReviewTaken({ actor: user, id: input.id, taken: input.taken });
  return { id: claim.id, takenBy: claim.reviewTakenBy, takenAt: claim.reviewTakenAt?.getTime() ?? null };
});

const resubmit = authedAction(
  { schema: queueDecisionSchema, permission: "claim.submit" },
  async (input, user) => {
    const claim = await submitClaim({ actor: user, id: input.id, version: input.version });
    return { id: claim.id, version: claim.version };
  },
);

// Server-action files may export only async functions, hence the thin wrappers.
export async function approveAction(raw: unknown): Promise<ActionResult<Decided>> {
  return approve(raw);
}

export async function bulkApproveAction(raw: unknown): Promise<ActionResult<BulkOutcome[]>> {
  return bulkApprove(raw);
}

export async function returnAction(raw: unknown): Promise<ActionResult<Decided>> {
  return giveBack(raw);
}

export async function takeAction(raw: unknown): Promise<ActionResult<Taken>> {
  return take(raw);
}

export async function resubmitAction(raw: unknown): Promise<ActionResult<Decided>> {
  return resubmit(raw);
}
