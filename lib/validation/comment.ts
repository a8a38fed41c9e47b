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

export const createCommentRequestSchema = z.object({
  claimId: id,
  party: lineText().min(1, { error: "required" }).max(200, { error: "tooLong" }),
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

export const notContactedSchema = z.object({
  claimId: id,
  party: lineText().min(1, { error: "required" }).max(200, { error: "tooLong" }),
  reason: multilineText().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
});
export type NotContactedInput = z.input<typeof notContactedSchema>;
