import "server-only";
// The tables lib/data queries, for the database this process runs on (lib/env.ts
// databaseDialect): db/schema-pg.ts on PostgreSQL, db/schema.ts on SQLite. Both give identical
// rows (db/schema-parity.ts), so lib/data is written once against the SQLite types; the choice is
// made when this module is first imported, before any query. Types and constants come from
// db/schema.ts unchanged.
import { databaseDialect } from "@/lib/env";
import * as sqlite from "@/db/schema";
import * as pg from "@/db/schema-pg";

export * from "@/db/schema";

const chosen = (databaseDialect() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const users = chosen.users;
export const articles = chosen.articles;
export const claims = chosen.claims;
export const claimSources = chosen.claimSources;
export const articleRevisions = chosen.articleRevisions;
export const sourceFiles = chosen.sourceFiles;
export const claimEvents = chosen.claimEvents;
export const apiTokens = chosen.apiTokens;
export const adminAudit = chosen.adminAudit;
export const signInAttempts = chosen.signInAttempts;
export const rateLimits = chosen.rateLimits;
export const nameVariants = chosen.nameVariants;
export const summaryVersions = chosen.summaryVersions;
export const claimCorrections = chosen.claimCorrections;
export const claimMessages = chosen.claimMessages;
export const claimMessageVersions = chosen.claimMessageVersions;
export const claimMentions = chosen.claimMentions;
export const liveEvents = chosen.liveEvents;
export const presence = chosen.presence;
export const commentRequests = chosen.commentRequests;
export const commentWaivers = chosen.commentWaivers;
export const notifications = chosen.notifications;
export const notificationPrefs = chosen.notificationPrefs;
export const webhooks = chosen.webhooks;
export const outbox = chosen.outbox;
export const webhookDeliveries = chosen.webhookDeliveries;
