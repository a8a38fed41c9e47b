// The bench on PostgreSQL (--db postgres) and with several server processes (--workers N).
// Imported first by scripts/bench.ts: with --db postgres, DATABASE_URL must be set before lib/data
// is first imported (lib/data/tables.ts picks the dialect then). The bench database (SQLite, made
// by npm run bench:data) is copied into a throwaway PostgreSQL server (test/pg-server.ts) with
// db:copy, so both databases hold the same rows.
import fs from "node:fs";
import pg from "pg";
import { parseArgs } from "node:util";
import { startPostgres, type PgServer } from "../../test/pg-server";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { db: { type: "string" }, "pg-port": { type: "string" } },
  strict: false,
});

export const BENCH_PG_PORT = Number(values["pg-port"] ?? process.env.TEST_PG_PORT ?? 5450);
export const BENCH_POSTGRES_URL =
  values.db === "postgres" ? `postgres://postgres@127.0.0.1:${BENCH_PG_PORT}/desk_bench` : undefined;
if (BENCH_POSTGRES_URL) process.env.DATABASE_URL = BENCH_POSTGRES_URL;
else delete process.env.DATABASE_URL;

/**
 * Starts the PostgreSQL server and copies the run's SQLite database into it (npm run db:copy's code).
 * With `keep` (--pg-keep): the server's folder is kept between runs there, the copy is made once
 * into a template database (desk_bench_seed, labelled with `sourceKey`: the bench database's path,
 * size and time) and every run starts from a fresh clone of it, a file copy of a few seconds
 * instead of a db:copy of several minutes, with the same rows (the approval runs write).
 */
export async function startBenchPostgres(
  runDb: string,
  log: (line: string) => void,
  keep?: { dir: string; sourceKey: string },
): Promise<PgServer> {
  const server = await startPostgres({ port: BENCH_PG_PORT, dir: keep?.dir });
  try {
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    const target = keep ? "desk_bench_seed" : "desk_bench";
    const seeded = keep
      ? (
          await admin.query<{ label: string | null }>(
            "SELECT shobj_description(oid, 'pg_database') AS label FROM pg_database WHERE datname = $1",
            [target],
          )
        ).rows[0]?.label === keep.sourceKey
      : false;
    if (!seeded) {
      await admin.query("DROP DATABASE IF EXISTS desk_bench WITH (FORCE)");
      await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${target}`);
      const { copySqliteToPostgres } = await import("@/lib/ops/db-copy");
      const report = await copySqliteToPostgres({ source: runDb, targetUrl: server.url(target) });
      const rows = report.tables.reduce((sum, t) => sum + t.targetRows, 0);
      log(`PostgreSQL on port ${BENCH_PG_PORT}: ${rows} rows copied in ${report.ms} ms, checksums match.`);
      const client = new pg.Client({ connectionString: server.url(target) });
      await client.connect();
      await client.query("VACUUM ANALYZE");
      await client.end();
      if (keep) await admin.query(`COMMENT ON DATABASE ${target} IS ${pg.escapeLiteral(keep.sourceKey)}`);
    }
    if (keep) {
      const started = Date.now();
      await admin.query("DROP DATABASE IF EXISTS desk_bench WITH (FORCE)");
      await admin.query(`CREATE DATABASE desk_bench TEMPLATE ${target} STRATEGY FILE_COPY`);
      log(
        `PostgreSQL on port ${BENCH_PG_PORT}: ${seeded ? "kept copy" : "copy"} in ${keep.dir} cloned in ${Date.now() - started} ms.`,
      );
    }
    // The copy's dirty pages written now, not by the checkpointer while the first routes are
    // measured (the server's background processes count in the desk's CPU).
    await admin.query("CHECKPOINT");
    await admin.end();
    return server;
  } catch (error) {
    server.stop();
    throw error;
  }
}

/** The pid of a PostgreSQL server's postmaster (the first line of postmaster.pid). */
export function postmasterPid(server: PgServer): number | null {
  try {
    return Number(fs.readFileSync(`${server.dir}/data/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a PostgreSQL server's processes (its postmaster's tree). */
export function postgresCpuSeconds(server: PgServer, clockTicks: number): number | null {
  const postmaster = postmasterPid(server);
  return postmaster ? treeCpuSeconds([postmaster], clockTicks) : null;
}

/**
 * CPU seconds (user + system) used so far by `roots` and every process below them, from /proc:
 * the cluster's server processes, PostgreSQL's backends. Processes that exited are not counted
 * (the servers run for the whole bench). Null where /proc is missing.
 */
export function treeCpuSeconds(roots: number[], clockTicks: number): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const name of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(name), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Gone meanwhile.
    }
  }
  const wanted = new Set(roots.filter((pid) => stats.has(pid)));
  if (wanted.size === 0) return null;
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, stat] of stats) {
      if (!wanted.has(pid) && wanted.has(stat.ppid)) {
        wanted.add(pid);
        grown = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of wanted) ticks += stats.get(pid)!.cpu;
  return ticks / clockTicks;
}

