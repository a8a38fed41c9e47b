// A throwaway PostgreSQL server for the tests: initdb in a temporary folder, pg_ctl start on a
// loopback port (unix socket in that folder too), removed when stopped. Debian's postgresql
// package provides the binaries; when they are missing and we are root, it is installed with
// apt-get as CI does, else the error says what to install. As root the server runs as the
// postgres user (PostgreSQL refuses to run as root), so the folder belongs to that user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type PgServer = {
  url: (database: string) => string;
  port: number;
  dir: string;
  stop: () => void;
  /** Stops the server (fast: sessions are ended), keeping its data, for resume() to start it again. */
  halt: () => void;
  resume: () => void;
};

const VERSIONS = ["17", "16", "15", "14", "13"];
const DEBIAN_DIRS = VERSIONS.map((version) => `/usr/lib/postgresql/${version}/bin`);

function hasBinaries(dir: string): boolean {
  return fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"));
}

function findBinaries(dirs: string[]): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && hasBinaries(fromEnv)) return fromEnv;
  return dirs.find(hasBinaries) ?? null;
}

export const INSTALL_HINT =
  "PostgreSQL tests need Debian's postgresql package (initdb, pg_ctl, and the unaccent extension): " +
  "sudo apt-get install -y postgresql (or set PG_BIN to the folder holding initdb and pg_ctl).";

function aptInstallPostgres(): void {
  console.log("PostgreSQL is missing: installing Debian's postgresql package (as .ci/run does)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], {
    stdio: "inherit",
    env,
  });
}

/**
 * The folder of initdb and pg_ctl: PG_BIN, else Debian's. When missing, installs Debian's
 * postgresql package if we are root on a machine with apt-get (as .ci/run does), else throws an
 * error that says what to install. The arguments are for the tests of this very function.
 */
export function postgresBinaries({
  dirs = DEBIAN_DIRS,
  root = process.getuid?.() === 0,
  hasAptGet = () => spawnSync("sh", ["-c", "command -v apt-get"]).status === 0,
  install = aptInstallPostgres,
}: {
  dirs?: string[];
  root?: boolean;
  hasAptGet?: () => boolean;
  install?: () => void;
} = {}): string {
  const found = findBinaries(dirs);
  if (found) return found;
  if (!root || !hasAptGet()) throw new Error(INSTALL_HINT);
  try {
    install();
  } catch (error) {
    throw new Error(
      `Installing PostgreSQL with apt-get failed (${(error as Error).message}). ${INSTALL_HINT}`,
      {
        cause: error,
      },
    );
  }
  const installed = findBinaries(dirs);
  if (!installed)
    throw new Error(`apt-get installed postgresql, yet initdb is still missing. ${INSTALL_HINT}`);
  return installed;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** `port`, else TEST_PG_PORT, else the first free port from 5440 (within 5440–5449 when one is free). */
async function choosePort(port?: number): Promise<number> {
  if (port) return port;
  if (process.env.TEST_PG_PORT) return Number(process.env.TEST_PG_PORT);
  for (let port = 5440; port < 5540; port++) if (await portIsFree(port)) return port;
  throw new Error("No free port for the test PostgreSQL server between 5440 and 5539.");
}

function asPostgres(bin: string, args: string[], options: { cwd: string }): void {
  const root = process.getuid?.() === 0;
  const command = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const result = root
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { cwd: options.cwd, encoding: "utf8" })
    : spawnSync(bin, args, { cwd: options.cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout || result.error}`);
  }
}

/**
 * Starts a fresh server and returns how to reach it. Trust authentication on loopback and the
 * folder's socket only: nothing but this machine can reach it, and it lives as long as the run.
 */
export async function startPostgres(wanted: { port?: number; dir?: string } = {}): Promise<PgServer> {
  const bin = postgresBinaries();
  // `dir`: a folder kept between runs (the bench's --pg-keep): initdb only the first time, and
  // stop() stops the server without removing it.
  const kept = wanted.dir !== undefined;
  const dir = kept ? path.resolve(wanted.dir!) : fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pg-"));
  fs.mkdirSync(dir, { recursive: true });
  const root = process.getuid?.() === 0;
  if (root) execFileSync("chown", ["postgres:postgres", dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, "data");
  const port = await choosePort(wanted.port);
  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    asPostgres(
      path.join(bin, "initdb"),
      ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
      { cwd: dir },
    );
  }
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    // A test database: speed over durability (the data is thrown away).
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  const start = () =>
    asPostgres(
      path.join(bin, "pg_ctl"),
      ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "start"],
      {
        cwd: dir,
      },
    );
  start();
  let stopped = false;
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    halt() {
      asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], { cwd: dir });
    },
    resume: start,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", kept ? "fast" : "immediate", "-w", "stop"], {
          cwd: dir,
        });
      } finally {
        if (!kept) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
