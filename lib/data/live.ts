import "server-only";
// The live channel's rows (live_events) and presence (who has a claim open), on both databases.
// Claim events reach live_events by a trigger (db/migrations*/…live_triggers.sql); any other
// feature publishes its own changes with one line inside its write transaction:
//
//   await publishLive(tx, { kind: "thread.message", articleId, claimId, actorId: user.id });
//
// A live event carries ids, never content: the page that receives it reads what changed through
// its own checks. `recipientId` limits it to one account, `audience` to reviewers or admins.
import { and, asc, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { liveEvents, presence, users, type LiveAudience, type LiveEvent } from "@/lib/data/tables";
import type { Role } from "@/lib/review/model";
import { loadClaim } from "./claims/shared";
import { cachedUntilWrite, getDb, withTransaction, type Tx } from "./connection";

export type LiveEventInput = {
  /** What happened, "area.verb": "thread.message", "notification.created", "article.updated"… */
  kind: string;
  articleId?: number | null;
  claimId?: number | null;
  actorId?: number | null;
  recipientId?: number | null;
  audience?: LiveAudience;
  sourceId?: number | null;
};

/** What a page receives for one live event. */
export type LiveMessage = {
  id: number;
  kind: string;
  articleId: number | null;
  claimId: number | null;
  actorId: number | null;
  at: number;
};

/** Publishes a change to every open page allowed to see it, when `tx` commits. */
export async function publishLive(tx: Tx, event: LiveEventInput): Promise<void> {
  await tx.insert(liveEvents).values({
    kind: event.kind,
    articleId: event.articleId ?? null,
    claimId: event.claimId ?? null,
    actorId: event.actorId ?? null,
    recipientId: event.recipientId ?? null,
    audience: event.audience ?? "everyone",
    sourceId: event.sourceId ?? null,
    createdAt: new Date(),
  });
}

/** Live events after `afterId`, oldest first (the primary key's range: cheap however long the table). */
export async function readLiveEvents({
  afterId,
  limit = 500,
}: {
  afterId: number;
  limit?: number;
}): Promise<LiveEvent[]> {
  return getDb()
    .select()
    .from(liveEvents)
    .where(gt(liveEvents.id, afterId))
    .orderBy(asc(liveEvents.id))
    .limit(limit);
}

/**
 * Removes the live events created before `before`, never the newest one (its id is where new pages
 * start, and SQLite would otherwise reuse it). Returns how many went. A page whose Last-Event-ID
 * is older than what is left is told to reload (liveHorizon, lib/live/hub.ts).
 */
export async function pruneLiveEvents({ before }: { before: Date }): Promise<number> {
  return withTransaction(async (tx) => {
    const [newest] = await tx
      .select({ id: liveEvents.id })
      .from(liveEvents)
      .orderBy(desc(liveEvents.id))
      .limit(1);
    if (!newest) return 0;
    const gone = await tx
      .delete(liveEvents)
      .where(and(lt(liveEvents.createdAt, before), lt(liveEvents.id, newest.id)))
      .returning({ id: liveEvents.id });
    return gone.length;
  });
}

/**
 * The id before the oldest live event kept (0 when nothing was ever pruned, or none is kept): a
 * page that saw no further than this may have missed pruned events.
 */
export async function liveHorizon(): Promise<number> {
  const [row] = await getDb()
    .select({ id: liveEvents.id })
    .from(liveEvents)
    .orderBy(asc(liveEvents.id))
    .limit(1);
  return row ? row.id - 1 : 0;
}

/** The id of the last live event (0 when none). */
export async function latestLiveId(): Promise<number> {
  const [row] = await getDb()
    .select({ id: liveEvents.id })
    .from(liveEvents)
    .orderBy(desc(liveEvents.id))
    .limit(1);
  return row?.id ?? 0;
}

/**
 * Where a page's live channel starts: the last live event when the page began to render, kept
 * until the next write. The page's data is read after it, so an event committed between the
 * render and the channel's opening is sent when the channel opens instead of being missed. A kept
 * value can only be older than the page's data (never newer): at worst an event already shown is
 * sent again, and the page refreshes once more.
 */
export function liveStartId(): Promise<number> {
  return cachedUntilWrite("live:latest", latestLiveId);
}

/** Whether `viewer` may receive `event`. */
export function mayReceive(event: LiveEvent, viewer: { id: number; role: Role }): boolean {
  if (event.recipientId !== null && event.recipientId !== viewer.id) return false;
  if (event.audience === "admins") return viewer.role === "admin";
  if (event.audience === "reviewers") return viewer.role === "reviewer" || viewer.role === "admin";
  return true;
}

export function toLiveMessage(event: LiveEvent): LiveMessage {
  return {
    id: event.id,
    kind: event.kind,
    articleId: event.articleId,
    claimId: event.claimId,
    actorId: event.actorId,
    at: event.createdAt.getTime(),
  };
}

/** The role and activity of accounts with an open live connection, in one query. */
export async function liveAccounts(ids: number[]): Promise<Map<number, { role: Role; active: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { role: r.role, active: r.active }]));
}

