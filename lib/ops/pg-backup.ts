// Backup and restore of a PostgreSQL desk (DATABASE_URL) with PostgreSQL's own tools: pg_dump in
// its custom format (compressed, one file, restorable table by table) and pg_restore. The dump is
// one consistent snapshot of the database, taken while the app keeps serving.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { OpsError, REQUIRED_TABLES } from "./backup";

const run = promisify(execFile);

/** PG_BIN, else pg_dump / pg_restore on the PATH, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const candidates = [
    process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : "",
    ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => (dir ? path.join(dir, name) : "")),
    ...["17", "16", "15", "14", "13"].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`),
  ];
  const found = candidates.find((file) => file && fs.existsSync(file));
  if (!found) {
    throw new OpsError(
      `${name} was not found. Install PostgreSQL's client tools (Debian: apt-get install postgresql-client) or set PG_BIN to their folder.`,
    );
  }
  return found;
}

export type PostgresDumpReport = { file: string; bytes: number; tables: string[]; entries: number };

/** The tables with data in a custom-format dump, as pg_restore --list tells them. */
async function dumpContents(file: string): Promise<{ tables: string[]; entries: number }> {
  let listing: string;
  try {
    listing = (await run(postgresTool("pg_restore"), ["--list", file], { maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  } catch (error) {
    throw new OpsError(
      `${file} is not a pg_dump archive (custom format): ${(error as Error).message.trim()}`,
    );
  }
  const lines = listing.split("\n").filter((line) => /^\d+;/.test(line));
  const tables = lines
    .map((line) => /TABLE DATA (\S+) (\S+) /.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => (m[1] === "public" ? m[2]! : `${m[1]}.${m[2]}`));
  return { tables, entries: lines.length };
}

/** Checks that `file` is a pg_dump archive of a Claim Desk database; throws OpsError saying why not. */
export async function inspectPostgresDump(file: string): Promise<PostgresDumpReport> {
  if (!fs.existsSync(file)) throw new OpsError(`${file} does not exist.`);
  const { tables, entries } = await dumpContents(file);
  const missing = [...REQUIRED_TABLES, "drizzle.__drizzle_migrations"].filter((t) => !tables.includes(t));
  if (missing.length > 0) {
    throw new OpsError(
      `${file} is not a backup of a Claim Desk database: it has no ${missing.join(", ")} table.`,
    );
  }
  return { file, bytes: fs.statSync(file).size, tables, entries };
}

/** pg_dump of `url` into `destination` (which must not exist), written beside it and renamed once checked. */
export async function backupPostgres({ url, destination }: { url: string; destination: string }) {
  if (fs.existsSync(destination))
    throw new OpsError(`${destination} already exists. Choose a new file name.`);
  const dir = path.dirname(path.resolve(destination));
  if (!fs.existsSync(dir)) throw new OpsError(`The folder ${dir} does not exist.`);
  const partial = `${destination}.partial-${process.pid}`;
  try {
    await run(
      postgresTool("pg_dump"),
      ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, url],
      {
        env: { ...process.env, PGAPPNAME: "claim-desk-backup" },
      },
    );
    const report = await inspectPostgresDump(partial);
    fs.renameSync(partial, destination);
    return { ...report, file: destination };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof OpsError) throw error;
    throw new OpsError(
      `pg_dump failed: ${((error as { stderr?: string }).stderr || (error as Error).message).trim()}`,
    );
  }
}

/** Sessions of the app (application_name claim-desk) connected to the database of `url`. */
async function appConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: "claim-desk-restore" });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claim-desk' AND pid <> pg_backend_pid()",
    );
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/**
 * Replaces the database of `url` with a backup made by backupPostgres. Refuses while the app is
 * connected to it and refuses a file that is not a desk's dump. The current database is first
 * dumped to "<backup>.before-restore-<time>" (kept; returned); then pg_restore --clean replaces
 * every object in one transaction: a restore that fails changes nothing.
 */
export async function restorePostgres({
  url,
  backup,
  now = new Date(),
}: {
  url: string;
  backup: string;
  now?: Date;
}): Promise<{ report: PostgresDumpReport; previous: string }> {
  const report = await inspectPostgresDump(backup);
  const connected = await appConnections(url).catch((error: Error) => {
    throw new OpsError(`Cannot reach the database: ${error.message}`);
  });
  if (connected > 0) {
    throw new OpsError(
      `The app is connected to this database (${connected} connections of claim-desk). Stop every app process first, then restore again.`,
    );
  }
  const previous = `${backup}.before-restore-${timestamp(now)}`;
  await backupPostgres({ url, destination: previous });
  try {
    await run(
      postgresTool("pg_restore"),
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        url,
        backup,
      ],
      { env: { ...process.env, PGAPPNAME: "claim-desk-restore" }, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    throw new OpsError(
      `pg_restore failed, nothing was changed: ${((error as { stderr?: string }).stderr || (error as Error).message).trim()}`,
    );
  }
  return { report, previous };
}
