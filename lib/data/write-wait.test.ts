// SQLite with another process writing (WEB_CONCURRENCY=2, several app processes on one file): a
// write that finds the file's write lock taken waits for it without holding the event loop still,
// so the process goes on serving everything else meanwhile. SQLite's own busy handler sleeps in
// the thread; here a second connection in this very process holds the lock, and could never let
// go of it if the wait blocked the thread.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { makeArticle, makeUser } from "@/test/data-helpers";
import { countRows, getDb, withTransaction } from "./connection";
import { takeRateLimit } from "./rate-limits";
import { articles } from "./tables";

let other: Database.Database | null = null;

afterEach(() => {
  if (other?.inTransaction) other.exec("ROLLBACK");
  other?.close();
  other = null;
});

/** Another connection to the desk's file, holding its write lock for `ms`. */
function holdWriteLock(ms: number): Promise<void> {
  other = new Database(getEnv().DATABASE_PATH);
  other.pragma("busy_timeout = 5000");
  other.exec("BEGIN IMMEDIATE");
  const holder = other;
  return new Promise((resolve) =>
    setTimeout(() => {
      holder.exec("COMMIT");
      resolve();
    }, ms),
  );
}

describe("a write waiting for another process's write (SQLite)", () => {
  it("waits without blocking the event loop, then writes", async () => {
    const editor = await makeUser("editor");
    const before = await countRows(getDb(), articles);
    const released = holdWriteLock(300);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    try {
      const [article] = await Promise.all([makeArticle(editor), released]);
      expect(article.id).toBeGreaterThan(0);
    } finally {
      clearInterval(ticker);
    }
    // It waited for the other connection's COMMIT, and timers kept firing all along.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(await countRows(getDb(), articles)).toBe(before + 1);
  });

  it("gives up after the usual five seconds, writing nothing", async () => {
    other = new Database(getEnv().DATABASE_PATH);
    other.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    const refused = await withTransaction((tx) => countRows(tx, articles)).catch((error: unknown) => error);
    expect((refused as { code?: string }).code).toBe("SQLITE_BUSY");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    other.exec("ROLLBACK");
    // And the next write goes through at once.
    expect((await takeRateLimit({ key: "after-busy", limit: 1 })).ok).toBe(true);
  }, 20_000);
});
