import "server-only";
// The connection to the desk's database, SQLite (DATABASE_PATH) or PostgreSQL (DATABASE_URL), and
// what must differ between them underneath lib/data: opening and migrating, transactions and
// their locking, raw SQL, and the read cache's change stamp. Everything above this module (and
// lib/data/tables.ts, lib/data/dialect.ts, lib/data/search-pg.ts) is the same code for both.
import type { Statement } from "better-sqlite3";
import { AsyncLocalStorage } from "node:async_hooks";
import { count, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { migratePostgres, openListener, openPostgres, type PgDb } from "@/db/client-pg";
import { databaseDialect, getEnv, type DatabaseDialect } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type { Db };

/**
 * A handle or an open transaction: data functions take either. Typed as drizzle's SQLite
 * builders; on PostgreSQL the same calls reach node-postgres. Only awaited builder calls (no
 * .get/.all/.run) and queryRows() for raw SQL work on both.
 */
export type Tx = Pick<Db, "select" | "selectDistinct" | "insert" | "update" | "delete">;

type SqliteConnection = {
  dialect: "sqlite";
  key: string;
  file: string;
  db: Db;
  /** A second handle on the same file for transactions: reads on `db` never see uncommitted rows. */
  writer?: Db;
  /** Transactions in this process, one after the other (better-sqlite3 connections are not shared). */
  queue: Promise<void>;
};
type PgConnection = { dialect: "postgres"; key: string; url: string; db: PgDb; migrated?: Promise<void> };
type Connection = (SqliteConnection | PgConnection) & {
  /** Transactions of this process that have ended (committed or not) on this connection. */
  transactionsEnded?: number;
};

const globalForDb = globalThis as unknown as { claimDeskDb?: Connection };

function connectionKey(): string {
  const env = getEnv();
  return env.DATABASE_URL ? `postgres:${env.DATABASE_URL}` : `sqlite:${env.DATABASE_PATH}`;
}

function release(connection: Connection): Promise<void> {
  if (connection.dialect === "postgres") return connection.db.$client.end().catch(() => undefined);
  if (connection.writer && connection.writer !== connection.db) connection.writer.$client.close();
  connection.db.$client.close();
  return Promise.resolve();
}

/** The connection for the current settings, opened lazily (never at import time: `next build` imports us). */
function connection(): Connection {
  const key = connectionKey();
  const cached = globalForDb.claimDeskDb;
  if (cached && cached.key === key) return cached;
  // Forget the old handle first: if the new database cannot be opened, the next call must not reuse it.
  globalForDb.claimDeskDb = undefined;
  if (cached) void release(cached);
  const env = getEnv();
  if (env.DATABASE_URL) {
    const opened: PgConnection = {
      dialect: "postgres",
      key,
      url: env.DATABASE_URL,
      db: openPostgres(env.DATABASE_URL),
    };
    globalForDb.claimDeskDb = opened;
    return opened;
  }
  const db = openDatabase(env.DATABASE_PATH);
  migrateDatabase(db);
  const opened: SqliteConnection = {
    dialect: "sqlite",
    key,
    file: env.DATABASE_PATH,
    db,
    queue: Promise.resolve(),
  };
  globalForDb.claimDeskDb = opened;
  return opened;
}

/** The database handle for reads (and, inside withTransaction, the transaction's writes). */
export function getDb(): Db {
  return connection().db as unknown as Db;
}

export function dialect(): DatabaseDialect {
  return databaseDialect();
}

/**
 * Opens the database and applies pending migrations: SQLite migrates synchronously when opened,
 * PostgreSQL here (once per process; under an advisory lock across processes). Called at start
 * (lib/data/startup.ts), by the scripts and by the test setup.
 */
export async function prepareDb(): Promise<void> {
  const opened = connection();
  if (opened.dialect === "sqlite") return;
  opened.migrated ??= migratePostgres(opened.db);
  try {
    await opened.migrated;
  } catch (error) {
    opened.migrated = undefined;
    throw error;
  }
}

export async function closeDb(): Promise<void> {
  const cached = globalForDb.claimDeskDb;
  globalForDb.claimDeskDb = undefined;
  if (cached) await release(cached);
}

// ---------------------------------------------------------------------------------------------
// Transactions
// ---------------------------------------------------------------------------------------------

const openTransaction = new AsyncLocalStorage<{ connection: Connection; tx: Tx }>();

export type TransactionOptions = {
  /** A consistent snapshot that writes nothing (PostgreSQL: REPEATABLE READ, READ ONLY, no lock). */
  readOnly?: boolean;
  /**
   * PostgreSQL: no write lock, for a transaction that reads nothing it must keep true until it
   * commits (each rule is one guarded statement on a row). SQLite writes one at a time anyway.
   */
  atomic?: boolean;
};

/** Any advisory lock key of the desk's own, for the write lock below. */
const WRITE_LOCK = 7_036_146;

/**
 * Runs `work` in one transaction and commits it, or rolls it back when it throws. Writes happen
 * one transaction at a time, as SQLite does anyway:
 * - SQLite: BEGIN IMMEDIATE on a second handle (`writer`), the transactions of this process queued
 *   by an async mutex (the file's write lock orders them with other processes). Reads through
 *   getDb() go on meanwhile and see only committed rows.
 * - PostgreSQL: a real transaction (READ COMMITTED) that first takes a transaction-scoped advisory
 *   lock, so read-check-write rules (the last admin, four eyes, sign-in limits, token caps) hold
 *   across processes and machines; the guarded `UPDATE … WHERE version = ?` updates stay as well.
 *   `readOnly` transactions (a consistent snapshot for exports) take no lock, nor do `atomic` ones:
 *   those whose every rule holds by one statement the database runs atomically on a row (the rate
 *   limit's guarded upsert, a token's last use, a presence heartbeat), so that the hits and
 *   heartbeats of every request do not queue behind one another and behind the desk's writes.
 * Called inside another withTransaction, `work` joins the open transaction. A unique violation
 * answers as a conflict (AppError "conflict"), never as a 500.
 */
export async function withTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const opened = connection();
  const outer = openTransaction.getStore();
  if (outer && outer.connection === opened) return work(outer.tx);
  try {
    return opened.dialect === "postgres"
      ? await postgresTransaction(opened, work, options)
      : await sqliteTransaction(opened, work);
  } catch (error) {
    throw asConflict(error) ?? error;
  } finally {
    // Committed or rolled back: a change stamp read before may be out of date (see readScope). Not
    // after a read-only one (PostgreSQL refuses its writes): search runs two per page, and every
    // request being rendered meanwhile would read the stamp again for nothing.
    if (!options.readOnly) opened.transactionsEnded = (opened.transactionsEnded ?? 0) + 1;
  }
}

