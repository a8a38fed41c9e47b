import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  EMAIL_CHOICES,
  EVENT_TYPES,
  LANGUAGES,
  NOTIFICATION_KINDS,
  ROLES,
  STAGES,
  VERDICTS,
  WEBHOOK_EVENTS,
  type EmailChoice,
  type NotificationKind,
  type WebhookEvent,
} from "../lib/review/model";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale", { enum: ["en", "fr"] }),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Bumped on deactivation or password reset: every session token carrying an older value stops working.
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    outlet: text("outlet"),
    url: text("url"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    publishedAt: text("published_at"),
    // As the page or the editor names them, comma-separated ("Maya Gebeily, Anthony Deutsch").
    authors: text("authors"),
    body: text("body").notNull(),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("articles_created_at_idx").on(t.createdAt),
    index("articles_published_at_idx").on(t.publishedAt),
    index("articles_title_idx").on(t.title),
  ],
);
export type Article = typeof articles.$inferSelect;

export const claims = sqliteTable(
  "claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    quote: text("quote").notNull(),
    statement: text("statement").notNull(),
    speaker: text("speaker"),
    verdict: text("verdict", { enum: VERDICTS }).notNull().default("unrated"),
    verdictNote: text("verdict_note"),
    silentParty: text("silent_party"),
    // A verdict the analyser proposed (an accepted suggestion): shown beside the verdict field
    // until a person picks one; never counted as a verdict, nobody is recorded as its rater.
    suggestedVerdict: text("suggested_verdict", { enum: VERDICTS }),
    suggestedSilentParty: text("suggested_silent_party"),
    stage: text("stage", { enum: STAGES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    ratedById: integer("rated_by_id").references(() => users.id),
    ratedAt: integer("rated_at", { mode: "timestamp_ms" }),
    submittedById: integer("submitted_by_id").references(() => users.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    approvedById: integer("approved_by_id").references(() => users.id),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    returnNote: text("return_note"),
    returnedById: integer("returned_by_id").references(() => users.id),
    returnedAt: integer("returned_at", { mode: "timestamp_ms" }),
    reviewTakenById: integer("review_taken_by_id").references(() => users.id),
    reviewTakenAt: integer("review_taken_at", { mode: "timestamp_ms" }),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("claims_article_start_idx").on(t.articleId, t.start),
    index("claims_queue_idx").on(t.stage, t.submittedAt),
    // The queue's filters (articles, speakers, raters with claims waiting) read these alone, and
    // "returned to me" (rated or submitted by me, back in draft) is one search in each of the last two.
    index("claims_stage_article_idx").on(t.stage, t.articleId),
    index("claims_stage_speaker_idx").on(t.stage, t.speaker),
    index("claims_stage_rater_idx").on(t.stage, t.ratedById),
    index("claims_stage_submitter_idx").on(t.stage, t.submittedById),
    index("claims_speaker_idx").on(t.speaker),
    // The insights page: claims rated in a period, counted by week, verdict, article and speaker
    // from the index alone.
    index("claims_rated_idx").on(t.ratedAt, t.verdict, t.articleId, t.speaker),
  ],
);
export type Claim = typeof claims.$inferSelect;

export const claimSources = sqliteTable(
  "claim_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    url: text("url").notNull(),
    title: text("title"),
  },
  (t) => [index("claim_sources_claim_idx").on(t.claimId, t.position)],
);
export type ClaimSource = typeof claimSources.$inferSelect;

// Append-only (triggers in the migrations refuse UPDATE and DELETE). No foreign key to claims:
// the history of a deleted claim stays.
export const claimEvents = sqliteTable(
  "claim_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id").notNull(),
    articleId: integer("article_id").notNull(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_events_claim_idx").on(t.claimId, t.id),
    index("claim_events_article_idx").on(t.articleId, t.id),
    index("claim_events_actor_idx").on(t.actorId, t.createdAt),
    // The insights page: approvals and returns in a period, by reviewer.
    index("claim_events_type_created_idx").on(t.type, t.createdAt, t.actorId),
  ],
);
export type ClaimEvent = typeof claimEvents.$inferSelect;

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