/** A node:cluster primary running `workers` `next start` processes on one port, as npm start does. */
export function clusterScript(nextJs: string, port: number, workers: number): string {
  return [
    "const cluster = require('node:cluster');",
    `cluster.setupPrimary({ exec: ${JSON.stringify(nextJs)}, args: ['start', '-p', '${port}', '-H', '127.0.0.1'], execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });`,
    `for (let i = 0; i < ${workers}; i++) cluster.fork();`,
    "const stop = () => { for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM'); setTimeout(() => process.exit(0), 2000); };",
    "process.on('SIGTERM', stop); process.on('SIGINT', stop);",
  ].join("\n");
}

type ComparedRow = {
  name: string;
  rps?: number;
  cpuMsPerRequest?: number;
  ok2xxPerSecond?: number;
  connections?: number;
};
type Results = { dialect?: string; workers?: number; rows: ComparedRow[] };

const PAGES = ["queue", "article", "articles", "search"];

/**
 * This run against an earlier one (--baseline FILE): requests per second and CPU per request as
 * ratios, per route, and the targets where the two runs differ in what they measure:
 * two processes against one (page req/s ≥ 1.6 ×), PostgreSQL against SQLite (CPU per request
 * ≤ 1.3 ×), and approvals through the API with two processes (≥ 500/s).
 */
export function compareRuns(current: Results, baseline: Results) {
  const base = new Map(baseline.rows.map((row) => [row.name, row]));
  const routes = current.rows
    .filter((row) => base.has(row.name))
    .map((row) => {
      const b = base.get(row.name)!;
      return {
        name: row.name,
        rpsRatio: row.rps && b.rps ? row.rps / b.rps : undefined,
        cpuRatio:
          row.cpuMsPerRequest && b.cpuMsPerRequest ? row.cpuMsPerRequest / b.cpuMsPerRequest : undefined,
      };
    });
  const pages = routes.filter((r) => PAGES.includes(r.name));
  const mean = (xs: (number | undefined)[]) => {
    const ok = xs.filter((x): x is number => x !== undefined);
    return ok.length > 0 ? ok.reduce((a, b) => a + b, 0) / ok.length : undefined;
  };
  /** met undefined: a control measured for comparison, not a target. */
  const targets: { target: string; value?: number; met?: boolean }[] = [];
  if ((current.workers ?? 1) === 2 && (baseline.workers ?? 1) === 1 && current.dialect === baseline.dialect) {
    const value = mean(pages.map((p) => p.rpsRatio));
    targets.push({
      target: "two processes vs one: page req/s ≥ 1.6 ×",
      value,
      met: value !== undefined && value >= 1.6,
    });
  }
  // The control: the framework's own page as N processes against one process, both in this run.
  const control = current.rows.find((row) => row.name === "framework-workers");
  const single = mean(
    current.rows
      .filter(
        (row) =>
          (row.name === "minimal" || row.name === "minimal-end") && row.connections === control?.connections,
      )
      .map((row) => row.rps),
  );
  if (control?.rps && single) {
    targets.push({
      target: `control: the minimal Next.js page, ${current.workers} processes vs one, req/s (this machine's ceiling)`,
      value: control.rps / single,
    });
  }
  if (
    current.dialect === "postgres" &&
    (baseline.dialect ?? "sqlite") === "sqlite" &&
    current.workers === baseline.workers
  ) {
    const value = mean(pages.map((p) => p.cpuRatio));
    targets.push({
      target: "PostgreSQL vs SQLite: page CPU per request ≤ 1.3 ×",
      value,
      met: value !== undefined && value <= 1.3,
    });
  }
  if ((current.workers ?? 1) >= 2) {
    const approve = current.rows.find((row) => row.name === "approve");
    const value = approve?.ok2xxPerSecond ?? approve?.rps;
    targets.push({
      target: `approvals via the API with ${current.workers} processes ≥ 500/s`,
      value,
      met: value !== undefined && value >= 500,
    });
  }
  return { routes, targets };
}
