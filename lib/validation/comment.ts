// Right of reply: what a request for comment, a reply and a "not contacted" note carry, shared by
// the claim page's forms, the server actions and the API. Times are strings here (a form's
// "2026-12-01T14:00" in the desk's zone, or ISO with an offset); the data layer reads them in the
// desk's zone and checks their order (lib/data/comment-requests.ts).
import { COMMENT_CHANNELS, REPLY_OUTCOMES } from "@/lib/review/model";
import { lineText, multilineText } from "./text";
import { z } from "./zod";

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const time = z.string().trim().min(1, { error: "required" }).max(40, { error: "invalidTime" });
const optionalLine = (max: number) => lineText().max(max, { error: "tooLong" }).default("");

/** A request's own fields: the claim and the party aside (the claim form writes them once). */
export const requestFields = z.object({
  contactEmail: optionalLine(200).refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: "invalidEmail",
  }),
  contactPhone: optionalLine(60),
  contactPressOffice: optionalLine(200),
  contactSocial: optionalLine(200),
  channel: z.enum(COMMENT_CHANNELS, { error: "invalidChannel" }),
  askedAt: time,
  deadline: time,
  notes: multilineText().max(4000, { error: "tooLong" }).default(""),
});

const party = lineText().min(1, { error: "required" }).max(200, { error: "tooLong" });
const reason = multilineText().min(1, { error: "required" }).max(2000, { error: "tooLong" });

export const createCommentRequestSchema = z.object({
  claimId: id,
  party,
  ...requestFields.shape,
});
export type CreateCommentRequestInput = z.input<typeof createCommentRequestSchema>;

/** A reply's fields, without the refinement, so that the API can derive its body. */
export const replyFields = z.object({
  claimId: id,
  requestId: id,
  outcome: z.enum(REPLY_OUTCOMES, { error: "invalidOutcome" }),
  text: multilineText().max(20_000, { error: "tooLong" }).default(""),
  repliedAt: time,
  channel: z.enum(COMMENT_CHANNELS, { error: "invalidChannel" }),
});

export const recordReplySchema = replyFields.superRefine((value, ctx) => {
  if (value.outcome === "answered" && value.text === "") {
    ctx.addIssue({ code: "custom", path: ["text"], message: "replyTextRequired" });
  }
});
export type RecordReplyInput = z.input<typeof recordReplySchema>;

export const notContactedSchema = z.object({ claimId: id, party, reason });
export type NotContactedInput = z.input<typeof notContactedSchema>;

/**
 * The right of reply given with a claim (the claim form, the API's create and update): a request
 * for comment to the silent party, or a note that it was not contacted and why. The party is the
 * claim's silent party, written once; recorded in the claim's transaction, before it is submitted.
 */
export const claimRightOfReplySchema = z.discriminatedUnion(
  "kind",
  [requestFields.extend({ kind: z.literal("asked") }), z.object({ kind: z.literal("notContacted"), reason })],
  { error: "invalidRightOfReply" },
);
export type ClaimRightOfReplyInput = z.input<typeof claimRightOfReplySchema>;

/** A claim whose right-of-reply record the claim form reads. */
export const rightOfReplyRefSchema = z.object({ claimId: id });
