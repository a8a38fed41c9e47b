// Online backup and checked restore of the SQLite database (npm run backup / npm run restore).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runningServers } from "./server-lock";

/** Tables a Claim Desk database has from its first migration on. */
export const REQUIRED_TABLES = [
  "users",
  "articles",
  "claims",
  "claim_sources",
  "claim_events",
  "api_tokens",
] as const;

const MIGRATIONS_TABLE = "__drizzle_migrations";

export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpsError";
  }
}

export type DatabaseReport = {
  file: string;
  integrity: string;
  migrations: number;
  tables: Record<string, number>;
};

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Row counts of every table, by name (SQLite's own tables aside). */
export function countTables(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      db
        .prepare(`SELECT count(*) FROM ${quoteIdentifier(name)}`)
        .pluck()
        .get() as number,
    ]),
  );
}

/** The `when` of every migration the code knows (db/migrations/meta/_journal.json). */
function knownMigrations(migrationsFolder: string): Set<number> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { when: number }[];
  };
  return new Set(journal.entries.map((entry) => entry.when));
}

/**
 * Opens `file` read-only and checks that it is a sound Claim Desk database: SQLite's integrity
 * check passes, our tables are there, and every migration it records is one this code knows
 * (a database from a newer version is refused). Throws OpsError saying what is wrong.
 */
export function inspectDatabase(file: string, migrationsFolder: string): DatabaseReport {
  if (!fs.existsSync(file)) throw new OpsError(`${file} does not exist.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new OpsError(`${file} cannot be opened as a SQLite database (${(error as Error).message}).`);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join("; ");
    } catch (error) {
      throw new OpsError(`${file} is not a SQLite database (${(error as Error).message}).`);
    }
    if (integrity !== "ok") throw new OpsError(`${file} failed SQLite's integrity check: ${integrity}`);
    const tables = countTables(db);
    const missing = [...REQUIRED_TABLES, MIGRATIONS_TABLE].filter((name) => !(name in tables));
    if (missing.length > 0) {
      throw new OpsError(`${file} is not a Claim Desk database: it has no ${missing.join(", ")} table.`);
    }
    const applied = db.prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE}`).pluck().all() as number[];
    if (applied.length === 0)
      throw new OpsError(`${file} records no migrations: it is not a Claim Desk database.`);
    const known = knownMigrations(migrationsFolder);
    const unknown = applied.filter((when) => !known.has(Number(when)));
    if (unknown.length > 0) {
      throw new OpsError(
        `${file} was migrated by a newer or different version of Claim Desk (${unknown.length} unknown migrations). Restore it with that version.`,
      );
    }
    return { file, integrity, migrations: applied.length, tables };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the live database, taken with SQLite's online backup API while the app
 * keeps serving: all pages are copied in one step under one read transaction, so the copy is the
 * database as of one moment, and writers are not blocked (WAL). The copy is written beside the
 * destination and renamed into place once checked, and is a single self-contained file.
 */
export async function backupDatabase({
  source,
  destination,
  migrationsFolder,
}: {
  source: string;
  destination: string;
  migrationsFolder: string;
}): Promise<DatabaseReport> {
  if (!fs.existsSync(source)) throw new OpsError(`There is no database at ${source}.`);
  if (fs.existsSync(destination))
    throw new OpsError(`${destination} already exists. Choose a new file name.`);
  const dir = path.dirname(path.resolve(destination));
  if (!fs.existsSync(dir)) throw new OpsError(`The folder ${dir} does not exist.`);
  const partial = `${destination}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  try {
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    const report = inspectDatabase(partial, migrationsFolder);
    fs.renameSync(partial, destination);
    return { ...report, file: destination };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/**
 * Replaces the database with a backup. Refuses while a server uses the database, and refuses a
 * backup that fails inspectDatabase. The current database is first copied to
 * "<database>.before-restore-<time>" (kept; returned), then the backup is copied into place.
 */
export async function restoreDatabase({
  backup,
  target,
  migrationsFolder,
  now = new Date(),
}: {
  backup: string;
  target: string;
  migrationsFolder: string;
  now?: Date;
}): Promise<{ report: DatabaseReport; previous: string | null }> {
  const servers = runningServers(target);
  if (servers.pids.length > 0) {
    throw new OpsError(
      [
        `The app is running on this database (process ${servers.pids.join(", ")}). Stop it first, then restore again.`,
        `If no server is running, remove the folder ${servers.directory}.`,
      ].join("\n"),
    );
  }
  const report = inspectDatabase(backup, migrationsFolder);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${timestamp(now)}`;
    const current = new Database(target, { fileMustExist: true });
    try {
      await current.backup(previous, { progress: () => 0x7fffffff });
    } finally {
      current.close();
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  }
  const incoming = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(backup, incoming);
  // The old write-ahead log belongs to the old file: it must not be replayed into the restored one.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return { report: { ...report, file: target }, previous };
}
