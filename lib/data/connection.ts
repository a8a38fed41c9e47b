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
  return tx.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;
}
