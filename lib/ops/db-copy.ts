// Moving a desk from SQLite to PostgreSQL (npm run db:copy -- --to postgres://…): every table of
// the schema, copied row by row with its ids and times, then checked (row counts and a checksum
// per table, computed the same way from both sides).
//
// Table-driven: the tables are those db/schema.ts and db/schema-pg.ts export (a table one branch
// adds later is copied without touching this file); a table or a column on one side only stops
// the copy before anything is written. Rows go through drizzle on both sides, so each column's
// value is converted as the app converts it (integer milliseconds ↔ timestamptz, 0/1 ↔ boolean,
// JSON text ↔ jsonb). Tables are copied parents first (their foreign keys read from the schema),
// all in one PostgreSQL transaction: a copy that fails or does not check out leaves no row behind.
// The append-only triggers on the history tables refuse UPDATE, DELETE and TRUNCATE only; the copy
// INSERTs, so they stay on. The identity sequences are set past the largest id copied.
import { createHash } from "node:crypto";
import { asc, getTableColumns, getTableName, is, sql, type Column } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { migratePostgres, openPostgres, type PgDb } from "@/db/client-pg";
import * as sqliteSchema from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";
import { OpsError } from "./backup";
import { runningServers } from "./server-lock";

export type TablePair = { name: string; sqlite: SQLiteTable; pg: PgTable; columns: string[] };

export type TableCheck = {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
};

