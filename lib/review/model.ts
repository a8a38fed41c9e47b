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
  // The claim's discussion and who it is given to (lib/data/threads.ts); none changes a field.
  "message_posted",
  "message_edited",
  "assigned",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
