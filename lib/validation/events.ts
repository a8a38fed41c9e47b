// What a claim's history records, per event type: checked when an event is written
// (lib/data/claims/events.ts recordEvent) and when the history is read (getClaimHistory), as
// documenso types its audit log (packages/lib/types/document-audit-logs.ts). The rows are JSON in
// claim_events.before/after: a change here may need a migration of the rows already stored.
import { COMMENT_CHANNELS, REPLY_OUTCOMES, STAGES, VERDICTS } from "@/lib/review/model";
import { z } from "./zod";

const source = z.strictObject({ url: z.string(), title: z.string().nullable() });

// The fields of a claim an event can record (lib/data/claims/events.ts TRACKED), and its stage.
const fields = {
  statement: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  speaker: z.string().nullable(),
  verdict: z.enum(VERDICTS),
  verdictNote: z.string().nullable(),
  silentParty: z.string().nullable(),
  sources: z.array(source),
};
const stage = z.enum(STAGES);

/** The whole claim: what a creation leaves and a deletion removes. */
const snapshot = z.strictObject(fields);
/** A creation from an accepted suggestion: its verdict was proposed, never given (issue 13.9). */
const created = snapshot.extend({
  origin: z.literal("suggestion").optional(),
  suggestedVerdict: z.enum(VERDICTS).nullable().optional(),
  suggestedSilentParty: z.string().nullable().optional(),
});
/** The fields an edit changed, before or after it, and the stage when the edit moved it. */
const changes = z.strictObject({ ...fields, stage }).partial();
/** After an edit that replaced someone else's verdict: whose it was, and at which stage. */
const changesAfter = changes.extend({
  override: z.strictObject({ id: z.number().int(), name: z.string(), stage }).optional(),
});
const stageOnly = z.strictObject({ stage });
const note = z.string().nullable();

// Right of reply: the request as sent, the reply as logged (with the stage it moved the claim to),
// the party recorded as not contacted.
const commentRequested = z.strictObject({
  requestId: z.number().int(),
  party: z.string(),
  channel: z.enum(COMMENT_CHANNELS),
  askedAt: z.string(),
  deadline: z.string(),
});
const replyRecorded = z.strictObject({
  requestId: z.number().int(),
  party: z.string(),
  outcome: z.enum(REPLY_OUTCOMES),
  channel: z.enum(COMMENT_CHANNELS),
  repliedAt: z.string(),
  stage: stage.optional(),
});
const notContacted = z.strictObject({ party: z.string(), reason: z.string() });

export const claimEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("created"), before: z.null(), after: created, note }),
  z.strictObject({ type: z.literal("edited"), before: changes, after: changesAfter, note }),
  z.strictObject({ type: z.literal("rated"), before: changes, after: changesAfter, note }),
  z.strictObject({ type: z.literal("submitted"), before: stageOnly, after: stageOnly, note }),
  z.strictObject({ type: z.literal("approved"), before: stageOnly, after: stageOnly, note }),
  // The note is the reviewer's reason, shown to the editor.
  z.strictObject({ type: z.literal("returned"), before: stageOnly, after: stageOnly, note: z.string() }),
  z.strictObject({
    type: z.literal("deleted"),
    before: snapshot.extend({ stage }),
    after: z.null(),
    note,
  }),
  // Taking and releasing a claim for review change no field of it.
  z.strictObject({ type: z.literal("review_taken"), before: z.null(), after: z.null(), note }),
  z.strictObject({ type: z.literal("review_released"), before: z.null(), after: z.null(), note }),
  z.strictObject({ type: z.literal("comment_requested"), before: z.null(), after: commentRequested, note }),
  z.strictObject({
    type: z.literal("reply_recorded"),
    before: stageOnly.nullable(),
    after: replyRecorded,
    note,
  }),
  z.strictObject({ type: z.literal("not_contacted"), before: z.null(), after: notContacted, note }),
]);

/** One event's type and payload, as stored and as the history shows it. */
export type ClaimEventPayload = z.output<typeof claimEventSchema>;
export type ClaimSnapshot = z.output<typeof snapshot>;
export type ClaimChanges = z.output<typeof changes>;
