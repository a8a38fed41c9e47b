"use server";

import { authedAction } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { markPresence, type PresentPerson } from "@/lib/data/live";
import { presenceSchema } from "@/lib/validation/live";

// Any signed-in account: presence says who has a claim open, which everyone may read anyway.
const mark = authedAction({ schema: presenceSchema }, (input, user) =>
  markPresence({ userId: user.id, claimId: input.claimId, state: input.state }),
);

/** Marks the claim open by the caller (or closed), and says who else has it open. */
export async function presenceAction(raw: unknown): Promise<ActionResult<PresentPerson[]>> {
  return mark(raw);
}
