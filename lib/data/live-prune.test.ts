// live_events is pruned (LIVE_EVENTS_KEEP_HOURS, by the outbox worker) on both databases, and a
// page whose Last-Event-ID is older than what is left is told to reload instead of missing events.
import { asc } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, withTransaction } from "@/lib/data/connection";
import { liveEvents, type LiveEvent } from "@/lib/data/tables";
import { subscribe, type LiveSink } from "@/lib/live/hub";
import { startOutboxWorker } from "@/lib/notify/worker";
import { writeFromAnotherConnection } from "@/test/data-helpers";
import { liveHorizon, publishLive } from "./live";

const HOUR = 3_600_000;

async function insertOld(kind: string, ageMs: number): Promise<number> {
  const [row] = await withTransaction((tx) =>
    tx
      .insert(liveEvents)
      .values({ kind, createdAt: new Date(Date.now() - ageMs) })
      .returning({ id: liveEvents.id }),
  );
  return row!.id;
}

async function kinds(): Promise<string[]> {
  const rows = await getDb().select().from(liveEvents).orderBy(asc(liveEvents.id));
  return rows.map((r) => r.kind);
}

/** One pass of a freshly started worker (whose first pass prunes). */
async function workerPass(): Promise<void> {
  const worker = startOutboxWorker({
    intervalMs: 600_000,
    onError: (e) => {
      throw e;
    },
  });
  await worker.tick();
  await worker.stop();
}

type Seen = { events: LiveEvent[]; resets: number[] };
const unsubscribers: (() => void)[] = [];

async function page(since: number | null): Promise<Seen> {
  const seen: Seen = { events: [], resets: [] };
  const sink: LiveSink = {
    userId: 1,
    role: "admin",
    send: (events) => seen.events.push(...events),
    reset: (cursor) => seen.resets.push(cursor),
    end: () => {},
  };
  const { unsubscribe } = await subscribe(sink, since);
  unsubscribers.push(unsubscribe);
  return seen;
}

afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  delete process.env.LIVE_EVENTS_KEEP_HOURS;
});

describe("pruning the live channel", () => {
  it("removes what is older than LIVE_EVENTS_KEEP_HOURS, never the newest, and tells late pages to reload", async () => {
    const o1 = await insertOld("test.old1", 50 * HOUR);
    const o2 = await insertOld("test.old2", 49 * HOUR);
    const o3 = await insertOld("test.old3", 48 * HOUR);
    expect(await liveHorizon()).toBe(o1 - 1);

    // Kept for 72 hours: nothing goes.
    process.env.LIVE_EVENTS_KEEP_HOURS = "72";
    await workerPass();
    expect(await kinds()).toEqual(["test.old1", "test.old2", "test.old3"]);

    // Kept for 24 hours (the default): all three are old, but the newest stays where pages start.
    delete process.env.LIVE_EVENTS_KEEP_HOURS;
    await workerPass();
    expect(await kinds()).toEqual(["test.old3"]);
    expect(await liveHorizon()).toBe(o3 - 1);

    await withTransaction(async (tx) => {
      await publishLive(tx, { kind: "test.new1" });
    });
    await withTransaction(async (tx) => {
      await publishLive(tx, { kind: "test.new2" });
    });
    await workerPass();
    expect(await kinds()).toEqual(["test.new1", "test.new2"]);
    const horizon = await liveHorizon();
    expect(horizon).toBeGreaterThanOrEqual(o3);

    // A page that saw o2 (or o1) missed pruned events: it reloads, and is sent nothing else.
    for (const since of [o1, o2]) {
      const late = await page(since);
      expect(late.resets).toHaveLength(1);
      expect(late.events).toEqual([]);
    }
    // A page that saw the last pruned event misses nothing: it catches up without a reload.
    const onTime = await page(horizon);
    expect(onTime.resets).toEqual([]);
    expect(onTime.events.map((e) => e.kind)).toEqual(["test.new1", "test.new2"]);

    // What a page may still need is the database's to keep: young events cannot be deleted.
    await expect(writeFromAnotherConnection("DELETE FROM live_events")).rejects.toThrow(/append-only/);
    await expect(writeFromAnotherConnection("UPDATE live_events SET kind = 'x'")).rejects.toThrow(
      /append-only/,
    );
    expect(await kinds()).toEqual(["test.new1", "test.new2"]);
  });
});