// ---------------------------------------------------------------------------------------------
// Presence
// ---------------------------------------------------------------------------------------------

/** A heartbeat older than this no longer counts (the form beats every PRESENCE_BEAT_MS). */
export const PRESENCE_TTL_MS = 45_000;
export const PRESENCE_BEAT_MS = 15_000;

export type PresentPerson = { id: number; name: string };

/**
 * Someone has claim `claimId` open ("here": also the heartbeat), closed it ("gone"), or only asks
 * who else has it open ("look", which writes nothing). Arrival and departure are published as
 * live events ("presence.changed"); a heartbeat of someone already here writes only the time.
 * Returns the others who have it open now.
 */
export async function markPresence({
  userId,
  claimId,
  state,
  now = new Date(),
}: {
  userId: number;
  claimId: number;
  state: "here" | "gone" | "look";
  now?: Date;
}): Promise<PresentPerson[]> {
  const subject = `claim:${claimId}`;
  if (state === "look") {
    await loadClaim(getDb(), claimId);
    return presentIn(getDb(), subject, { except: userId, now });
  }
  return withTransaction(
    async (tx) => {
      const [mine] = await tx
        .select({ seenAt: presence.seenAt })
        .from(presence)
        .where(and(eq(presence.userId, userId), eq(presence.subject, subject)))
        .limit(1);
      const wasHere = mine !== undefined && now.getTime() - mine.seenAt.getTime() < PRESENCE_TTL_MS;
      let articleId: number | null = null;
      if (state === "here") {
        articleId = (await loadClaim(tx, claimId)).articleId;
        await tx
          .insert(presence)
          .values({ userId, subject, seenAt: now })
          .onConflictDoUpdate({ target: [presence.userId, presence.subject], set: { seenAt: now } });
      } else if (mine) {
        await tx.delete(presence).where(and(eq(presence.userId, userId), eq(presence.subject, subject)));
      }
      // Rows long expired are cleared by the subject's visitors: the table stays small.
      await tx
        .delete(presence)
        .where(
          and(
            eq(presence.subject, subject),
            lt(presence.seenAt, new Date(now.getTime() - 10 * PRESENCE_TTL_MS)),
          ),
        );
      if (wasHere !== (state === "here")) {
        await publishLive(tx, { kind: "presence.changed", claimId, articleId, actorId: userId });
      }
      return presentIn(tx, subject, { except: userId, now });
      // Each open form beats every PRESENCE_BEAT_MS: no wait for the desk's write lock. Two beats of one
      // account at once can at worst both publish "presence.changed", which only makes pages look again.
    },
    { atomic: true },
  );
}

/** Who has `subject` open now, but `except`. */
export async function presentIn(
  tx: Tx,
  subject: string,
  { except, now = new Date() }: { except: number; now?: Date },
): Promise<PresentPerson[]> {
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(presence)
    .innerJoin(users, eq(users.id, presence.userId))
    .where(
      and(
        eq(presence.subject, subject),
        ne(presence.userId, except),
        gt(presence.seenAt, new Date(now.getTime() - PRESENCE_TTL_MS)),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name));
  return rows;
}
