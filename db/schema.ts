import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  COMMENT_CHANNELS,
  EVENT_TYPES,
  LANGUAGES,
  REPLY_OUTCOMES,
  ROLES,
  STAGES,
  VERDICTS,
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

// Right of reply: the requests for comment a desk sent about a claim, each with its party, contact,
// channel, time asked and deadline; the reply (or refusal) is written onto the request once, when it
// arrives (outcome null: waiting, or overdue once the deadline passed; computed, never stored). The
// history of both is in claim_events (comment_requested, reply_recorded).
export const commentRequests = sqliteTable(
  "comment_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    articleId: integer("article_id").notNull(),
    party: text("party").notNull(),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    contactPressOffice: text("contact_press_office"),
    contactSocial: text("contact_social"),
    channel: text("channel", { enum: COMMENT_CHANNELS }).notNull(),
    askedAt: integer("asked_at", { mode: "timestamp_ms" }).notNull(),
    deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
    askedById: integer("asked_by_id")
      .notNull()
      .references(() => users.id),
    notes: text("notes"),
    outcome: text("outcome", { enum: REPLY_OUTCOMES }),
    replyText: text("reply_text"),
    repliedAt: integer("replied_at", { mode: "timestamp_ms" }),
    replyChannel: text("reply_channel", { enum: COMMENT_CHANNELS }),
    replyLoggedById: integer("reply_logged_by_id").references(() => users.id),
    replyLoggedAt: integer("reply_logged_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("comment_requests_claim_idx").on(t.claimId, t.askedAt),
    index("comment_requests_article_idx").on(t.articleId),
    // Insights per party, and the overdue requests now (no outcome, deadline passed).
    index("comment_requests_party_idx").on(t.party),
    index("comment_requests_open_idx").on(t.outcome, t.deadline),
  ],
);
export type CommentRequest = typeof commentRequests.$inferSelect;

// A party the desk decided not to contact for a claim, and why: the other way an "uncommented"
// verdict may stand (lib/review/rules.ts checkRightOfReply).
export const commentWaivers = sqliteTable(
  "comment_waivers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    party: text("party").notNull(),
    reason: text("reason").notNull(),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("comment_waivers_claim_idx").on(t.claimId)],
);
export type CommentWaiver = typeof commentWaivers.$inferSelect;
