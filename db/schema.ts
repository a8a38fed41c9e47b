import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
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
    // The editor the article belongs to ("My work"): its creator at first, then whom an editor gives it to.
    ownerId: integer("owner_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("articles_created_at_idx").on(t.createdAt),
    index("articles_owner_idx").on(t.ownerId, t.createdAt),
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
    // The reviewer a claim in review is given to (lib/data/threads.ts assignClaim); not a change of
    // the claim's content, so its version does not move. Four eyes still decides who may approve.
    assignedToId: integer("assigned_to_id").references(() => users.id),
    assignedAt: integer("assigned_at", { mode: "timestamp_ms" }),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    // The text-quote selector beside start/end/quote: some 32 characters before and after the quote
    // on the revision the claim is anchored to (lib/text/reanchor.ts).
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    // Where the claim stands on the article's latest revision; anything but "exact" waits for a person,
    // and start/end/quote/prefix/suffix still describe the words on revision `anchorRevision`.
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }).notNull().default("exact"),
    anchorRevision: integer("anchor_revision").notNull().default(1),
    // changed: { start, end, quote, score }; ambiguous: { candidates }; orphaned: { nearest }.
    anchorProposal: text("anchor_proposal", { mode: "json" }).$type<Record<string, unknown> | null>(),
    // Why a claim that was approved is back in review ("article_changed_here"), until approved again.
    reviewReason: text("review_reason"),
  },
  (t) => [
    index("claims_anchor_state_idx").on(t.anchorState, t.articleId),
    index("claims_article_start_idx").on(t.articleId, t.start),
    index("claims_queue_idx").on(t.stage, t.submittedAt),
    // The queue's filters (articles, speakers, raters with claims waiting) read these alone, and
    // "returned to me" (rated or submitted by me, back in draft) is one search in each of the last two.
    index("claims_stage_article_idx").on(t.stage, t.articleId),
    index("claims_stage_speaker_idx").on(t.stage, t.speaker),
    index("claims_stage_rater_idx").on(t.stage, t.ratedById),
    index("claims_stage_submitter_idx").on(t.stage, t.submittedById),
    index("claims_speaker_idx").on(t.speaker),
    index("claims_stage_assigned_idx").on(t.stage, t.assignedToId),
    // The insights page: claims rated in a period, counted by week, verdict, article and speaker
    // from the index alone.
    index("claims_rated_idx").on(t.ratedAt, t.verdict, t.articleId, t.speaker),
  ],
);
export type Claim = typeof claims.$inferSelect;

// Append-only (triggers refuse UPDATE and DELETE): every body an article has had, numbered from 1
// (the body at creation); articles.body is the latest one.
export const articleRevisions = sqliteTable(
  "article_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    number: integer("number").notNull(),
    body: text("body").notNull(),
    source: text("source", { enum: REVISION_SOURCES }).notNull(),
    // The link that was fetched, or the uploaded file's name.
    origin: text("origin"),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("article_revisions_number_idx").on(t.articleId, t.number)],
);
export type ArticleRevision = typeof articleRevisions.$inferSelect;

export const claimSources = sqliteTable(
  "claim_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // One table for every kind of evidence; each kind fills its own columns, the others stay null
    // (lib/evidence/sources.ts says which): web (url, title, snapshot_id), document (file_id,
    // title), call (party = who, occurred_at, body = notes), message (party = from, occurred_at,
    // body = text), wire (agency, reference, occurred_at), other (body = description).
    kind: text("kind", { enum: SOURCE_KINDS }).notNull().default("web"),
    url: text("url"),
    title: text("title"),
    party: text("party"),
    // As the editor gave it: a date ("2026-07-19") or a local date and time ("2026-07-19T14:00").
    occurredAt: text("occurred_at"),
    agency: text("agency"),
    reference: text("reference"),
    body: text("body"),
    fileId: integer("file_id").references(() => sourceFiles.id),
    snapshotId: integer("snapshot_id").references(() => sourceFiles.id),
  },
  (t) => [index("claim_sources_claim_idx").on(t.claimId, t.position)],
);
export type ClaimSource = typeof claimSources.$inferSelect;

// The files the desk keeps as evidence (documents uploaded, snapshots of web pages), one row per
// file; the bytes live on disk under DESK_FILES_DIR (lib/evidence/files.ts), never in the
// database. Rows are never updated or deleted: a source removed from a claim leaves its file as
// evidence of what was seen. No foreign key to claims, as for claim_events: evidence outlives the article.
export const sourceFiles = sqliteTable(
  "source_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The article whose claims it may support: a document can be uploaded while its claim is being
    // written, before the claim exists; only claims of this article may cite it.
    articleId: integer("article_id").notNull(),
    kind: text("kind", { enum: FILE_KINDS }).notNull(),
    // Relative to DESK_FILES_DIR; chosen by the desk, never by the uploader.
    storageKey: text("storage_key").notNull().unique(),
    // The uploader's file name (documents) or a name made from the page (snapshots).
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    // Snapshots: the address fetched, as given, and where the page was in the end.
    url: text("url"),
    finalUrl: text("final_url"),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("source_files_article_idx").on(t.articleId, t.id)],
);
export type SourceFile = typeof sourceFiles.$inferSelect;

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

