import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { getEnv } from "@/lib/env";

type Cache = { path: string; db: Db };
const globalForDb = globalThis as unknown as { claimDeskDb?: Cache };

/** One better-sqlite3 handle per process, opened lazily (never at import time: `next build` imports us). */
export function getDb(): Db {
  const file = getEnv().DATABASE_PATH;
  const cached = globalForDb.claimDeskDb;
  if (cached && cached.path === file) return cached.db;
  cached?.db.$client.close();
  // Forget the closed handle first: if the new file cannot be opened, the next call must not reuse it.
  globalForDb.claimDeskDb = undefined;
  const db = openDatabase(file);
  migrateDatabase(db);
  globalForDb.claimDeskDb = { path: file, db };
  return db;
}

export function closeDb(): void {
  globalForDb.claimDeskDb?.db.$client.close();
  globalForDb.claimDeskDb = undefined;
}

/** A handle or an open transaction: data functions take either. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

export function countRows(tx: Tx, table: SQLiteTable, where?: SQL): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(where)
      .get()?.n ?? 0
  );
}

type ReadCache = { client: Db["$client"]; stamp: string; values: Map<string, unknown> };
const globalForCache = globalThis as unknown as { claimDeskReadCache?: ReadCache };

/**
 * The result of `read`, kept until the database next changes: any commit through this handle
 * (total_changes) or through another connection (data_version) starts afresh. For aggregates over
 * every claim that pages show on each view but that change only with writes.
 */
export function cachedUntilWrite<T>(db: Db, key: string, read: () => T): T {
  const client = db.$client;
  const changes = client.prepare("SELECT total_changes() AS n").get() as { n: number };
  const stamp = `${client.pragma("data_version", { simple: true })}:${changes.n}`;
  let cache = globalForCache.claimDeskReadCache;
  if (!cache || cache.client !== client || cache.stamp !== stamp) {
    cache = { client, stamp, values: new Map() };
    globalForCache.claimDeskReadCache = cache;
  }
  if (cache.values.has(key)) return cache.values.get(key) as T;
  const value = read();
  cache.values.set(key, value);
  return value;
}