async function sqliteTransaction<T>(opened: SqliteConnection, work: (tx: Tx) => Promise<T>): Promise<T> {
  const previous = opened.queue;
  let done!: () => void;
  opened.queue = new Promise<void>((resolve) => (done = resolve));
  await previous;
  try {
    opened.writer ??= opened.file === ":memory:" ? opened.db : openDatabase(opened.file);
    const writer = opened.writer;
    await beginImmediate(writer.$client);
    try {
      const result = await openTransaction.run({ connection: opened, tx: writer }, () => work(writer));
      writer.$client.exec("COMMIT");
      return result;
    } catch (error) {
      if (writer.$client.inTransaction) writer.$client.exec("ROLLBACK");
      throw error;
    }
  } finally {
    done();
  }
}

/** How long a write waits for another process's write lock before failing (as busy_timeout did). */
const WRITE_WAIT_MS = 5_000;

/**
 * BEGIN IMMEDIATE, waiting for another process that holds the file's write lock without blocking
 * this one. SQLite's busy handler (busy_timeout) sleeps inside the call, 1, 2, 5, 10… ms between
 * tries, with the whole process's event loop stopped: with two processes writing, the one waiting
 * served nothing meanwhile and woke up long after the lock was free. Here the try is made with no
 * busy wait, and on SQLITE_BUSY made again on the next turns of the event loop (other requests go
 * on meanwhile), then every millisecond, for at most WRITE_WAIT_MS. Inside the transaction the
 * connection's usual busy_timeout applies again.
 */
