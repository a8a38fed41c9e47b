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
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The kinds of evidence a claim's source can be (lib/evidence/model.ts). */
export const SOURCE_KINDS = ["web", "document", "call", "message", "wire", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a kept file is: a document someone uploaded, or the desk's snapshot of a web page. */
export const FILE_KINDS = ["document", "snapshot"] as const;
export type FileKind = (typeof FILE_KINDS)[number];