/** The schema's tables, paired by SQL name; a table or column on one side only is an error. */
export function deskTables(
  sqliteModule: Record<string, unknown> = sqliteSchema,
  pgModule: Record<string, unknown> = pgSchema,
): TablePair[] {
  const sqliteTables = new Map<string, SQLiteTable>();
  for (const value of Object.values(sqliteModule)) {
    if (is(value, SQLiteTable)) sqliteTables.set(getTableName(value), value);
  }
  const pgTables = new Map<string, PgTable>();
  for (const value of Object.values(pgModule)) {
    if (is(value, PgTable)) pgTables.set(getTableName(value), value);
  }
  const onlySqlite = [...sqliteTables.keys()].filter((name) => !pgTables.has(name));
  const onlyPg = [...pgTables.keys()].filter((name) => !sqliteTables.has(name));
  if (onlySqlite.length > 0 || onlyPg.length > 0) {
    throw new OpsError(
      [
        onlySqlite.length > 0 ? `only in db/schema.ts (SQLite): ${onlySqlite.join(", ")}` : "",
        onlyPg.length > 0 ? `only in db/schema-pg.ts (PostgreSQL): ${onlyPg.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ")
        .replace(/^/, "The two schemas do not have the same tables, ") + ". Nothing was copied.",
    );
  }
  const pairs = [...sqliteTables].map(([name, table]) => {
    const a = Object.keys(getTableColumns(table)).sort();
    const b = Object.keys(getTableColumns(pgTables.get(name)!)).sort();
    if (a.join() !== b.join()) {
      throw new OpsError(
        `The table ${name} has different columns in the two schemas (SQLite: ${a.join(", ")}; PostgreSQL: ${b.join(", ")}). Nothing was copied.`,
      );
    }
    return { name, sqlite: table, pg: pgTables.get(name)!, columns: a };
  });
  return parentsFirst(pairs);
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
function parentsFirst(pairs: TablePair[]): TablePair[] {
  const parents = new Map(
    pairs.map((pair) => [
      pair.name,
      new Set(
        sqliteTableConfig(pair.sqlite)
          .foreignKeys.map((fk) => getTableName(fk.reference().foreignTable))
          .filter((parent) => parent !== pair.name),
      ),
    ]),
  );
  const ordered: TablePair[] = [];
  const placed = new Set<string>();
  while (ordered.length < pairs.length) {
    const ready = pairs.filter(
      (pair) => !placed.has(pair.name) && [...parents.get(pair.name)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0) {
      const left = pairs.filter((pair) => !placed.has(pair.name)).map((pair) => pair.name);
      throw new OpsError(`The foreign keys of ${left.join(", ")} form a cycle: no copy order exists.`);
    }
    for (const pair of ready.sort((x, y) => x.name.localeCompare(y.name))) {
      ordered.push(pair);
      placed.add(pair.name);
    }
  }
  return ordered;
}

/** The primary key columns (drizzle keys) of a table, in order; every desk table has one. */
function primaryKey(pair: TablePair): string[] {
  const columns = getTableColumns(pair.sqlite) as Record<string, Column>;
  const single = Object.keys(columns).filter((key) => columns[key]!.primary);
  if (single.length > 0) return single;
  const composite = sqliteTableConfig(pair.sqlite).primaryKeys[0];
  if (!composite)
    throw new OpsError(`The table ${pair.name} has no primary key: it cannot be copied in order.`);
  const byName = new Map(Object.entries(columns).map(([key, column]) => [column.name, key]));
  return composite.columns.map((column) => byName.get(column.name)!);
}

/** A value as the checksum sees it: the same on both sides whatever the driver returns. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, normalise((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const MODULUS = 1n << 256n;

/**
 * Row count and checksum of a table: the sum (mod 2^256) of the SHA-256 of each row's normalised
 * JSON (columns by name, times as milliseconds, JSON objects with sorted keys). Independent of
 * the order rows come in, so each side may read in its own key order.
 */
class TableDigest {
  rows = 0;
  private sum = 0n;
  add(row: Record<string, unknown>, columns: string[]): void {
    const canonical = JSON.stringify(columns.map((column) => [column, normalise(row[column])]));
    this.sum = (this.sum + BigInt(`0x${createHash("sha256").update(canonical).digest("hex")}`)) % MODULUS;
    this.rows++;
  }
  get checksum(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

/** The checksum of `rows` as the copy computes it on each side (for tests). */
export function rowsChecksum(rows: Record<string, unknown>[], columns: string[]): string {
  const digest = new TableDigest();
  for (const row of rows) digest.add(row, columns);
  return digest.checksum;
}

const READ_BATCH = 1_000;
/** PostgreSQL takes at most 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;

type Reader = (offset: number) => Promise<Record<string, unknown>[]>;

function sqliteReader(db: Db, pair: TablePair): Reader {
  const columns = getTableColumns(pair.sqlite) as Record<string, Column>;
  const order = primaryKey(pair).map((key) => asc(columns[key]!));
  return async (offset) =>
    (await db
      .select()
      .from(pair.sqlite)
      .orderBy(...order)
      .limit(READ_BATCH)
      .offset(offset)) as Record<string, unknown>[];
}

function pgReader(db: Pick<PgDb, "select">, pair: TablePair): Reader {
  const columns = getTableColumns(pair.pg) as Record<string, Column>;
  const order = primaryKey(pair).map((key) => asc(columns[key]!));
  return async (offset) =>
    (await db
      .select()
      .from(pair.pg)
      .orderBy(...order)
      .limit(READ_BATCH)
      .offset(offset)) as Record<string, unknown>[];
}

async function digestOf(read: Reader, columns: string[]): Promise<TableDigest> {
  const digest = new TableDigest();
  for (let offset = 0; ; offset += READ_BATCH) {
    const rows = await read(offset);
    for (const row of rows) digest.add(row, columns);
    if (rows.length < READ_BATCH) return digest;
  }
}

/** Tables of the schema that already hold rows in the target (the ones that exist there). */
async function rowsAlreadyThere(target: PgDb, pairs: TablePair[]): Promise<string[]> {
  const found: string[] = [];
  for (const pair of pairs) {
    const exists = await target.execute(sql`SELECT to_regclass(${`public.${pair.name}`}) AS t`);
    if (!exists.rows[0]?.t) continue;
    const rows = await target.execute(sql`SELECT count(*) AS n FROM ${sql.identifier(pair.name)}`);
    const n = Number(rows.rows[0]?.n ?? 0);
    if (n > 0) found.push(`${pair.name} (${n} rows)`);
  }
  return found;
}

/** The name of the identity sequence of `table`.`column`, if it has one. */
async function sequenceOf(db: Pick<PgDb, "execute">, table: string, column: string): Promise<string | null> {
  const result = await db.execute(sql`SELECT pg_get_serial_sequence(${`public.${table}`}, ${column}) AS s`);
  return (result.rows[0]?.s as string | null) ?? null;
}

export type CopyReport = { source: string; tables: TableCheck[]; ms: number };

/** A postgres:// URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(the given URL)";
  }
}

/**
 * Copies the SQLite desk at `source` into the PostgreSQL database at `targetUrl`, which must hold
 * no desk rows (it may be brand new: it is migrated first). Throws OpsError when refused or when
 * the check fails (then nothing is left in the target's tables).
 */
export async function copySqliteToPostgres({
  source,
  targetUrl,
  log = () => {},
}: {
  source: string;
  targetUrl: string;
  log?: (line: string) => void;
}): Promise<CopyReport> {
  const started = Date.now();
  const pairs = deskTables();
  const servers = runningServers(source);
  if (servers.pids.length > 0) {
    throw new OpsError(
      `The app is running on ${source} (process ${servers.pids.join(", ")}): writes made during the copy would be lost. Stop it first, then copy again.`,
    );
  }
  const sqliteDb = openDatabase(source);
  const target = openPostgres(targetUrl);
  try {
    // The source at the code's schema (the app would migrate it at start as well).
    migrateDatabase(sqliteDb);
    let occupied: string[];
    try {
      occupied = await rowsAlreadyThere(target, pairs);
    } catch (error) {
      throw new OpsError(`Cannot reach ${redactUrl(targetUrl)}: ${(error as Error).message}`);
    }
    if (occupied.length > 0) {
      throw new OpsError(
        `${redactUrl(targetUrl)} already holds desk data: ${occupied.join(", ")}. ` +
          "db:copy only copies into an empty database: create a new one (createdb) and copy into it.",
      );
    }
    await migratePostgres(target);
    log(`Target migrated; copying ${pairs.length} tables from ${source}.`);

    // One read transaction on the source: every table as of the same moment.
    sqliteDb.$client.exec("BEGIN");
    try {
      const tables = await target.transaction(async (tx) => {
        // Refuse again inside the transaction, under the desk's write lock: nobody filled it meanwhile.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(7036146)`);
        const late = await rowsAlreadyThere(tx as unknown as PgDb, pairs);
        if (late.length > 0)
          throw new OpsError(`${redactUrl(targetUrl)} was written to meanwhile: ${late.join(", ")}.`);
        const checks: TableCheck[] = [];
        for (const pair of pairs) {
          const read = sqliteReader(sqliteDb, pair);
          const sourceDigest = new TableDigest();
          const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / pair.columns.length));
          for (let offset = 0; ; offset += READ_BATCH) {
            const rows = await read(offset);
            for (const row of rows) sourceDigest.add(row, pair.columns);
            for (let i = 0; i < rows.length; i += chunk) {
              await tx.insert(pair.pg).values(rows.slice(i, i + chunk) as never);
            }
            if (rows.length < READ_BATCH) break;
          }
          const columns = getTableColumns(pair.pg) as Record<string, Column>;
          for (const key of primaryKey(pair)) {
            const sequence = await sequenceOf(tx as unknown as PgDb, pair.name, columns[key]!.name);
            if (!sequence) continue;
            const column = sql.identifier(columns[key]!.name);
            await tx.execute(
              sql`SELECT setval(${sequence}, coalesce((SELECT max(${column}) FROM ${sql.identifier(pair.name)}), 0) + 1, false)`,
            );
          }
          const targetDigest = await digestOf(pgReader(tx as unknown as PgDb, pair), pair.columns);
          const check: TableCheck = {
            table: pair.name,
            sourceRows: sourceDigest.rows,
            targetRows: targetDigest.rows,
            sourceChecksum: sourceDigest.checksum,
            targetChecksum: targetDigest.checksum,
            ok: sourceDigest.rows === targetDigest.rows && sourceDigest.checksum === targetDigest.checksum,
          };
          checks.push(check);
          log(formatCheck(check));
        }
        const failed = checks.filter((check) => !check.ok);
        if (failed.length > 0) {
          throw new OpsError(
            `The copy does not match the source in ${failed.map((c) => c.table).join(", ")}: rolled back, nothing was kept.`,
          );
        }
        return checks;
      });
      return { source, tables, ms: Date.now() - started };
    } finally {
      sqliteDb.$client.exec("COMMIT");
    }
  } finally {
    sqliteDb.$client.close();
    await target.$client.end();
  }
}

export function formatCheck(check: TableCheck): string {
  const mark = check.ok ? "ok" : "MISMATCH";
  const sum =
    check.sourceChecksum === check.targetChecksum
      ? check.sourceChecksum.slice(0, 16)
      : `${check.sourceChecksum.slice(0, 16)} ≠ ${check.targetChecksum.slice(0, 16)}`;
  return `${check.table.padEnd(20)} ${String(check.sourceRows).padStart(8)} → ${String(check.targetRows).padEnd(8)} sha256-sum ${sum}  ${mark}`;
}
