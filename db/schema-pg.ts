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
  ANCHOR_STATES,
  COMMENT_CHANNELS,
  EVENT_TYPES,
  FILE_KINDS,
  LANGUAGES,
  PUBLISH_CHANNELS,
  REPLY_OUTCOMES,
  REVISION_SOURCES,
  ROLES,
  SOURCE_KINDS,
  STAGES,
  VERDICTS,
} from "../lib/review/model";
import {
  ADMIN_AUDIT_ACTIONS,
  EMAIL_CHOICES,
  EMAIL_STATES,
  LIVE_AUDIENCES,
  MESSAGE_KINDS,
  NOTIFICATION_KINDS,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  type WebhookEvent,
} from "./schema";

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
    ownerId: int("owner_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at").notNull(),
    version: int("version").notNull().default(1),
  },
  (t) => [
    index("articles_created_at_idx").on(t.createdAt),
    index("articles_owner_idx").on(t.ownerId, t.createdAt),
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
    assignedToId: int("assigned_to_id").references(() => users.id),
    assignedAt: time("assigned_at"),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedById: int("updated_by_id")
      .notNull()
      .references(() => users.id),
    updatedAt: time("updated_at").notNull(),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }).notNull().default("exact"),
    anchorRevision: int("anchor_revision").notNull().default(1),
    anchorProposal: jsonb("anchor_proposal").$type<Record<string, unknown> | null>(),
    reviewReason: text("review_reason"),
  },
  (t) => [
    index("claims_anchor_state_idx").on(t.anchorState, t.articleId),
    index("claims_article_start_idx").on(t.articleId, t.start),
    index("claims_queue_idx").on(t.stage, t.submittedAt),
    index("claims_stage_article_idx").on(t.stage, t.articleId),
    index("claims_stage_speaker_idx").on(t.stage, t.speaker),
    index("claims_stage_rater_idx").on(t.stage, t.ratedById),
    index("claims_stage_submitter_idx").on(t.stage, t.submittedById),
    index("claims_speaker_idx").on(t.speaker),
    index("claims_stage_assigned_idx").on(t.stage, t.assignedToId),
    index("claims_rated_idx").on(t.ratedAt, t.verdict, t.articleId, t.speaker),
  ],
);

export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: id(),
    articleId: int("article_id")
      .notNull()
      .references(() => articles.id),
    number: int("number").notNull(),
    body: text("body").notNull(),
    source: text("source", { enum: REVISION_SOURCES }).notNull(),
    origin: text("origin"),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("article_revisions_number_idx").on(t.articleId, t.number)],
);

