"use server";

import { authedAction } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { findSimilarClaims, type SimilarClaim } from "@/lib/data/similar";
import { similarClaimsSchema } from "@/lib/validation/search";

// Reading only, open to every signed-in role: "claim.create" is the permission every role holds.
const findSimilar = authedAction({ schema: similarClaimsSchema, permission: "claim.create" }, async (input) =>
  findSimilarClaims(input),
);

/** Similar reviewed claims for the text an editor is writing (the similar-claims panel). */
export async function findSimilarClaimsAction(raw: unknown): Promise<ActionResult<SimilarClaim[]>> {
  return findSimilar(raw);
}
