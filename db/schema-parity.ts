// Compile-time proof that both schemas give the same rows: lib/data is written once against the
// SQLite types (lib/data/tables.ts hands it the PostgreSQL tables at run time), so every table must have
// the same $inferSelect and $inferInsert in both. `npx tsc` fails here when they drift apart.
import type * as sqlite from "./schema";
import type * as pg from "./schema-pg";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Table = { $inferSelect: unknown; $inferInsert: unknown };
type Rows<A extends Table, B extends Table> = [
  Same<A["$inferSelect"], B["$inferSelect"]>,
  Same<A["$inferInsert"], B["$inferInsert"]>,
];
type Check<T extends [true, true]> = T;

export type SchemaParity = [
  Check<Rows<typeof sqlite.users, typeof pg.users>>,
  Check<Rows<typeof sqlite.articles, typeof pg.articles>>,
  Check<Rows<typeof sqlite.claims, typeof pg.claims>>,
  Check<Rows<typeof sqlite.claimSources, typeof pg.claimSources>>,
  Check<Rows<typeof sqlite.articleRevisions, typeof pg.articleRevisions>>,
  Check<Rows<typeof sqlite.sourceFiles, typeof pg.sourceFiles>>,
  Check<Rows<typeof sqlite.claimEvents, typeof pg.claimEvents>>,
  Check<Rows<typeof sqlite.apiTokens, typeof pg.apiTokens>>,
  Check<Rows<typeof sqlite.adminAudit, typeof pg.adminAudit>>,
  Check<Rows<typeof sqlite.signInAttempts, typeof pg.signInAttempts>>,
  Check<Rows<typeof sqlite.rateLimits, typeof pg.rateLimits>>,
  Check<Rows<typeof sqlite.nameVariants, typeof pg.nameVariants>>,
  Check<Rows<typeof sqlite.summaryVersions, typeof pg.summaryVersions>>,
  Check<Rows<typeof sqlite.claimCorrections, typeof pg.claimCorrections>>,
  Check<Rows<typeof sqlite.claimMessages, typeof pg.claimMessages>>,
  Check<Rows<typeof sqlite.claimMessageVersions, typeof pg.claimMessageVersions>>,
  Check<Rows<typeof sqlite.claimMentions, typeof pg.claimMentions>>,
  Check<Rows<typeof sqlite.liveEvents, typeof pg.liveEvents>>,
  Check<Rows<typeof sqlite.presence, typeof pg.presence>>,
  Check<Rows<typeof sqlite.commentRequests, typeof pg.commentRequests>>,
  Check<Rows<typeof sqlite.commentWaivers, typeof pg.commentWaivers>>,
  Check<Rows<typeof sqlite.notifications, typeof pg.notifications>>,
  Check<Rows<typeof sqlite.notificationPrefs, typeof pg.notificationPrefs>>,
  Check<Rows<typeof sqlite.webhooks, typeof pg.webhooks>>,
  Check<Rows<typeof sqlite.outbox, typeof pg.outbox>>,
  Check<Rows<typeof sqlite.webhookDeliveries, typeof pg.webhookDeliveries>>,
];
