// The vocabulary of DESIGN.md as const tuples: the schema, the zod schemas, the state machine
// and the UI all import these, so a new verdict or stage is added in one place.
export const ROLES = ["editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const VERDICTS = ["unrated", "confirmed", "disputed", "uncommented"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STAGES = ["draft", "in_review", "approved"] as const;
export type Stage = (typeof STAGES)[number];

export const LANGUAGES = ["fr", "en", "other"] as const;
export type Language = (typeof LANGUAGES)[number];

export const EVENT_TYPES = [
  "created",
  "edited",
  "rated",
  "submitted",
  "approved",
  "returned",
  "deleted",
  "review_taken",
  "review_released",
  // The article got a new revision and the claim's words could not be found unchanged (issue 16):
  // "reanchored" records the state it was left in, "anchor_resolved" how a person settled it.
  "reanchored",
  "anchor_resolved",
  // Living articles (issue 16): an approval taken back within UNDO_WINDOW_MS by its reviewer, and
  // an approved claim sent back to the queue with a reason. Neither edits an earlier event.
  "approval_withdrawn",
  "reopened",
  // The claim's discussion and who it is given to (lib/data/threads.ts); none changes a field.
  "message_posted",
  "message_edited",
  "assigned",
  // Right of reply (lib/data/comment-requests.ts): a request for comment sent, a reply or a
  // refusal to comment recorded, a party recorded as deliberately not contacted.
  "comment_requested",
  "reply_recorded",
  "not_contacted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where a claim's words stand on the article's latest revision (lib/text/reanchor.ts). */
export const ANCHOR_STATES = ["exact", "changed", "ambiguous", "orphaned"] as const;
export type AnchorStateName = (typeof ANCHOR_STATES)[number];

/** How a revision of an article's body came in. */
export const REVISION_SOURCES = ["creation", "paste", "file", "link", "edit", "migration"] as const;
export type RevisionSource = (typeof REVISION_SOURCES)[number];

/** How a summary version was published: the "Publish summary" button, or an API export marked as publication. */
export const PUBLISH_CHANNELS = ["app", "api"] as const;
export type PublishChannel = (typeof PUBLISH_CHANNELS)[number];
/** The kinds of evidence a claim's source can be (lib/evidence/model.ts). */
export const SOURCE_KINDS = ["web", "document", "call", "message", "wire", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a kept file is: a document someone uploaded, or the desk's snapshot of a web page. */
export const FILE_KINDS = ["document", "snapshot"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** How a request for comment went out, or how its reply came in. */
export const COMMENT_CHANNELS = ["email", "phone", "press_office", "social", "in_person", "other"] as const;
export type CommentChannel = (typeof COMMENT_CHANNELS)[number];

/** What came back: an answer, or an explicit refusal to comment. No outcome yet: waiting or overdue. */
export const REPLY_OUTCOMES = ["answered", "declined"] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

// ---------------------------------------------------------------------------------------------
// Notifications and webhooks (lib/data/notifications.ts, lib/data/outbox.ts)
// ---------------------------------------------------------------------------------------------
export const NOTIFICATION_KINDS = [
  "returned",
  "approved",
  "article_verified",
  "mentioned",
  "assigned",
  "deadline_passed",
  "summary_published",
  "correction_published",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What goes by e-mail as well: nothing, one message per action, or a daily digest. */
export const EMAIL_CHOICES = ["off", "immediate", "digest"] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

export const WEBHOOK_EVENTS = [
  "article.verified",
  "claim.approved",
  "summary.published",
  "correction.published",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