export const claimSources = pgTable(
  "claim_sources",
  {
    id: id(),
    claimId: int("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    position: int("position").notNull(),
    kind: text("kind", { enum: SOURCE_KINDS }).notNull().default("web"),
    url: text("url"),
    title: text("title"),
    party: text("party"),
    occurredAt: text("occurred_at"),
    agency: text("agency"),
    reference: text("reference"),
    body: text("body"),
    fileId: int("file_id").references(() => sourceFiles.id),
    snapshotId: int("snapshot_id").references(() => sourceFiles.id),
  },
  (t) => [index("claim_sources_claim_idx").on(t.claimId, t.position)],
);

export const sourceFiles = pgTable(
  "source_files",
  {
    id: id(),
    articleId: int("article_id").notNull(),
    kind: text("kind", { enum: FILE_KINDS }).notNull(),
    storageKey: text("storage_key").notNull().unique(),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: int("size").notNull(),
    sha256: text("sha256").notNull(),
    url: text("url"),
    finalUrl: text("final_url"),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("source_files_article_idx").on(t.articleId, t.id)],
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

export const claimMessages = pgTable(
  "claim_messages",
  {
    id: id(),
    claimId: int("claim_id").notNull(),
    articleId: int("article_id").notNull(),
    authorId: int("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull().default("message"),
    createdAt: createdAt(),
  },
  (t) => [index("claim_messages_claim_idx").on(t.claimId, t.id)],
);

export const claimMessageVersions = pgTable(
  "claim_message_versions",
  {
    id: id(),
    messageId: int("message_id")
      .notNull()
      .references(() => claimMessages.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("claim_message_versions_message_idx").on(t.messageId, t.id)],
);

export const claimMentions = pgTable(
  "claim_mentions",
  {
    id: id(),
    messageId: int("message_id")
      .notNull()
      .references(() => claimMessages.id),
    versionId: int("version_id")
      .notNull()
      .references(() => claimMessageVersions.id),
    claimId: int("claim_id").notNull(),
    articleId: int("article_id").notNull(),
    mentionedId: int("mentioned_id")
      .notNull()
      .references(() => users.id),
    actorId: int("actor_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_mentions_mentioned_idx").on(t.mentionedId, t.id),
    index("claim_mentions_message_idx").on(t.messageId),
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

export const nameVariants = pgTable("name_variants", {
  id: id(),
  name: text("name").notNull(),
  key: text("key").notNull().unique(),
  preferred: text("preferred").notNull(),
  createdById: int("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});
export const summaryVersions = pgTable(
  "summary_versions",
  {
    id: id(),
    articleId: int("article_id")
      .notNull()
      .references(() => articles.id),
    number: int("number").notNull(),
    publishedById: int("published_by_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: PUBLISH_CHANNELS }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    contentHash: text("content_hash").notNull(),
    fingerprint: text("fingerprint").notNull(),
    claimIds: jsonb("claim_ids").$type<number[]>().notNull(),
    md: text("md").notNull(),
    html: text("html").notNull(),
    json: text("json").notNull(),
    csv: text("csv").notNull(),
    claimreview: text("claimreview").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("summary_versions_article_number_idx").on(t.articleId, t.number),
    index("summary_versions_created_idx").on(t.createdAt),
  ],
);

export const claimCorrections = pgTable(
  "claim_corrections",
  {
    id: id(),
    articleId: int("article_id")
      .notNull()
      .references(() => articles.id),
    claimId: int("claim_id").notNull(),
    versionId: int("version_id")
      .notNull()
      .references(() => summaryVersions.id),
    note: text("note").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    createdById: int("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_corrections_article_idx").on(t.articleId, t.id),
    index("claim_corrections_claim_idx").on(t.claimId, t.versionId),
    index("claim_corrections_created_idx").on(t.createdAt),
  ],
);

export const liveEvents = pgTable("live_events", {
  id: id(),
  kind: text("kind").notNull(),
  articleId: int("article_id"),
  claimId: int("claim_id"),
  actorId: int("actor_id"),
  recipientId: int("recipient_id"),
  audience: text("audience", { enum: LIVE_AUDIENCES }).notNull().default("everyone"),
  sourceId: int("source_id"),
  createdAt: createdAt(),
});

export const presence = pgTable(
  "presence",
  {
    userId: int("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    seenAt: time("seen_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.subject] }),
    index("presence_subject_idx").on(t.subject, t.seenAt),
  ],
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
    // A document that came with the reply (a letter, a statement as PDF): a kept file of the article.
    replyFileId: int("reply_file_id").references(() => sourceFiles.id),
    deadlineToldAt: time("deadline_told_at"),
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

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: int("actor_id").references(() => users.id),
    articleId: int("article_id"),
    claimId: int("claim_id"),
    note: text("note"),
    readAt: time("read_at"),
    emailState: text("email_state", { enum: EMAIL_STATES }).notNull().default("none"),
    emailBatch: text("email_batch"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId, t.readAt),
    index("notifications_batch_idx").on(t.userId, t.emailBatch, t.emailState),
  ],
);

export const notificationPrefs = pgTable(
  "notification_prefs",
  {
    userId: int("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    email: text("email", { enum: EMAIL_CHOICES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const webhooks = pgTable("webhooks", {
  id: id(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  events: jsonb("events").$type<WebhookEvent[]>().notNull(),
  active: boolean("active").notNull().default(true),
  createdById: int("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  updatedAt: time("updated_at").notNull(),
});

export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    dedupeKey: text("dedupe_key"),
    userId: int("user_id").references(() => users.id, { onDelete: "cascade" }),
    webhookId: int("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event"),
    payload: text("payload").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: int("attempts").notNull().default(0),
    runAfter: time("run_after").notNull(),
    lockedUntil: time("locked_until"),
    lastError: text("last_error"),
    sentAt: time("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_idx").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.runAfter),
    index("outbox_webhook_idx").on(t.webhookId, t.id),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    webhookId: int("webhook_id").notNull(),
    outboxId: int("outbox_id").notNull(),
    event: text("event").notNull(),
    attempt: int("attempt").notNull(),
    ok: boolean("ok").notNull(),
    responseCode: int("response_code"),
    durationMs: int("duration_ms").notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_webhook_idx").on(t.webhookId, t.id)],
);