// A claim's discussion (lib/data/threads.ts). Append-only, like every history of the desk
// (triggers refuse UPDATE and DELETE): a message is a row here, its text the versions below, the
// last one current; an edit adds a version and keeps the earlier ones. `kind` "return" is the note
// a reviewer returned the claim with. No foreign key to claims: the thread of a deleted claim stays.
export const MESSAGE_KINDS = ["message", "return"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const claimMessages = sqliteTable(
  "claim_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id").notNull(),
    articleId: integer("article_id").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull().default("message"),
    createdAt: createdAt(),
  },
  (t) => [index("claim_messages_claim_idx").on(t.claimId, t.id)],
);
export type ClaimMessage = typeof claimMessages.$inferSelect;

export const claimMessageVersions = sqliteTable(
  "claim_message_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: integer("message_id")
      .notNull()
      .references(() => claimMessages.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("claim_message_versions_message_idx").on(t.messageId, t.id)],
);
export type ClaimMessageVersion = typeof claimMessageVersions.$inferSelect;

// Who a message version mentions: one row per account and version that newly mentions it, the
// record a notifier reads ("Ana mentioned you on a claim"). Append-only.
export const claimMentions = sqliteTable(
  "claim_mentions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: integer("message_id")
      .notNull()
      .references(() => claimMessages.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => claimMessageVersions.id),
    claimId: integer("claim_id").notNull(),
    articleId: integer("article_id").notNull(),
    mentionedId: integer("mentioned_id")
      .notNull()
      .references(() => users.id),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_mentions_mentioned_idx").on(t.mentionedId, t.id),
    index("claim_mentions_message_idx").on(t.messageId),
  ],
);
export type ClaimMention = typeof claimMentions.$inferSelect;

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

// Name variants a desk's admins add to the built-in table of lib/claims/variants.ts: `name` is
// another spelling of `preferred` ("Kiyv" of "Kyiv"). Used by the suggester's speaker names,
// speaker merging and search. `key` is the folded name (lib/claims/variants.ts variantKey), unique.
export const nameVariants = sqliteTable("name_variants", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  key: text("key").notNull().unique(),
  preferred: text("preferred").notNull(),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});
export type NameVariant = typeof nameVariants.$inferSelect;
// Published summaries (issue 16), append-only (triggers refuse UPDATE and DELETE): each is the
// verified summary of an article as it went out, numbered per article, with every export format's
// text exactly as it was rendered then (CSV with commas and no BOM, ClaimReview without the
// uncommented claims). `contentHash` is the SHA-256 (hex) of the JSON export's UTF-8 bytes;
// `fingerprint` the same of the JSON rendered with a fixed date, to tell an unchanged republication.
export const summaryVersions = sqliteTable(
  "summary_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    number: integer("number").notNull(),
    publishedById: integer("published_by_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: PUBLISH_CHANNELS }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    contentHash: text("content_hash").notNull(),
    fingerprint: text("fingerprint").notNull(),
    claimIds: text("claim_ids", { mode: "json" }).$type<number[]>().notNull(),
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
export type SummaryVersion = typeof summaryVersions.$inferSelect;

// A correction to a published claim (issue 16), append-only: the note the editor gave when
// changing an approved claim that a published version carries. `versionId` is the version it
// corrects; the next version published carries it in its corrections section. No foreign key to
// claims: the correction of a claim deleted later stays.
export const claimCorrections = sqliteTable(
  "claim_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    claimId: integer("claim_id").notNull(),
    versionId: integer("version_id")
      .notNull()
      .references(() => summaryVersions.id),
    note: text("note").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdById: integer("created_by_id")
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
export type ClaimCorrection = typeof claimCorrections.$inferSelect;
export const LIVE_AUDIENCES = ["everyone", "reviewers", "admins"] as const;
export type LiveAudience = (typeof LIVE_AUDIENCES)[number];

// What the live channel (app/api/live, lib/live) tells open pages, in commit order. Every claim
// event is copied here by a trigger (db/migrations/0021_live_triggers.sql); other features add
// their own rows with publishLive (lib/data/live.ts). Rows carry ids, never content: each page
// reads what changed through its own checks. Who receives a row: everyone signed in, or only
// reviewers / admins (audience), or only one account (recipientId).
export const liveEvents = sqliteTable("live_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind").notNull(),
  articleId: integer("article_id"),
  claimId: integer("claim_id"),
  actorId: integer("actor_id"),
  recipientId: integer("recipient_id"),
  audience: text("audience", { enum: LIVE_AUDIENCES }).notNull().default("everyone"),
  /** The row this one mirrors in its history table (claim_events.id for "claim.*" kinds). */
  sourceId: integer("source_id"),
  createdAt: createdAt(),
});
export type LiveEvent = typeof liveEvents.$inferSelect;

// Who has what open right now (the claim form): one row per account and subject ("claim:12"),
// refreshed by a heartbeat; a row older than its expiry no longer counts and is overwritten or
// removed. Not history: rows are replaced and removed.
export const presence = sqliteTable(
  "presence",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.subject] }),
    index("presence_subject_idx").on(t.subject, t.seenAt),
  ],
);
export type Presence = typeof presence.$inferSelect;

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
    // A document that came with the reply (a letter, a statement as PDF): a kept file of the article.
    replyFileId: integer("reply_file_id").references(() => sourceFiles.id),
    // When the asker was told the deadline passed without an answer (once; lib/notify/worker.ts).
    deadlineToldAt: integer("deadline_told_at", { mode: "timestamp_ms" }),
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
