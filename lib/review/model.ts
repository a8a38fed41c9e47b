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
