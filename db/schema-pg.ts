// The PostgreSQL twin of db/schema.ts: the same tables, columns and indexes, with identical row
// types ($inferSelect; checked by db/schema-parity.ts). Timestamps are timestamptz read as Date
// (millisecond precision, as JavaScript dates), json columns jsonb, ids identity columns.
// Migrations: `npm run db:generate:pg` (drizzle-pg.config.ts) into db/migrations-pg, plus the
// custom ones for the full-text search, the append-only triggers and the change counter.
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  COMMENT_CHANNELS,
  EVENT_TYPES,
  LANGUAGES,
  REPLY_OUTCOMES,
  ROLES,
  STAGES,
  VERDICTS,
} from "../lib/review/model";
import { ADMIN_AUDIT_ACTIONS } from "./schema";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });
const createdAt = () => time("created_at").notNull().defaultNow();
// bigint (as numbers) throughout: SQLite integers are 64-bit, so any id or offset one accepts the
// other does too.
const id = () => int("id").primaryKey().generatedByDefaultAsIdentity();
function int(name: string) {
  return bigint(name, { mode: "number" });
}

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale", { enum: ["en", "fr"] }),
  active: boolean("active").notNull().default(true),
  sessionVersion: int("session_version").notNull().default(1),
  createdAt: createdAt(),
});

export const articles = pgTable(
  "articles",
  {
    id: id(),
    title: text("title").notNull(),
    outlet: text("outlet"),
    url: text("url"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    publishedAt: text("published_at"),
    authors: text("authors"),
    body: text("body").notNull(),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at").notNull(),
    version: int("version").notNull().default(1),
  },
  (t) => [
    index("articles_created_at_idx").on(t.createdAt),
    index("articles_published_at_idx").on(t.publishedAt),
    index("articles_title_idx").on(t.title),
  ],
);

export const claims = pgTable(
  "claims",
  {
    id: id(),
    articleId: int("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    start: int("start").notNull(),
    end: int("end").notNull(),
    quote: text("quote").notNull(),
    statement: text("statement").notNull(),
    speaker: text("speaker"),
    verdict: text("verdict", { enum: VERDICTS }).notNull().default("unrated"),
    verdictNote: text("verdict_note"),
    silentParty: text("silent_party"),
    suggestedVerdict: text("suggested_verdict", { enum: VERDICTS }),
    suggestedSilentParty: text("suggested_silent_party"),
    stage: text("stage", { enum: STAGES }).notNull().default("draft"),
    version: int("version").notNull().default(1),
    ratedById: int("rated_by_id").references(() => users.id),
    ratedAt: time("rated_at"),
    submittedById: int("submitted_by_id").references(() => users.id),
    submittedAt: time("submitted_at"),
    approvedById: int("approved_by_id").references(() => users.id),
    approvedAt: time("approved_at"),
    returnNote: text("return_note"),
    returnedById: int("returned_by_id").references(() => users.id),
    returnedAt: time("returned_at"),
    reviewTakenById: int("review_taken_by_id").references(() => users.id),
    reviewTakenAt: time("review_taken_at"),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedById: int("updated_by_id")
      .notNull()
      .references(() => users.id),
    updatedAt: time("updated_at").notNull(),
  },
  (t) => [
    index("claims_article_start_idx").on(t.articleId, t.start),
    index("claims_queue_idx").on(t.stage, t.submittedAt),
    index("claims_stage_article_idx").on(t.stage, t.articleId),
    index("claims_stage_speaker_idx").on(t.stage, t.speaker),
    index("claims_stage_rater_idx").on(t.stage, t.ratedById),
    index("claims_stage_submitter_idx").on(t.stage, t.submittedById),
    index("claims_speaker_idx").on(t.speaker),
    index("claims_rated_idx").on(t.ratedAt, t.verdict, t.articleId, t.speaker),
  ],
);

export const claimSources = pgTable(
  "claim_sources",
  {
    id: id(),
    claimId: int("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    position: int("position").notNull(),
    url: text("url").notNull(),
    title: text("title"),
  },
  (t) => [index("claim_sources_claim_idx").on(t.claimId, t.position)],
);

export const claimEvents = pgTable(
  "claim_events",
  {
    id: id(),
    claimId: int("claim_id").notNull(),
    articleId: int("article_id").notNull(),
    actorId: int("actor_id")
      .notNull()
      .references(() => users.id),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_events_claim_idx").on(t.claimId, t.id),
    index("claim_events_article_idx").on(t.articleId, t.id),
    index("claim_events_actor_idx").on(t.actorId, t.createdAt),
    index("claim_events_type_created_idx").on(t.type, t.createdAt, t.actorId),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: time("last_used_at"),
    revokedAt: time("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

export const adminAudit = pgTable(
  "admin_audit",
  {
    id: id(),
    actorId: int("actor_id")
      .notNull()
      .references(() => users.id),
    action: text("action", { enum: ADMIN_AUDIT_ACTIONS }).notNull(),
    targetUserId: int("target_user_id")
      .notNull()
      .references(() => users.id),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("admin_audit_created_idx").on(t.createdAt, t.id),
    index("admin_audit_target_idx").on(t.targetUserId, t.id),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: time("at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_address_idx").on(t.address, t.at),
    index("sign_in_attempts_at_idx").on(t.at),
  ],
);

export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    bucket: int("bucket").notNull(),
    hits: int("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.bucket] })],
);

export const commentRequests = pgTable(
  "comment_requests",
  {
    id: id(),
    claimId: int("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    articleId: int("article_id").notNull(),
    party: text("party").notNull(),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    contactPressOffice: text("contact_press_office"),
    contactSocial: text("contact_social"),
    channel: text("channel", { enum: COMMENT_CHANNELS }).notNull(),
    askedAt: time("asked_at").notNull(),
    deadline: time("deadline").notNull(),
    askedById: int("asked_by_id")
      .notNull()
      .references(() => users.id),
    notes: text("notes"),
    outcome: text("outcome", { enum: REPLY_OUTCOMES }),
    replyText: text("reply_text"),
    repliedAt: time("replied_at"),
    replyChannel: text("reply_channel", { enum: COMMENT_CHANNELS }),
    replyLoggedById: int("reply_logged_by_id").references(() => users.id),
    replyLoggedAt: time("reply_logged_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("comment_requests_claim_idx").on(t.claimId, t.askedAt),
    index("comment_requests_article_idx").on(t.articleId),
    index("comment_requests_party_idx").on(t.party),
    index("comment_requests_open_idx").on(t.outcome, t.deadline),
  ],
);

export const commentWaivers = pgTable(
  "comment_waivers",
  {
    id: id(),
    claimId: int("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    party: text("party").notNull(),
    reason: text("reason").notNull(),
    recordedById: int("recorded_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("comment_waivers_claim_idx").on(t.claimId)],
);
