import "server-only";
// One poller per process for every open live connection (app/api/live): it reads the live events
// committed since the last it saw, from the database (so writes through any process, or another
// machine on the same PostgreSQL, reach every connection), and hands each connection the events
// its account may receive. On PostgreSQL a LISTEN connection wakes the poller at each commit
// (the NOTIFY of db/migrations-pg/…_live_triggers.sql) and the poller still reads every second in
// case a notification is lost; on SQLite it reads every POLL_MS, one primary-key range query
// that finds nothing most of the time. The hub stops, and forgets everything, when its last
// connection closes.
import type { LiveEvent } from "@/lib/data/tables";
import { listenTo } from "@/lib/data/connection";
import { latestLiveId, liveAccounts, liveHorizon, mayReceive, readLiveEvents } from "@/lib/data/live";
import type { Role } from "@/lib/review/model";

export const POLL_MS = 100;
const LISTEN_FALLBACK_MS = 1_000;
const ACCOUNT_CHECK_MS = 15_000;
const BATCH = 500;
/** A connection further behind than this is told to reload its page rather than sent each event. */
export const CATCH_UP_MAX = 1_000;

export type LiveSink = {
  userId: number;
  role: Role;
  /** Events this account may receive, in order, none twice. */
  send: (events: LiveEvent[]) => void;
  /** The connection is too far behind (or ahead of a database that was replaced): reload. */
  reset: (cursor: number) => void;
  /** The account was deactivated. */
  end: () => void;
};

type Subscription = { sink: LiveSink; cursor: number; pending: LiveEvent[] | null };

type HubState = {
  subs: Set<Subscription>;
  lastId: number;
  started: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  again: boolean;
  listener: { close: () => void } | null;
  lastAccountCheck: number;
  /** How many reads the poller made (for the tests and the README's figures). */
  reads: number;
};

const globalForHub = globalThis as unknown as { claimDeskLiveHub?: HubState };

function state(): HubState {
  globalForHub.claimDeskLiveHub ??= {
    subs: new Set(),
    lastId: 0,
    started: null,
    timer: null,
    running: false,
    again: false,
    listener: null,
    lastAccountCheck: Date.now(),
    reads: 0,
  };
  return globalForHub.claimDeskLiveHub;
}

export function hubStats(): { connections: number; reads: number; listening: boolean } {
  const hub = state();
  return { connections: hub.subs.size, reads: hub.reads, listening: hub.listener !== null };
}

function deliver(sub: Subscription, rows: LiveEvent[]): void {
  const fresh = rows.filter((row) => row.id > sub.cursor);
  if (fresh.length === 0) return;
  sub.cursor = fresh.at(-1)!.id;
  const visible = fresh.filter((row) => mayReceive(row, { id: sub.sink.userId, role: sub.sink.role }));
  if (visible.length > 0) sub.sink.send(visible);
}

function schedule(hub: HubState): void {
  if (hub.timer || hub.subs.size === 0) return;
  hub.timer = setTimeout(
    () => {
      hub.timer = null;
      void tick(hub);
    },
    hub.listener ? LISTEN_FALLBACK_MS : POLL_MS,
  );
  hub.timer.unref?.();
}

async function tick(hub: HubState): Promise<void> {
  if (hub.running) {
    hub.again = true;
    return;
  }
  hub.running = true;
  try {
    do {
      hub.again = false;
      hub.reads++;
      const rows = await readLiveEvents({ afterId: hub.lastId, limit: BATCH });
      if (rows.length > 0) {
        hub.lastId = rows.at(-1)!.id;
        for (const sub of hub.subs) {
          if (sub.pending) sub.pending.push(...rows);
          else deliver(sub, rows);
        }
      }
      if (rows.length === BATCH) hub.again = true;
    } while (hub.again && hub.subs.size > 0);
    if (Date.now() - hub.lastAccountCheck > ACCOUNT_CHECK_MS) await checkAccounts(hub);
  } catch (error) {
    console.warn("Live updates: reading the live events failed; trying again.", error);
  } finally {
    hub.running = false;
    schedule(hub);
  }
}

/** Roles follow the accounts' changes; a deactivated account's connections end. */
async function checkAccounts(hub: HubState): Promise<void> {
  hub.lastAccountCheck = Date.now();
  const accounts = await liveAccounts([...new Set([...hub.subs].map((s) => s.sink.userId))]);
  for (const sub of hub.subs) {
    const account = accounts.get(sub.sink.userId);
    if (!account?.active) {
      remove(hub, sub);
      sub.sink.end();
    } else sub.sink.role = account.role;
  }
}

/** Forgets a connection; with the last one the hub stops, so the next connection starts it afresh. */
function remove(hub: HubState, sub: Subscription): boolean {
  if (!hub.subs.delete(sub)) return false;
  if (hub.subs.size === 0) stop(hub);
  return true;
}

function start(hub: HubState): Promise<void> {
  hub.started ??= (async () => {
    hub.lastId = await latestLiveId();
    hub.lastAccountCheck = Date.now();
    try {
      const listener = await listenTo(
        "desk_live",
        () => void tick(hub),
        () => {
          // The listening connection dropped: poll often until the hub starts afresh.
          hub.listener = null;
        },
      );
      if (hub.subs.size === 0) listener?.close();
      else hub.listener = listener;
    } catch (error) {
      console.warn("Live updates: LISTEN failed; polling instead.", error);
    }
    schedule(hub);
  })().catch((error: unknown) => {
    hub.started = null;
    throw error;
  });
  return hub.started;
}

function stop(hub: HubState): void {
  if (hub.timer) clearTimeout(hub.timer);
  hub.timer = null;
  hub.listener?.close();
  hub.listener = null;
  hub.started = null;
}

/**
 * Connects `sink` from `since` (the Last-Event-ID of a reconnecting page; null: from now on).
 * Events committed while the connection catches up are held and then sent in order, none twice.
 * Returns the cursor the connection starts at and the function that disconnects it.
 */
export async function subscribe(
  sink: LiveSink,
  since: number | null,
): Promise<{ cursor: number; unsubscribe: () => void }> {
  const hub = state();
  const sub: Subscription = { sink, cursor: 0, pending: [] };
  hub.subs.add(sub);
  const unsubscribe = () => void remove(hub, sub);
  try {
    await start(hub);
    const pending = sub.pending ?? [];
    // From now on: everything after what the hub had read when this connection joined.
    const head = pending.length > 0 ? pending[0]!.id - 1 : hub.lastId;
    if (since === null || since === head) sub.cursor = head;
    else if (since > head) {
      sub.cursor = head;
      sink.reset(head);
    } else if (since < (await liveHorizon())) {
      // What it missed was pruned (LIVE_EVENTS_KEEP_HOURS): it reloads instead of missing events.
      sub.cursor = head;
      sink.reset(head);
    } else {
      sub.cursor = since;
      const missed = await readLiveEvents({ afterId: since, limit: CATCH_UP_MAX + 1 });
      if (missed.length > CATCH_UP_MAX) {
        sub.cursor = Math.max(head, missed.at(-1)!.id);
        sink.reset(sub.cursor);
      } else deliver(sub, missed);
    }
    sub.pending = null;
    deliver(sub, pending);
    return { cursor: sub.cursor, unsubscribe };
  } catch (error) {
    unsubscribe();
    throw error;
  }
}