async function beginImmediate(client: SqliteClient): Promise<void> {
  let begin = beginStatements.get(client);
  if (!begin) {
    begin = {
      statement: client.prepare("BEGIN IMMEDIATE"),
      timeout: Number(client.pragma("busy_timeout", { simple: true })),
    };
    beginStatements.set(client, begin);
  }
  const deadline = Date.now() + WRITE_WAIT_MS;
  client.exec("PRAGMA busy_timeout = 0");
  try {
    for (let tries = 0; ; tries++) {
      try {
        begin.statement.run();
        return;
      } catch (error) {
        if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      }
      await new Promise<void>((resolve) => (tries < 20 ? setImmediate(resolve) : setTimeout(resolve, 1)));
    }
  } finally {
    client.exec(`PRAGMA busy_timeout = ${begin.timeout}`);
  }
}

const beginStatements = new WeakMap<SqliteClient, { statement: Statement; timeout: number }>();

async function postgresTransaction<T>(
  opened: PgConnection,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  return opened.db.transaction(
    async (pgTx) => {
      if (!options.readOnly && !options.atomic) {
        await pgTx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
      }
      const tx = pgTx as unknown as Tx;
      return openTransaction.run({ connection: opened, tx }, () => work(tx));
    },
    options.readOnly ? { isolationLevel: "repeatable read", accessMode: "read only" } : undefined,
  );
}

/** A unique violation (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505) as a conflict. */
function asConflict(error: unknown): AppError | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505") {
      return new AppError("conflict", "This was saved by someone else meanwhile; reload and try again.", {
        details: { reason: "unique" },
      });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Rows of a raw SQL query, on either database. Numbers are numbers; times come as the SQL gives them. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  if (databaseDialect() === "postgres") {
    return (await (tx as unknown as PgDb).execute(query)).rows as T[];
  }
  return (tx as unknown as Db).all<T>(query);
}

/** A raw SQL statement that returns no rows, on either database. */
export async function executeSql(tx: Tx, statement: SQL): Promise<void> {
  if (databaseDialect() === "postgres") await (tx as unknown as PgDb).execute(statement);
  else (tx as unknown as Db).run(statement);
}

/** count(*) as a number (PostgreSQL's bigint arrives as a string otherwise). */
export async function countRows(tx: Tx, table: SQLiteTable, where?: SQL): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

/**
 * Calls `onNotify` whenever a transaction that sent NOTIFY on `channel` commits (PostgreSQL, on a
 * connection of its own, outside the pool: held as long as the process listens, it must not take
 * one of the connections that requests and transactions wait for), and `onLost` if that
 * connection drops. SQLite has no such thing: null, and the caller polls.
 */
