"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/session";
import {
  createClaim,
  deleteClaim,
  getClaimById,
  submitClaim,
  submitRatedClaims,
  updateClaim,
} from "@/lib/data/claims";
import { getThreadDigest } from "@/lib/data/threads";
import { AppError } from "@/lib/errors";
import { toThreadSummary } from "@/components/thread-types";
import { toClaimDetails } from "@/components/workspace-claim";
import {
  claimIdSchema,
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

/**
 * An opened claim's details on the article page (notes, sources, who rated and approved it, its
 * thread's digest): the page sends only the list's lines, and loads these when a claim is opened.
 * Any signed-in account may read them, as it may read the page.
 */
export const claimDetailsAction = authedAction({ schema: claimIdSchema }, async ({ id }) => {
  const [claim, digest] = await Promise.all([getClaimById({ id }), getThreadDigest({ claimId: id })]);
  if (!claim)
    throw new AppError("not_found", "This claim does not exist or was deleted.", {
      details: { reason: "claim_not_found" },
    });
  return toClaimDetails(claim, digest ? toThreadSummary(digest) : null);
});
