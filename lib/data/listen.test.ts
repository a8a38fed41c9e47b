// LISTEN (the live hub's wake-up on PostgreSQL) and the connection pool: the listening connection
// is held as long as the process listens, so it must not be one of the pool's, whose connections
// every request and transaction waits for. On SQLite there is nothing to listen to.
import { describe, expect, it, vi } from "vitest";
import type { PgDb } from "@/db/client-pg";
import { testDatabase } from "@/test/temp-db";
import { getDb, listenTo, withTransaction } from "./connection";
import { publishLive } from "./live";

describe("listening for commits", () => {
  it("listens on a connection of its own: every connection of the pool stays free for requests", async () => {
    let notified = 0;
    let lost = 0;
    const listener = await listenTo(
      "desk_live",
      () => notified++,
      () => lost++,
    );
    if (testDatabase() === "sqlite") {
      expect(listener).toBeNull();
      return;
    }
    expect(listener).not.toBeNull();
    const pool = (getDb() as unknown as PgDb).$client;
    const max = pool.options.max ?? 10;
    // Every connection of the pool taken at once while the listener listens: with the listener
    // taken from the pool, the last of these would wait (for the pool's 30 s timeout) instead.
    const started = Date.now();
    const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    try {
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(pool.totalCount).toBe(max);
      // Busy as they are, a commit through one of them still reaches the listener.
      await clients[0]!.query("NOTIFY desk_live");
      await vi.waitFor(() => expect(notified).toBeGreaterThan(0), { timeout: 5_000 });
    } finally {
      for (const client of clients) client.release();
      listener!.close();
    }
    // And a write through the data layer (the live trigger's NOTIFY) too, after the pool was full.
    const again = await listenTo(
      "desk_live",
      () => notified++,
      () => lost++,
    );
    try {
      const before = notified;
      await withTransaction((tx) => publishLive(tx, { kind: "test.ping" }));
      await vi.waitFor(() => expect(notified).toBeGreaterThan(before), { timeout: 5_000 });
    } finally {
      again!.close();
    }
    expect(lost).toBe(0);
  });
});
