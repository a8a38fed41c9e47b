import { lineText, multilineText, quoteText } from "./text";
import { z } from "./zod";
import { VERDICTS } from "@/lib/review/model";
import { sourceSchema } from "./source";
import { claimRightOfReplySchema } from "./comment";

export { sourceSchema };

/** The claim's own fields, without refinements, so the API can derive its variants (defaults, partial). */
export const claimFields = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: quoteText().min(1, { error: "required" }).max(10_000, { error: "tooLong" }),
  statement: lineText().min(1, { error: "required" }).max(1000, { error: "tooLong" }),
  speaker: lineText().max(200, { error: "tooLong" }),
  verdict: z.enum(VERDICTS),
  verdictNote: multilineText().max(4000, { error: "tooLong" }),
  silentParty: lineText().max(200, { error: "tooLong" }),
  sources: z.array(sourceSchema).max(20, { error: "tooMany" }),
});

function requireSilentParty(value: { verdict: string; silentParty: string }, ctx: z.RefinementCtx) {
  if (value.verdict === "uncommented" && value.silentParty.trim() === "") {
    ctx.addIssue({ code: "custom", path: ["silentParty"], message: "silentPartyRequired" });
  }
}

/** A right of reply given with the claim fits only an `uncommented` verdict (its silent party is the request's). */
function rightOfReplyFits(value: { verdict: string; rightOfReply?: unknown }, ctx: z.RefinementCtx) {
  if (value.rightOfReply !== undefined && value.verdict !== "uncommented") {
    ctx.addIssue({ code: "custom", path: ["rightOfReply"], message: "rightOfReplyNeedsUncommented" });
  }
}

function spanInOrder(value: { start: number; end: number }, ctx: z.RefinementCtx) {
  if (value.end <= value.start) ctx.addIssue({ code: "custom", path: ["end"], message: "invalidSpan" });
}

/** The claim form's fields, shared by the form, the server action and the API. */
export const claimFormSchema = claimFields.superRefine(requireSilentParty).superRefine(spanInOrder);
export type ClaimFormInput = z.input<typeof claimFormSchema>;
export type ClaimFormValues = z.output<typeof claimFormSchema>;

/**
 * What the analyser proposed for an accepted suggestion. It is kept beside the claim as a
 * proposal: the claim's own verdict stays whatever a person picked (unrated when nobody did).
 */
export const claimProposalSchema = z.object({
  verdict: z.enum(VERDICTS).nullable(),
  silentParty: z.string().trim().max(200, { error: "tooLong" }).default(""),
});
export type ClaimProposal = z.input<typeof claimProposalSchema>;

export const createClaimSchema = claimFields
  .extend({
    articleId: z.number().int().positive(),
    submit: z.boolean().default(false),
    /** Set when the claim comes from a suggestion of the analyser. */
    suggestion: claimProposalSchema.optional(),
    /** The request for comment to the silent party, or why it was not contacted (right of reply). */
    rightOfReply: claimRightOfReplySchema.optional(),
  })
  .superRefine(requireSilentParty)
  .superRefine(rightOfReplyFits)
  .superRefine(spanInOrder);
export type CreateClaimInput = z.input<typeof createClaimSchema>;

export const updateClaimSchema = claimFields
  .extend({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    submit: z.boolean().default(false),
    /**
     * Why a claim of a published summary changes (issue 16): required for the first change of a
     * claim that the latest published version carries, printed in the next version's corrections.
     */
    correctionNote: multilineText().max(4000, { error: "tooLong" }).optional(),
    rightOfReply: claimRightOfReplySchema.optional(),
  })
  .superRefine(requireSilentParty)
  .superRefine(rightOfReplyFits)
  .superRefine(spanInOrder);
export type UpdateClaimInput = z.input<typeof updateClaimSchema>;

/** A claim opened on the article page, whose details load then. */
export const claimIdSchema = z.object({ id: z.number().int().positive() });

export const claimRefSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});
export const returnClaimSchema = z.object({
  id: z.number().int().positive(),
  note: multilineText().min(1, { error: "noteRequired" }).max(4000, { error: "tooLong" }),
  // The version the reviewer saw: a claim that moved meanwhile is not returned blindly.
  version: z.number().int().positive().optional(),
});
export type ReturnClaimInput = z.input<typeof returnClaimSchema>;

/** Reopening an approved claim (issue 16): back to the queue, with the reason in its history. */
export const reopenClaimSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  reason: multilineText().min(1, { error: "noteRequired" }).max(4000, { error: "tooLong" }),
});
export type ReopenClaimInput = z.input<typeof reopenClaimSchema>;

/** "Submit all rated claims (N)": the rated drafts the person saw, at the versions they saw. */
export const submitRatedClaimsSchema = z.object({
  articleId: z.number().int().positive(),
  claims: z.array(claimRefSchema).min(1, { error: "required" }).max(1000, { error: "tooMany" }),
});
export type SubmitRatedClaimsInput = z.input<typeof submitRatedClaimsSchema>;
