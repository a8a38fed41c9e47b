// A `next start` of the production build that a spec owns: on its own port and its own fresh SQLite
// file, with accounts and API tokens prepared through lib/data beforehand, killed (SIGKILL too) and
// restarted at will. For the reliability specs (crash, load), which must not touch the shared test
// server or its database. Loopback only.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeDb, prepareDb } from "@/lib/data/connection";
import { createToken } from "@/lib/data/tokens";
import { createUser } from "@/lib/data/users";
import type { Role } from "@/lib/review/model";
import { E2E_PG_PORT, E2E_POSTGRES } from "./env";

/** A fresh directory in the system's temporary folder holding `claimdesk.db` (not created yet). */
export function freshDatabase(name: string): { dir: string; file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-${name}-`));
  return {
    dir,
    file: path.join(dir, "claimdesk.db"),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh desk database for a spec's own servers: with E2E_DB=postgres a new database on the e2e
 * PostgreSQL server (or on `adminUrl`'s server), else a SQLite file as freshDatabase makes.
 * `env` is what the servers need to use it; `rows` reads it beside them (SQL that both databases
 * read alike: quote camelCase aliases); `remove` drops it.
 */
export type DeskDatabase = {
  dialect: "sqlite" | "postgres";
  file: string;
  url?: string;
  env: Record<string, string>;
  rows: <T>(query: string) => Promise<T[]>;
  remove: () => Promise<void>;
};

export async function freshDeskDatabase(
  name: string,
  adminUrl = E2E_POSTGRES ? `postgres://postgres@127.0.0.1:${E2E_PG_PORT}/postgres` : undefined,
): Promise<DeskDatabase> {
  const local = freshDatabase(name);
  if (!adminUrl) {
    return {
      dialect: "sqlite",
      file: local.file,
      env: { DATABASE_PATH: local.file, DATABASE_URL: "" },
      async rows<T>(query: string) {
        const sqlite = new Database(local.file, { readonly: true, fileMustExist: true });
        try {
          return sqlite.prepare(query).all() as T[];
        } finally {
          sqlite.close();
        }
      },
      remove: async () => local.remove(),
    };
  }
  const database = `desk_${name.replace(/\W/g, "_")}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    dialect: "postgres",
    file: local.file,
    url: url.toString(),
    env: { DATABASE_PATH: local.file, DATABASE_URL: url.toString() },
    async rows<T>(query: string) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(query)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async remove() {
      local.remove();
      const drop = new pg.Client({ connectionString: adminUrl });
      try {
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } catch {
        // The server is gone already (a spec's own server, stopped): nothing to drop.
      } finally {
        await drop.end().catch(() => undefined);
      }
    },
  };
}

export type PreparedAccount = { id: number; role: Role; email: string; tokens: string[] };

/**
 * Creates the database at `file` (migrated, no demo workspace) with the accounts asked for, each with
 * `tokens` API tokens. DATABASE_PATH points at `file` only meanwhile: the worker runs other specs
 * afterwards that arrange state on the shared test database through the same lib/data.
 */
export async function prepareDatabase(
  file: string | DeskDatabase,
  accounts: { role: Role; tokens: number; password?: string }[],
): Promise<PreparedAccount[]> {
  const previous = process.env.DATABASE_PATH;
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_PATH = typeof file === "string" ? file : file.file;
  // On PostgreSQL (the worker's lib/data is bound to it under E2E_DB=postgres): that database.
  if (typeof file !== "string" && file.url) process.env.DATABASE_URL = file.url;
  try {
    await prepareDb();
    const prepared: PreparedAccount[] = [];
    for (const [index, wanted] of accounts.entries()) {
      const email = `${wanted.role}-${index + 1}@reliability.test`;
      const user = await createUser({
        email,
        name: `${wanted.role} ${index + 1}`,
        role: wanted.role,
        // Without a password given, nobody signs in: the account acts through its tokens only.
        password: wanted.password ?? `unused-password-${index}-${Date.now()}`,
      });
      const actor = { id: user.id, role: user.role };
      const tokens: string[] = [];
      for (let t = 0; t < wanted.tokens; t++) {
        tokens.push((await createToken({ actor, input: { name: `client ${t + 1}` } })).token);
      }
      prepared.push({ id: user.id, role: user.role, email, tokens });
    }
    return prepared;
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.DATABASE_PATH;
    else process.env.DATABASE_PATH = previous;
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}

export type OwnServer = {
  baseUrl: string;
  pid: number;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** Sends `signal` to the server's whole process group and waits until the server has exited. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

const NEXT = path.join(process.cwd(), "node_modules", ".bin", "next");

/** Starts `next start` on 127.0.0.1:`port` over `databasePath` and waits until /api/v1/health answers 200. */
export async function startServer({
  port,
  databasePath,
  env = {},
  timeoutMs = 90_000,
}: {
  port: number;
  databasePath: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<OwnServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  if (await answers(`${baseUrl}/api/v1/health`)) {
    throw new Error(`Port ${port} is already served by another process: pick a free one.`);
  }
  const chunks: string[] = [];
  const child: ChildProcess = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    // Its own process group, so that a kill reaches any process `next start` forks, and only those.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: databasePath,
      SEED_DEMO: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  child.stdout?.on("data", (data: Buffer) => chunks.push(data.toString()));
  child.stderr?.on("data", (data: Buffer) => chunks.push(data.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${NEXT}`);

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(signal);
    // A graceful stop waits for open connections, and a page's live channel stays open: after a
    // few seconds the server is stopped for good.
    const forced = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(forced);
  };

  // Should the worker exit without the spec's cleanup (a timeout, an interrupted run), take the server along.
  const killOnExit = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killOnExit);
  void exited.then(() => process.removeListener("exit", killOnExit));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited before answering:\n${chunks.join("")}`);
    }
    if (await answers(`${baseUrl}/api/v1/health`)) break;
    if (Date.now() > deadline) {
      await kill("SIGKILL");
      throw new Error(`next start did not answer within ${timeoutMs} ms:\n${chunks.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, pid, output: () => chunks.join(""), kill };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Every process of the group `pid` led is gone (so nothing of the killed server lingers on). */
export function processGroupIsGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
