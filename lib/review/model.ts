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
  // Right of reply (lib/data/comment-requests.ts): a request for comment sent, a reply or a
  // refusal to comment recorded, a party recorded as deliberately not contacted.
  "comment_requested",
  "reply_recorded",
  "not_contacted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How a request for comment went out, or how its reply came in. */
export const COMMENT_CHANNELS = ["email", "phone", "press_office", "social", "in_person", "other"] as const;
export type CommentChannel = (typeof COMMENT_CHANNELS)[number];

/** What came back: an answer, or an explicit refusal to comment. No outcome yet: waiting or overdue. */
export const REPLY_OUTCOMES = ["answered", "declined"] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];
