// What a claim's history records, per event type: checked when an event is written
// (lib/data/claims/events.ts recordEvent) and when the history is read (getClaimHistory), as
// documenso types its audit log (packages/lib/types/document-audit-logs.ts). The rows are JSON in
// claim_events.before/after: a change here may need a migration of the rows already stored.
import { SOURCE_KINDS } from "@/lib/evidence/model";
import { ANCHOR_STATES, COMMENT_CHANNELS, REPLY_OUTCOMES, STAGES, VERDICTS } from "@/lib/review/model";
import { z } from "./zod";

// A source as recorded: typed (lib/evidence/sources.ts SourceRecord), or, in entries written
// before sources had kinds, a web page's { url, title }.
const nullableText = z.string().nullable();
const source = z.union([
  z.strictObject({
    kind: z.enum(SOURCE_KINDS),
    url: nullableText,
    title: nullableText,
    party: nullableText,
    occurredAt: nullableText,
    agency: nullableText,
    reference: nullableText,
    body: nullableText,
    fileId: z.number().int().nullable(),
    snapshotId: z.number().int().nullable(),
  }),
  z.strictObject({ url: z.string(), title: z.string().nullable() }),
]);

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

// A claim's discussion and assignment (lib/data/threads.ts): who was mentioned, who has it.
const person = z.strictObject({ id: z.number().int(), name: z.string() });
const messageRef = z.number().int();
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
  // The document that came with the reply, kept as evidence.
  fileId: z.number().int().optional(),
  sha256: z.string().optional(),
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
  // A new revision of the article: where the claim's words were, and the state they were left in
  // (changed, ambiguous or orphaned; exact re-anchorings record nothing), with the reason
  // "article_changed_here" when an approved claim went back to review.
  z.strictObject({
    type: z.literal("reanchored"),
    before: z.strictObject({
      stage,
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      revision: z.number().int(),
    }),
    after: z.strictObject({
      stage,
      state: z.enum(ANCHOR_STATES),
      revision: z.number().int(),
      quote: z.string().nullable(),
      candidates: z.number().int(),
      reason: z.literal("article_changed_here").optional(),
    }),
    note,
  }),
  // A person settled a flagged anchor: accepted the proposal, picked a candidate or selected words.
  z.strictObject({
    type: z.literal("anchor_resolved"),
    before: z.strictObject({
      state: z.enum(ANCHOR_STATES),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      revision: z.number().int(),
    }),
    after: z.strictObject({
      how: z.enum(["accepted", "picked", "selected"]),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      revision: z.number().int(),
      stage,
    }),
    note,
  }),
  // Issue 16: an approval undone by its reviewer, and an approved claim reopened with a reason.
  z.strictObject({ type: z.literal("approval_withdrawn"), before: stageOnly, after: stageOnly, note }),
  z.strictObject({ type: z.literal("reopened"), before: stageOnly, after: stageOnly, note: z.string() }),
  // The note is the message's text; an edit keeps the earlier text in `before` (and in the thread).
  z.strictObject({
    type: z.literal("message_posted"),
    before: z.null(),
    after: z.strictObject({
      messageId: messageRef,
      kind: z.enum(["message", "return"]),
      mentions: z.array(person),
    }),
    note: z.string(),
  }),
  z.strictObject({
    type: z.literal("message_edited"),
    before: z.strictObject({ messageId: messageRef, text: z.string() }),
    after: z.strictObject({ messageId: messageRef, mentions: z.array(person) }),
    note: z.string(),
  }),
  z.strictObject({
    type: z.literal("assigned"),
    before: z.strictObject({ assignedTo: person.nullable() }),
    after: z.strictObject({ assignedTo: person.nullable() }),
    note,
  }),
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