export async function listenTo(
  channel: string,
  onNotify: () => void,
  onLost: () => void,
): Promise<{ close: () => void } | null> {
  const opened = connection();
  if (opened.dialect !== "postgres") return null;
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  const client = openListener(opened.url);
  let closed = false;
  const end = () => void client.end().catch(() => undefined);
  const lost = () => {
    if (closed) return;
    closed = true;
    end();
    onLost();
  };
  client.on("notification", (message) => {
    if (message.channel === channel) onNotify();
  });
  client.on("error", lost);
  client.on("end", lost);
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (error) {
    closed = true;
    end();
    throw error;
  }
  return {
    close: () => {
      if (closed) return;
      closed = true;
      client.removeAllListeners("notification");
      end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Read cache
// ---------------------------------------------------------------------------------------------

type ReadCache = { connection: Connection; stamp: string; values: Map<string, unknown> };
const globalForCache = globalThis as unknown as { claimDeskReadCache?: ReadCache };

/**
 * What the database has committed so far, as a stamp that changes with every write from any
 * process. SQLite: data_version (commits by other connections, the writer handle included) and
 * total_changes. PostgreSQL: the desk_changes counter that statement triggers bump on every write
 * to the tables cached reads depend on (db/migrations-pg/0003_change_counter.sql): one indexed
 * one-row read, and correct across processes and machines.
 */
async function changeStamp(opened: Connection): Promise<string> {
  if (opened.dialect === "postgres") {
    const result = await opened.db.execute(sql`SELECT n FROM desk_changes WHERE id = 1`);
    return String(result.rows[0]?.n ?? "");
  }
  const client = opened.db.$client;
  let stamp = stampStatements.get(client);
  if (!stamp) {
    // Prepared once per handle: preparing them on every read (and better-sqlite3's pragma(), which
    // prepares its statement each time) was most of a cached read's cost.
    stamp = client
      .prepare<[], string>("SELECT total_changes() || ':' || data_version AS n FROM pragma_data_version")
      .pluck();
    stampStatements.set(client, stamp);
  }
  return stamp.get() ?? "";
}

type SqliteClient = Extract<Connection, { dialect: "sqlite" }>["db"]["$client"];
const stampStatements = new WeakMap<SqliteClient, Statement<[], string>>();

/**
 * The change stamp of one request: read at its first cached read and used by the next ones, as
 * long as no transaction of this process has ended meanwhile (the request's own write, in a
 * server action, or another request's: those are read again at once). On PostgreSQL the stamp is
 * a round trip to the server, which a page made once per cached read (7 on the queue); SQLite's
 * costs a few microseconds in this process, so it is read every time, as before.
 */
export type ReadScope = {
  stamp?: Promise<string>;
  connection?: Connection;
  /** The connection's transactionsEnded when the stamp was read. */
  transactionsEnded?: number;
};

/** React's per-request cache: one scope per request being rendered; a new one on each call elsewhere. */
const requestScope = cache((): ReadScope => ({}));

function stampFor(opened: Connection, scope: ReadScope): Promise<string> {
  if (opened.dialect !== "postgres") return changeStamp(opened);
  const ended = opened.transactionsEnded ?? 0;
  if (scope.stamp && scope.connection === opened && scope.transactionsEnded === ended) return scope.stamp;
  const stamp = changeStamp(opened);
  Object.assign(scope, { stamp, connection: opened, transactionsEnded: ended });
  // A failed read (the server away) is not kept: the next cached read of the request tries again.
  stamp.catch(() => {
    if (scope.stamp === stamp) scope.stamp = undefined;
  });
  return stamp;
}

/**
 * The result of `read`, kept until the database next changes. For aggregates over every claim
 * that pages show on each view but that change only with writes. The stamp is read before `read`
 * runs (once per request on PostgreSQL: see ReadScope), so a write committed meanwhile makes the
 * next request read again. `scope` stands for the request; the default is React's per-request one.
 */
export async function cachedUntilWrite<T>(
  key: string,
  read: () => Promise<T>,
  scope: ReadScope = requestScope(),
): Promise<T> {
  const opened = connection();
  const stamp = await stampFor(opened, scope);
  let kept = globalForCache.claimDeskReadCache;
  if (!kept || kept.connection !== opened || kept.stamp !== stamp) {
    kept = { connection: opened, stamp, values: new Map() };
    globalForCache.claimDeskReadCache = kept;
  }
  if (kept.values.has(key)) return kept.values.get(key) as T;
  const value = await read();
  kept.values.set(key, value);
  return value;
}