export const ADMIN_AUDIT_ACTIONS = [
  "account.created",
  "account.role_changed",
  "account.deactivated",
  "account.reactivated",
  "account.password_reset",
  "account.password_changed",
] as const;
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number];

// Append-only record of what was done to accounts, and by whom (triggers refuse UPDATE and DELETE).
// before/after hold the changed fields only, never a password or its hash.
export const adminAudit = sqliteTable(
  "admin_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    action: text("action", { enum: ADMIN_AUDIT_ACTIONS }).notNull(),
    targetUserId: integer("target_user_id")
      .notNull()
      .references(() => users.id),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("admin_audit_created_idx").on(t.createdAt, t.id),
    index("admin_audit_target_idx").on(t.targetUserId, t.id),
  ],
);
export type AdminAuditEntry = typeof adminAudit.$inferSelect;

// Sign-in attempts of the last 15 minutes, for throttling. A row is written before the password is
// checked (so parallel guesses count) and the account's rows are removed when a sign-in succeeds.
// Kept in SQLite so that the limit holds across restarts and server processes.
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_address_idx").on(t.address, t.at),
    index("sign_in_attempts_at_idx").on(t.at),
  ],
);
export type SignInAttempt = typeof signInAttempts.$inferSelect;

// API requests per token and minute, as counters per fixed window: the limit is checked against
// this window's count plus the share of the previous window still inside the sliding minute. In
// the database, so that it holds across server processes and machines.
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    bucket: integer("bucket").notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.bucket] })],
);
export type RateLimit = typeof rateLimits.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Notifications, the outbox (e-mail and webhooks) and webhooks
// ---------------------------------------------------------------------------------------------

export {
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
  WEBHOOK_EVENTS,
  type EmailChoice,
  type NotificationKind,
  type WebhookEvent,
};
/** A notification's e-mail: none asked for, waiting in the outbox, or sent. */
export const EMAIL_STATES = ["none", "pending", "sent"] as const;

// One row per person told of something. readAt is state (the inbox), not history.
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    articleId: integer("article_id"),
    claimId: integer("claim_id"),
    // A short text to show with it (a return note, a message's first words).
    note: text("note"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    emailState: text("email_state", { enum: EMAIL_STATES }).notNull().default("none"),
    // The e-mail this notification goes out in: one per recipient and action, or the day's digest.
    emailBatch: text("email_batch"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId, t.readAt),
    index("notifications_batch_idx").on(t.userId, t.emailBatch, t.emailState),
  ],
);
export type Notification = typeof notifications.$inferSelect;

export const notificationPrefs = sqliteTable(
  "notification_prefs",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    email: text("email", { enum: EMAIL_CHOICES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
export type NotificationPref = typeof notificationPrefs.$inferSelect;

export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  // Kept as given: the desk signs with it (HMAC-SHA256), so it cannot be a hash.
  secret: text("secret").notNull(),
  events: text("events", { mode: "json" }).$type<WebhookEvent[]>().notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
export type Webhook = typeof webhooks.$inferSelect;

export const OUTBOX_KINDS = ["email", "webhook"] as const;
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// What leaves the desk, kept until it has: e-mails and webhook deliveries, claimed by one worker
// at a time (a guarded UPDATE … WHERE status = 'pending'), retried with backoff.
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    // One row per key: the e-mail of a recipient's batch, or null (every webhook delivery).
    dedupeKey: text("dedupe_key"),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    webhookId: integer("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event"),
    // E-mail: { batch }; webhook: the JSON body as sent, the same on every attempt.
    payload: text("payload").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: integer("run_after", { mode: "timestamp_ms" }).notNull(),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_idx").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.runAfter),
    index("outbox_webhook_idx").on(t.webhookId, t.id),
  ],
);
export type OutboxRow = typeof outbox.$inferSelect;

// Append-only log of every webhook attempt (triggers refuse UPDATE and DELETE).
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id").notNull(),
    outboxId: integer("outbox_id").notNull(),
    event: text("event").notNull(),
    attempt: integer("attempt").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    responseCode: integer("response_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_webhook_idx").on(t.webhookId, t.id)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
