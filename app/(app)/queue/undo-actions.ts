"use server";

import { authedAction } from "@/lib/auth/session";
import { withdrawApproval } from "@/lib/data/claims";
import type { ActionResult } from "@/lib/errors";
import { queueDecisionSchema } from "@/lib/validation/queue";

export type Undone = { id: number; version: number };

/** "Undo" after approving: the server checks the ten seconds and that the caller approved it. */
const undo = authedAction(
  { schema: queueDecisionSchema, permission: "claim.approve" },
  async (input, user) => {
    const claim = await withdrawApproval({ actor: user, id: input.id, version: input.version });
    return { id: claim.id, version: claim.version };
  },
);

export async function undoApprovalAction(raw: unknown): Promise<ActionResult<Undone>> {
  return undo(raw);
}
