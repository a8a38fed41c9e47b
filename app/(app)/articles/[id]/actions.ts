"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/session";
import { createClaim, deleteClaim, submitClaim, submitRatedClaims, updateClaim } from "@/lib/data/claims";
import {
  claimRefSchema,
  createClaimSchema,
  submitRatedClaimsSchema,
  updateClaimSchema,
} from "@/lib/validation/claim";

function refresh(articleId: number) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/queue");
}

export const createClaimAction = authedAction(
  { schema: createClaimSchema, permission: "claim.create" },
  async (input, user) => {
    const claim = await createClaim({ actor: user, input });
    refresh(claim.articleId);
    return claim;
  },
);

export const updateClaimAction = authedAction(
  { schema: updateClaimSchema, permission: "claim.edit" },
  async (input, user) => {
    const claim = await updateClaim({ actor: user, input });
    refresh(claim.articleId);
    return claim;
  },
);

export const deleteClaimAction = authedAction(
  { schema: claimRefSchema.extend({ articleId: z.number().int().positive() }), permission: "claim.delete" },
  async ({ id, version, articleId }, user) => {
    await deleteClaim({ actor: user, id, version });
    refresh(articleId);
    return { id };
  },
);

export const submitClaimAction = authedAction(
  { schema: claimRefSchema, permission: "claim.submit" },
  async ({ id, version }, user) => {
    const claim = await submitClaim({ actor: user, id, version });
    refresh(claim.articleId);
    return claim;
  },
);

/** "Submit all rated claims (N)": every rated draft the page showed, in one transaction. */
export const submitRatedClaimsAction = authedAction(
  { schema: submitRatedClaimsSchema, permission: "claim.submit" },
  async (input, user) => {
    const submitted = await submitRatedClaims({ actor: user, input });
    refresh(input.articleId);
    return { submitted: submitted.length };
  },
);
