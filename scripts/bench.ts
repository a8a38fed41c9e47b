// npm run bench [-- --db bench/data/bench.db --port 3207 --connections 32 --duration 10 --warmup 3
//                  --only empty,queue --profile --note "what was measured"
//                  --db postgres [--data bench/data/bench.db --pg-port 5450] --workers N
//                  --baseline bench/results-other.json]
//
// --db postgres: the same table on PostgreSQL (the bench database copied into a throwaway server
// with db:copy; its processes' CPU counted with the desk's). --workers N: the desk as N `next start`
// processes on one port (node:cluster, as npm start with WEB_CONCURRENCY=N). --baseline: this run
// against an earlier one's results, as ratios, with the targets of issue 14 (scripts/bench/database.ts).
//
// Builds when needed (scripts/bench/builds.ts), serves `next start` of the desk on a copy of the
// benchmark database (npm run bench:data; built first when missing) and, in the same run, of
// bench/minimal, a bare Next.js app of the same version (a root layout and one dynamic page) on the
// next port. Signs in and measures each route with autocannon: requests per second, p50/p95/p99
// latency and the server's CPU time per response, and reports every route as a multiple of the
// minimal app's CPU per response at the same number of connections (the framework's own cost on
// this machine, in this run: a ratio that other load on the machine barely moves). The desk is
// served from a copy with two empty pages added (/bench-empty in the signed-in layout, /bench-root
// with the root layout alone), so that the layouts' own cost is measured without a product route.
// Also the first-load JavaScript of each page (gzipped, against the minimal page's), the search
// query alone, and the suggestion cost per 10,000 words. Prints a table and writes
// bench/results.json and bench/results.md. Routes missing on this branch are reported as not
// available. --profile writes a .cpuprofile of the desk's server to bench/data/profiles/ and
// prints where its time went in the measured runs (scripts/bench/profile.ts; not the start-up).
// First: sets DATABASE_URL for --db postgres before lib/data loads.
import {
  BENCH_POSTGRES_URL,
  clusterScript,
  compareRuns,
  BENCH_PG_PORT,
  postgresCpuSeconds,
  postmasterPid,
  startBenchPostgres,
  treeCpuSeconds,
} from "./bench/database";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon, { type Request as CannonRequest } from "autocannon";
import Database from "better-sqlite3";
import { suggestClaims } from "@/lib/claims";
import type { Role } from "@/lib/review/model";
import { manifestPath, type BenchManifest } from "./bench/accounts";
import { createRng, generateText, type Lang } from "./bench/text";
import { buildDeskCopy, buildMinimalApp } from "./bench/builds";
import { catalogBytes, measurePieces, type Piece } from "./bench/pieces";
import { monotonicUs, summariseProfile, type ProfileWindow } from "./bench/profile";
import { REANCHOR_TARGET_MS, reanchorCost } from "./bench/reanchor";

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: "string", default: "bench/data/bench.db" },
    port: { type: "string", default: "3207" },
    connections: { type: "string", default: "32" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    only: { type: "string" },
    out: { type: "string", default: "bench/results.json" },
    profile: { type: "boolean", default: false },
    note: { type: "string" },
    data: { type: "string" },
    "pg-port": { type: "string" },
    "pg-keep": { type: "boolean", default: false },
    workers: { type: "string", default: "1" },
    baseline: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (args.help) {
  console.log(
    "npm run bench [-- --db FILE|postgres --data FILE --pg-port 5450 --pg-keep --workers N --baseline FILE --port 3207 --connections 32 --duration 10 --warmup 3 --only a,b --profile --note TEXT]",
  );
  process.exit(0);
}

const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
/** The minimal app's port: the next one. */
const MINIMAL_PORT = PORT + 1;
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const ONLY = args.only ? new Set(args.only.split(",")) : null;
const POSTGRES = args.db === "postgres";
const WORKERS = Number(args.workers);
const DB = path.resolve(POSTGRES ? (args.data ?? "bench/data/bench.db") : args.db);
/** The bench's PostgreSQL server (--db postgres), its postmaster's pid for the CPU count. */
let postgresServer: Awaited<ReturnType<typeof startBenchPostgres>> | undefined;
/** This checkout's copy of the database for the run (never the source's folder: another checkout may be running). */
const RUN_DB = path.resolve("bench/data/bench.run.db");
/** --pg-keep: the PostgreSQL server's folder, kept between runs (git-ignored with bench/data). */
const PG_KEEP_DIR = path.resolve(`bench/data/pg-${BENCH_PG_PORT}`);

// ---------------------------------------------------------------------------------------------
// Targets (issue 20, on a 2-core machine): CPU per response as a multiple of the minimal app's
// dynamic page at the same number of connections, in the same run.

type Target = { ratio?: number; p95?: number; rps?: number; note: string };
const PAGE_TARGET: Target = { ratio: 4, note: "≤ 4 × minimal" };
const PAGE_TARGET_1: Target = { ratio: 4, p95: 30, note: "≤ 4 × minimal, p95 < 30 ms" };
const TARGETS: Record<string, Target> = {
  empty: { ratio: 2, note: "≤ 2 × minimal" },
  "empty-1": { ratio: 2, note: "≤ 2 × minimal" },
  queue: PAGE_TARGET,
  "queue-1": PAGE_TARGET_1,
  article: PAGE_TARGET,
  "article-1": PAGE_TARGET_1,
  articles: PAGE_TARGET,
  "articles-1": PAGE_TARGET_1,
  search: PAGE_TARGET,
  "search-1": PAGE_TARGET_1,
  "search-data": { p95: 20, note: "p95 < 20 ms" },
  approve: { rps: 500, note: "≥ 500 approvals/s" },
};
/** First-load JavaScript of every page: at most the minimal app's plus this much, gzipped. */
const JS_MARGIN_KB = 25;
const SUGGEST_TARGET_MS = 20;

// ---------------------------------------------------------------------------------------------

type Row = {
  name: string;
  label: string;
  method: string;
  path: string;
  connections: number;
  available: boolean;
  reason?: string;
  rps?: number;
  ok2xxPerSecond?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** CPU per response ÷ the minimal app's dynamic page's, at the same number of connections. */
  ratio?: number;
  /** Requests per second ÷ the minimal app's, at the same number of connections. */
  rpsRatio?: number;
  status?: Record<string, number>;
  errors?: number;
  cpuMsPerRequest?: number;
  /** --db postgres: the part of cpuMsPerRequest used by PostgreSQL's processes (the rest: the desk's Node process). */
  pgCpuMsPerRequest?: number;
  nodeCpuMsPerRequest?: number;
  firstLoadJsKb?: number;
  /** The page's HTML as served (uncompressed), RSC payload included. */
  htmlKb?: number;
  /** First-load JS minus the minimal app's page's, gzipped. */
  firstLoadJsOverMinimalKb?: number;
  jsMet?: boolean;
  target?: string;
  met?: boolean;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Server

type Server = {
  name: string;
  child: ChildProcess;
  port: number;
  base: string;
  log: string;
  /** Responses served under load (warm-ups included): what a profile's time is divided by. */
  responses: number;
};

const servers: Server[] = [];
/** The desk (its copy with the bench's empty pages), and the minimal app on the next port. */
let desk: Server;
let minimal: Server;
/** With --workers N: the minimal app as N processes too, the machine's own ceiling for N processes. */
let minimalWorkers: Server | undefined;

function startServer(name: string, dir: string, port: number, secret: string, profile: boolean): Server {
  const log = path.join(path.dirname(DB), `${name}.log`);
  const out = fs.openSync(log, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: RUN_DB,
    DATABASE_URL: name === "desk" ? (BENCH_POSTGRES_URL ?? "") : "",
    SEED_DEMO: "0",
    AUTH_SECRET: secret,
    // The limit guards a shared desk against a runaway script; the throughput runs ARE one.
    API_RATE_LIMIT_PER_MINUTE: "100000",
    PORT: String(port),
  };
  const nodeArgs: string[] = [];
  if (profile) {
    // A .cpuprofile per process, written when the server exits (open it in Chrome DevTools).
    fs.mkdirSync(PROFILES, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${PROFILES}`);
  }
  const nextJs = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const workers = name === "desk" || name === "minimal-workers" ? WORKERS : 1;
  const child = spawn(
    process.execPath,
    workers > 1
      ? [...nodeArgs, "-e", clusterScript(nextJs, port, workers)]
      : [...nodeArgs, nextJs, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: dir,
      env,
      stdio: ["ignore", out, out],
      detached: true,
    },
  );
  const server = { name, child, port, base: `http://127.0.0.1:${port}`, log, responses: 0 };
  servers.push(server);
  return server;
}

const PROFILES = path.join(path.dirname(DB), "profiles");

function stopServers(): void {
  for (const server of servers.splice(0)) {
    if (server.child.pid && server.child.exitCode === null) {
      try {
        // Our own process group (detached above): next start and anything it spawned.
        process.kill(-server.child.pid, "SIGTERM");
      } catch {
        server.child.kill("SIGTERM");
      }
    }
  }
}

/** Stops the servers and waits until they are gone (a profile is written on the way out). */
async function stopServersAndWait(): Promise<void> {
  const exits = servers.map(
    (s) =>
      new Promise<void>((resolve) =>
        s.child.exitCode !== null ? resolve() : s.child.once("exit", () => resolve()),
      ),
  );
  stopServers();
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 15_000))]);
}

process.on("SIGINT", () => {
  stopServers();
  process.exit(130);
});

/**
 * Waits (at most 30 s) until nothing listens on `port`: a server of a previous run still shutting
 * down would otherwise answer this run's first requests (a two-process run once signed in against
 * the previous run's server as it stopped, and got a 500), and this run's server could not listen.
 */
async function waitForFreePort(port: number): Promise<void> {
  const free = () =>
    new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
  const deadline = Date.now() + 30_000;
  while (!(await free())) {
    if (Date.now() > deadline) throw new Error(`Port ${port} is taken by another process; pass --port.`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function waitForServer(server: Server, probePath: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start exited; see ${server.log}`);
    try {
      const res = await fetch(`${server.base}${probePath}`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer within 60 s; see ${server.log}`);
}

/** CPU seconds a server process has used so far (user + system), from /proc; null elsewhere. */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;
function serverCpuSeconds(server: Server): number | null {
  if (!server.child.pid) return null;
  // Several processes (--workers), or PostgreSQL's backends besides the desk: the whole trees.
  if (server.name === "minimal-workers") return treeCpuSeconds([server.child.pid], CLOCK_TICKS);
  if (server.name === "desk" && (WORKERS > 1 || postgresServer)) {
    const postmaster = postgresServer ? postmasterPid(postgresServer) : null;
    return treeCpuSeconds([server.child.pid, ...(postmaster ? [postmaster] : [])], CLOCK_TICKS);
  }
  try {
    const stat = fs.readFileSync(`/proc/${server.child.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** PostgreSQL's share of the desk's CPU (--db postgres): its server's processes alone. */
function deskPostgresCpuSeconds(server: Server): number | null {
  return server.name === "desk" && postgresServer ? postgresCpuSeconds(postgresServer, CLOCK_TICKS) : null;
}

/** Waits (at most 20 s) until the server uses less than a tenth of a core over 300 ms. */
async function waitForIdle(server: Server): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = serverCpuSeconds(server);
  while (last !== null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    const now = serverCpuSeconds(server);
    if (now === null || now - last < 0.03) return;
    last = now;
  }
}

// ---------------------------------------------------------------------------------------------
// Sign-in (next-auth credentials) and API tokens

function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/queue` }),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  const session = [...jar.keys()].filter((k) => k.includes("session-token"));
  if (session.length === 0) throw new Error(`Sign-in as ${email} failed (status ${res.status})`);
  return cookieHeader(new Map(session.map((k) => [k, jar.get(k)!])));
}

/**
 * A module of the app that is not on every branch (the API, search): null when it is missing, and
 * the bench reports what needs it as not available instead of failing.
 */
async function optionalModule<T>(relative: string): Promise<T | null> {
  const file = path.join(process.cwd(), `${relative}.ts`);
  return fs.existsSync(file) ? ((await import(pathToFileURL(file).href)) as T) : null;
}

type TokensModule = {
  createToken: (a: {
    actor: { id: number; role: Role };
    input: { name: string };
  }) => Promise<{ token: string }>;
};

/** API tokens through the data layer (the server reads the same file); null without the API. */
async function createTokens(email: string, names: string[]): Promise<string[] | null> {
  process.env.DATABASE_PATH = RUN_DB;
  const tokens = await optionalModule<TokensModule>("lib/data/tokens");
  const { getUserCredentialsByEmail } = await import("@/lib/data/users");
  if (!tokens) return null;
  const user = await getUserCredentialsByEmail({ email });
  if (!user) throw new Error(`No account ${email} in the benchmark database`);
  const created: string[] = [];
  for (const name of names) {
    created.push(
      (await tokens.createToken({ actor: { id: user.id, role: user.role }, input: { name } })).token,
    );
  }
  return created;
}

const SEARCH_QUERIES = [
  "évacuées Marseille",
  "Kremlin villages",
  "Hélène Marchetti",
  "grève agents",
  "pension reform",
  "drones Odessa",
  "did not comment",
  "millions d'euros 2028",
  "Karim Benali discussions",
  "flights cancelled Lyon",
];

/**
 * The search query alone (lib/data search(), in this process, on the same database): what a
 * search costs before any page is rendered around it.
 */
type SearchModule = { search: (query: unknown) => Promise<unknown> };
type SearchValidationModule = { parseSearchParams: (params: Record<string, string>) => unknown };

async function searchQueryLatency() {
  process.env.DATABASE_PATH = RUN_DB;
  const data = await optionalModule<SearchModule>("lib/data/search");
  const validation = await optionalModule<SearchValidationModule>("lib/validation/search");
  if (!data || !validation) return null;
  const { search } = data;
  const { parseSearchParams } = validation;
  const times: number[] = [];
  for (let round = 0; round < 25; round++) {
    for (const q of SEARCH_QUERIES) {
      const query = parseSearchParams({ q });
      const t0 = performance.now();
      await search(query);
      if (round > 0) times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: 1000 / mean,
    runs: times.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Load runs

type Scenario = {
  name: string;
  label: string;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** For runs that must not repeat a request (approve/return): builds each request. */
  next?: () => CannonRequest | null;
  connections?: number;
  /** Pages: also measure the JavaScript they load first. */
  page?: boolean;
  /** The minimal app's page (the anchor) instead of the desk's. */
  minimal?: boolean;
  /** The minimal app served as --workers processes (not an anchor: a control for the desk's scaling). */
  minimalWorkers?: boolean;
  unavailable?: string;
};

function serverOf(s: Scenario): Server {
  if (s.minimalWorkers && minimalWorkers) return minimalWorkers;
  return s.minimal ? minimal : desk;
}

async function probe(s: Scenario): Promise<string | null> {
  if (s.unavailable) return s.unavailable;
  const first = s.next?.();
  const res = await fetch(`${serverOf(s).base}${first?.path ?? s.path}`, {
    method: first?.method ?? s.method ?? "GET",
    headers: { ...s.headers, ...first?.headers },
    body: first?.body,
    redirect: "manual",
  });
  await res.arrayBuffer();
  if (res.status === 404) return "not available (404: route not on this branch yet)";
  if (res.status >= 300) return `not available (status ${res.status} on the first request)`;
  return null;
}

async function cannon(s: Scenario, duration: number) {
  const times: number[] = [];
  const status: Record<string, number> = {};
  const requests: CannonRequest[] | undefined = s.next
    ? [
        {
          method: s.method,
          setupRequest: (req) => {
            const r = s.next!();
            return r ? { ...req, ...r, headers: { ...req.headers, ...r.headers } } : req;
          },
        },
      ]
    : undefined;
  // Requests a previous run left in flight (autocannon stops waiting for them, the server does not)
  // would be charged to this run: start from an idle server.
  await waitForIdle(serverOf(s));
  const instance = autocannon({
    url: `${serverOf(s).base}${s.path}`,
    method: s.method ?? "GET",
    connections: s.connections ?? CONNECTIONS,
    duration,
    timeout: 30,
    headers: s.headers,
    requests,
  });
  const cpuBefore = serverCpuSeconds(serverOf(s));
  const pgBefore = deskPostgresCpuSeconds(serverOf(s));
  instance.on("response", (_client: unknown, code: number, _bytes: number, ms: number) => {
    times.push(ms);
    serverOf(s).responses++;
    status[code] = (status[code] ?? 0) + 1;
  });
  const result = await instance;
  // Every connection has one request in flight when the run stops: the server finishes them, and
  // their CPU is charged with them counted as responses (otherwise a slow page at 32 connections
  // would be charged for up to 32 requests it answered after the window).
  await waitForIdle(serverOf(s));
  const cpuAfter = serverCpuSeconds(serverOf(s));
  const pgAfter = deskPostgresCpuSeconds(serverOf(s));
  const inFlight = s.connections ?? CONNECTIONS;
  times.sort((a, b) => a - b);
  const ok = Object.entries(status)
    .filter(([code]) => code.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0);
  const perResponse = (before: number | null, after: number | null) =>
    before !== null && after !== null && times.length > 0
      ? ((after - before) * 1000) / (times.length + inFlight)
      : undefined;
  const cpuMsPerRequest = perResponse(cpuBefore, cpuAfter);
  const pgCpuMsPerRequest = perResponse(pgBefore, pgAfter);
  return {
    rps: times.length / result.duration,
    ok2xxPerSecond: ok / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    status,
    errors: result.errors,
    // Server CPU per response: unlike req/s, barely moved by other load on the machine.
    cpuMsPerRequest,
    pgCpuMsPerRequest,
    nodeCpuMsPerRequest:
      cpuMsPerRequest !== undefined && pgCpuMsPerRequest !== undefined
        ? cpuMsPerRequest - pgCpuMsPerRequest
        : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// First-load JavaScript: the <script src> chunks of the served HTML, gzipped

const chunkSizes = new Map<string, number>();

async function firstLoadJs(
  pagePath: string,
  cookie: string,
  base = BASE,
): Promise<{ kb: number; chunks: number; htmlKb: number } | null> {
  const res = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) return null;
  const html = await res.text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1]!;
    if (/\bnomodule\b/i.test(attrs)) continue; // legacy polyfills: modern browsers skip them
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) srcs.add(src.replace(/&amp;/g, "&"));
  }
  let bytes = 0;
  for (const src of srcs) {
    let size = chunkSizes.get(`${base} ${src}`);
    if (size === undefined) {
      const js = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      size = zlib.gzipSync(js).length;
      chunkSizes.set(`${base} ${src}`, size);
    }
    bytes += size;
  }
  return { kb: bytes / 1024, chunks: srcs.size, htmlKb: Buffer.byteLength(html) / 1024 };
}

// ---------------------------------------------------------------------------------------------
// Suggestions: lib/claims on generated text

function suggestionCost(lang: Lang): { words: number; medianMs: number; per10kWords: number; runs: number } {
  const text = generateText(createRng(lang === "fr" ? 7 : 11), lang, 10_000);
  const words = text.split(/\s+/).filter(Boolean).length;
  for (let i = 0; i < 10; i++) suggestClaims(text, lang);
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    suggestClaims(text, lang);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const medianMs = runs[Math.floor(runs.length / 2)]!;
  return { words, medianMs, per10kWords: (medianMs * 10_000) / words, runs: runs.length };
}

// ---------------------------------------------------------------------------------------------
// Table

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || Number.isNaN(n) ? "—" : n.toFixed(digits);
}

const HEADER = [
  "route",
  "CPU ms/req",
  "× minimal",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "HTML kB",
  "JS kB gz",
  "+JS kB",
  "status",
  "target",
];

function cells(r: Row): string[] {
  return [
    r.label,
    fmt(r.cpuMsPerRequest, 2),
    fmt(r.ratio, 2),
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p95, 1),
    fmt(r.p99, 1),
    fmt(r.htmlKb, 1),
    fmt(r.firstLoadJsKb, 1),
    r.firstLoadJsOverMinimalKb === undefined
      ? "—"
      : `${r.jsMet ? "✓" : "✗"} ${fmt(r.firstLoadJsOverMinimalKb, 1)}`,
    Object.entries(r.status ?? {})
      .map(([code, n]) => `${code}×${n}`)
      .join(" "),
    r.target ? `${r.met ? "✓" : "✗"} ${r.target}` : "",
  ];
}

function table(rows: Row[]): string {
  const lines = rows.filter((r) => r.available).map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (line: string[]) =>
    line
      .map((c, i) => (i === 0 || i >= 10 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const missing = rows.filter((r) => !r.available).map((r) => `${r.label.padEnd(widths[0]!)}  ${r.reason}`);
  return [render(HEADER), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render), ...missing].join(
    "\n",
  );
}

/** --db postgres: each route's CPU per response split between PostgreSQL's processes and the desk's. */
function cpuSplit(rows: Row[]): string[] {
  return rows
    .filter((r) => r.available && r.pgCpuMsPerRequest !== undefined && r.nodeCpuMsPerRequest !== undefined)
    .map(
      (r) =>
        `${r.label}: ${fmt(r.cpuMsPerRequest, 2)} ms CPU per response = Node ${fmt(r.nodeCpuMsPerRequest, 2)} ms + ` +
        `PostgreSQL ${fmt(r.pgCpuMsPerRequest, 2)} ms (${fmt((r.pgCpuMsPerRequest! / r.cpuMsPerRequest!) * 100, 0)} %)`,
    );
}

/** The same table in Markdown, for the README's Performance section. */
function markdownTable(rows: Row[]): string {
  const lines = [
    `| ${HEADER.join(" | ")} |`,
    `| ${HEADER.map((_, i) => (i === 0 || i >= 10 ? "---" : "--:")).join(" | ")} |`,
  ];
  for (const r of rows) {
    if (!r.available) {
      lines.push(`| ${r.label} | ${r.reason ?? "not available"} |${" |".repeat(HEADER.length - 2)}`);
      continue;
    }
    lines.push(`| ${cells(r).join(" | ")} |`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!fs.existsSync(DB) || !fs.existsSync(manifestPath(DB))) {
    log(`No benchmark database at ${path.relative(process.cwd(), DB)}: building one (100,000 claims)…`);
    const built = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/bench-data.ts", "--claims", "100000", "--out", DB],
      { stdio: "inherit" },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath(DB), "utf8")) as BenchManifest;
  const deskDir = buildDeskCopy();
  const minimalDir = buildMinimalApp();

  const loadBefore = os.loadavg();
  log(`Load average before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);

  log("Suggestions: timing lib/claims suggestClaims on 10,000 generated words…");
  const suggestions = { fr: suggestionCost("fr"), en: suggestionCost("en") };
  log("Re-anchoring: 200 claims of a generated article onto a new revision…");
  const reanchoring = reanchorCost();

  // A fresh copy for every run: the approval runs change the queue.
  fs.mkdirSync(path.dirname(RUN_DB), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${RUN_DB}${suffix}`, { force: true });
  fs.copyFileSync(DB, RUN_DB);
  if (POSTGRES) {
    log("Copying the bench database into a throwaway PostgreSQL server (db:copy)…");
    const source = fs.statSync(DB);
    postgresServer = await startBenchPostgres(
      RUN_DB,
      log,
      args["pg-keep"] ? { dir: PG_KEEP_DIR, sourceKey: `${DB} ${source.size} ${source.mtimeMs}` } : undefined,
    );
    process.on("exit", () => postgresServer?.stop());
  }

  const approvable = (() => {
    const sqlite = new Database(RUN_DB, { readonly: true });
    const approver = sqlite.prepare("SELECT id FROM users WHERE email = ?").get(manifest.approver) as {
      id: number;
    };
    const rows = sqlite
      .prepare(
        "SELECT id, version FROM claims WHERE stage = 'in_review' AND (rated_by_id IS NULL OR rated_by_id <> ?) ORDER BY id DESC",
      )
      .all(approver.id) as { id: number; version: number }[];
    sqlite.close();
    return rows;
  })();
  /** The version each approvable claim is at: approving sends it (the API refuses a blind approval). */
  const versionOf = new Map(approvable.map((claim) => [claim.id, claim.version]));

  log(`Starting next start of the desk on port ${PORT} and of the minimal app on port ${MINIMAL_PORT}…`);
  await Promise.all([waitForFreePort(PORT), waitForFreePort(MINIMAL_PORT)]);
  const profileStart = Date.now();
  desk = startServer("desk", deskDir, PORT, crypto.randomUUID() + crypto.randomUUID(), args.profile);
  minimal = startServer("minimal", minimalDir, MINIMAL_PORT, crypto.randomUUID(), false);
  if (WORKERS > 1) {
    // The framework's own page as N processes, in the same run: how far N processes can scale on this
    // machine at all (the load generator, the kernel and the cores' shared caches take their share).
    await waitForFreePort(MINIMAL_PORT + 1);
    minimalWorkers = startServer("minimal-workers", minimalDir, MINIMAL_PORT + 1, crypto.randomUUID(), false);
  }
  await Promise.all([
    waitForServer(desk, "/sign-in"),
    waitForServer(minimal, "/"),
    ...(minimalWorkers ? [waitForServer(minimalWorkers, "/")] : []),
  ]);

  const cookie = await signIn(manifest.reviewer, manifest.password);
  const tokens = await createTokens(manifest.approver, ["bench queue", "bench approve", "bench return"]);
  const noApi = tokens
    ? undefined
    : "not available (no API tokens: lib/data/tokens.ts is not on this branch)";
  const bearer = (i: number) => ({ authorization: `Bearer ${tokens?.[i] ?? ""}` });

  let nextId = 0;
  const takeId = () => approvable[nextId++]?.id ?? null;

  // The pieces of a page's fixed cost, alone, in this process (a secret of its own).
  log("Pieces of a page alone (proxy, session, queue count, env, messages)…");
  process.env.DATABASE_PATH = RUN_DB;
  process.env.AUTH_SECRET ??= crypto.randomUUID() + crypto.randomUUID();
  const { getUserCredentialsByEmail } = await import("@/lib/data/users");
  const reviewer = await getUserCredentialsByEmail({ email: manifest.reviewer });
  const pieces: Piece[] = reviewer ? await measurePieces(reviewer.id, reviewer.sessionVersion) : [];
  const catalog = await catalogBytes();

  const anchor = (name: string, label: string, connections?: number): Scenario => ({
    name,
    label,
    path: "/",
    minimal: true,
    connections,
    page: connections === undefined,
  });
  const scenarios: Scenario[] = [
    anchor("minimal", "minimal Next.js page (anchor)"),
    anchor("minimal-1", "minimal Next.js page, 1 connection", 1),
    ...(WORKERS > 1
      ? [
          {
            name: "framework-workers",
            label: `minimal Next.js page, ${WORKERS} processes (control)`,
            path: "/",
            minimalWorkers: true,
          },
        ]
      : []),
    { name: "health", label: "GET /api/v1/health", path: "/api/v1/health" },
    {
      name: "root",
      label: "empty page, root layout only",
      path: "/bench-root",
      headers: { cookie },
      page: true,
    },
    {
      name: "root-1",
      label: "empty page, root layout, 1 conn.",
      path: "/bench-root",
      headers: { cookie },
      connections: 1,
    },
    {
      name: "empty",
      label: "empty signed-in page",
      path: "/bench-empty",
      headers: { cookie },
      page: true,
    },
    {
      name: "empty-1",
      label: "empty signed-in page, 1 conn.",
      path: "/bench-empty",
      headers: { cookie },
      connections: 1,
    },
    { name: "queue", label: "queue page /queue", path: "/queue", headers: { cookie }, page: true },
    {
      name: "queue-1",
      label: "queue page, 1 connection",
      path: "/queue",
      headers: { cookie },
      connections: 1,
    },
    {
      name: "article",
      label: `article page, 50 claims`,
      path: `/articles/${manifest.article50}`,
      headers: { cookie },
      page: true,
    },
    {
      name: "article-1",
      label: "article page, 1 connection",
      path: `/articles/${manifest.article50}`,
      headers: { cookie },
      connections: 1,
    },
    {
      name: "articles",
      label: "articles list /articles",
      path: "/articles",
      headers: { cookie },
      page: true,
    },
    {
      name: "articles-1",
      label: "articles list, 1 connection",
      path: "/articles",
      headers: { cookie },
      connections: 1,
    },
    {
      name: "api-queue",
      label: "GET /api/v1/queue",
      path: "/api/v1/queue",
      headers: bearer(0),
      unavailable: noApi,
    },
    {
      name: "search",
      label: "search page /search",
      path: `/search?q=${encodeURIComponent(manifest.searchQuery)}`,
      headers: { cookie },
      page: true,
    },
    {
      name: "search-1",
      label: "search page, 1 connection",
      path: `/search?q=${encodeURIComponent(manifest.searchQuery)}`,
      headers: { cookie },
      connections: 1,
    },
    // Insights at newsroom scale (issue 13): 12 and 52 weeks of figures, kept until the next write.
    {
      name: "insights",
      label: "insights page, 12 weeks",
      path: "/insights",
      headers: { cookie },
      page: true,
    },
    {
      name: "insights-1",
      label: "insights page, 12 weeks, 1 connection",
      path: "/insights",
      headers: { cookie },
      connections: 1,
    },
    {
      name: "insights-52",
      label: "insights page, 52 weeks",
      path: "/insights?weeks=52",
      headers: { cookie },
    },
    {
      name: "insights-52-1",
      label: "insights page, 52 weeks, 1 connection",
      path: "/insights?weeks=52",
      headers: { cookie },
      connections: 1,
    },
    {
      name: "export",
      label: "export .md, 200 claims",
      path: `/articles/${manifest.article200}/export?format=md`,
      headers: { cookie },
    },
    {
      name: "approve",
      label: "POST approve (API)",
      method: "POST",
      path: "/api/v1/claims/0/approve",
      headers: { ...bearer(1), "content-type": "application/json" },
      unavailable: noApi,
      next: () => {
        const id = takeId();
        return id === null
          ? null
          : {
              method: "POST",
              path: `/api/v1/claims/${id}/approve`,
              body: JSON.stringify({ version: versionOf.get(id) }),
            };
      },
    },
    {
      name: "return",
      label: "POST return (API)",
      method: "POST",
      path: "/api/v1/claims/0/return",
      headers: { ...bearer(2), "content-type": "application/json" },
      unavailable: noApi,
      next: () => {
        const id = takeId();
        return id === null
          ? null
          : {
              method: "POST",
              path: `/api/v1/claims/${id}/return`,
              body: JSON.stringify({
                note: "Benchmark: please check the figure against the source.",
                version: versionOf.get(id),
              }),
            };
      },
    },
    // The anchor again at the end: its mean over the run is what the ratios divide by.
    anchor("minimal-end", "minimal Next.js page, again"),
    anchor("minimal-end-1", "minimal page again, 1 connection", 1),
  ];

  const rows: Row[] = [];
  const profiled: { windows: ProfileWindow[]; responses: number } = { windows: [], responses: 0 };
  try {
    for (const s of scenarios) {
      if (ONLY && !ONLY.has(s.name) && !s.minimal && !s.minimalWorkers) continue;
      const base: Row = {
        name: s.name,
        label: s.label,
        method: s.method ?? "GET",
        path: s.path,
        connections: s.connections ?? CONNECTIONS,
        available: false,
      };
      const reason = await probe(s);
      if (reason) {
        log(`  ${s.label}: ${reason}`);
        rows.push({ ...base, reason });
        continue;
      }
      log(`  ${s.label}: warm-up ${WARMUP} s, then ${DURATION} s at ${base.connections} connections…`);
      if (WARMUP > 0) await cannon(s, WARMUP);
      // The profile counts the desk's measured runs only (not its start-up or the warm-ups).
      const window = { fromUs: monotonicUs(), responses: desk.responses };
      const m = await cannon(s, DURATION);
      if (serverOf(s) === desk) {
        profiled.windows.push({ fromUs: window.fromUs, toUs: monotonicUs() });
        profiled.responses += desk.responses - window.responses + base.connections;
      }
      const row: Row = { ...base, available: true, ...m };
      if (s.page) {
        const js = await firstLoadJs(s.path, cookie, serverOf(s).base);
        row.firstLoadJsKb = js?.kb;
        row.htmlKb = js?.htmlKb;
      }
      rows.push(row);
    }

    if (!ONLY || ONLY.has("search-data")) {
      log("  search query in process (lib/data search(), 10 queries × 24 rounds)…");
      const m = await searchQueryLatency();
      const base = {
        name: "search-data",
        label: "search query (lib/data)",
        method: "call",
        path: "search()",
        connections: 1,
      };
      const row: Row = !m
        ? { ...base, available: false, reason: "not available (lib/data/search.ts is not on this branch)" }
        : {
            ...base,
            available: true,
            rps: m.rps,
            p50: m.p50,
            p95: m.p95,
            p99: m.p99,
            status: { calls: m.runs },
          };
      const at = rows.findIndex((r) => r.name === "search-1");
      rows.splice(at >= 0 ? at + 1 : rows.length, 0, row);
    }

    // Pages not load-tested above still get their first-load JS measured.
    for (const [label, pagePath] of [
      ["sign-in page", "/sign-in"],
      ["new article page", "/articles/new"],
    ] as const) {
      const js = await firstLoadJs(pagePath, pagePath === "/sign-in" ? "" : cookie);
      if (js) {
        rows.push({
          name: `js:${pagePath}`,
          label,
          method: "GET",
          path: pagePath,
          connections: 0,
          available: true,
          firstLoadJsKb: js.kb,
          htmlKb: js.htmlKb,
        });
      }
    }
  } finally {
    await stopServersAndWait();
  }

  // The anchor: the minimal page's CPU per response (and req/s) at each number of connections,
  // the mean of its runs at the start and at the end.
  const anchors = new Map<number, { cpu: number; rps: number }>();
  for (const connections of new Set(rows.map((r) => r.connections))) {
    const runs = rows.filter(
      (r) => r.name.startsWith("minimal") && r.available && r.connections === connections,
    );
    const cpus = runs.map((r) => r.cpuMsPerRequest).filter((n): n is number => n !== undefined);
    if (runs.length > 0 && cpus.length === runs.length) {
      anchors.set(connections, {
        cpu: cpus.reduce((a, b) => a + b, 0) / cpus.length,
        rps: runs.reduce((a, r) => a + r.rps!, 0) / runs.length,
      });
    }
  }
  const minimalJs = rows.find((r) => r.name === "minimal")?.firstLoadJsKb;
  for (const row of rows) {
    if (!row.available) continue;
    const a = anchors.get(row.connections);
    if (a && row.cpuMsPerRequest !== undefined) {
      row.ratio = row.cpuMsPerRequest / a.cpu;
      row.rpsRatio = row.rps! / a.rps;
    }
    if (row.firstLoadJsKb !== undefined && minimalJs !== undefined) {
      row.firstLoadJsOverMinimalKb = row.firstLoadJsKb - minimalJs;
      row.jsMet = row.firstLoadJsOverMinimalKb <= JS_MARGIN_KB;
    }
    const target = TARGETS[row.name];
    if (target) {
      row.target = target.note;
      const value = row.name === "approve" ? row.ok2xxPerSecond : row.rps;
      row.met =
        (target.ratio === undefined || (row.ratio !== undefined && row.ratio <= target.ratio)) &&
        (target.p95 === undefined || row.p95! < target.p95) &&
        (target.rps === undefined || (value ?? 0) >= target.rps);
    }
  }

  const loadAfter = os.loadavg();
  const jsRows = rows.filter((r) => r.firstLoadJsKb !== undefined && !r.name.startsWith("minimal"));
  const heaviestJs = Math.max(0, ...jsRows.map((r) => r.firstLoadJsKb!));
  const jsLimit = minimalJs === undefined ? undefined : minimalJs + JS_MARGIN_KB;
  const jsMet = jsLimit !== undefined && heaviestJs <= jsLimit;
  const profile = args.profile
    ? summariseProfile(PROFILES, profileStart, profiled.responses, profiled.windows)
    : null;

  log("");
  log(table(rows));
  log("");
  const split = cpuSplit(rows);
  if (split.length > 0) {
    for (const line of split) log(line);
    log("");
  }
  for (const lang of ["fr", "en"] as const) {
    const s = suggestions[lang];
    log(
      `Suggestions (${lang}): ${s.per10kWords.toFixed(1)} ms per 10,000 words (median of ${s.runs} runs on ${s.words} words) ` +
        `${s.per10kWords < SUGGEST_TARGET_MS ? "✓" : "✗"} < ${SUGGEST_TARGET_MS} ms`,
    );
  }
  log(
    `Re-anchoring ${reanchoring.claims} claims on a ${reanchoring.bodyChars}-character revision: ` +
      `${reanchoring.medianMs.toFixed(1)} ms (median of ${reanchoring.runs}) ` +
      `${reanchoring.medianMs < REANCHOR_TARGET_MS ? "✓" : "✗"} < ${REANCHOR_TARGET_MS} ms`,
  );
  log(
    `First-load JS: heaviest page ${heaviestJs.toFixed(1)} kB gzipped ${jsMet ? "✓" : "✗"} ≤ minimal page ` +
      `${fmt(minimalJs, 1)} + ${JS_MARGIN_KB} kB`,
  );
  log("");
  log("Pieces alone (µs per call, in the bench's process):");
  for (const p of pieces) log(`  ${p.microseconds.toFixed(1).padStart(8)} µs  ${p.label}`);
  log(
    `Messages given to the root client provider: ${(catalog.shellBytes / 1024).toFixed(1)} kB ` +
      `(the whole catalog: ${(catalog.allBytes / 1024).toFixed(1)} kB).`,
  );
  if (profile) log(`\n${profile.text}`);
  log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ` +
      `load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after. ` +
      `Database: ${manifest.claims} claims, ${manifest.articles} articles.`,
  );

  const results = {
    date: new Date().toISOString(),
    note: args.note,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim(),
    loadAverage: { before: loadBefore, after: loadAfter },
    dialect: POSTGRES ? "postgres" : "sqlite",
    workers: WORKERS,
    database: { claims: manifest.claims, articles: manifest.articles },
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    rows,
    suggestions: Object.fromEntries(
      (["fr", "en"] as const).map((l) => [
        l,
        {
          ...suggestions[l],
          targetMs: SUGGEST_TARGET_MS,
          met: suggestions[l].per10kWords < SUGGEST_TARGET_MS,
        },
      ]),
    ),
    reanchoring: {
      ...reanchoring,
      targetMs: REANCHOR_TARGET_MS,
      met: reanchoring.medianMs < REANCHOR_TARGET_MS,
    },
    anchor: Object.fromEntries([...anchors].map(([c, a]) => [`${c} connections`, a])),
    firstLoadJs: { heaviestKb: heaviestJs, minimalKb: minimalJs, targetKb: jsLimit, met: jsMet },
    pieces,
    catalog,
    profile: profile?.summary,
  };
  const comparison = args.baseline
    ? compareRuns(
        results,
        JSON.parse(fs.readFileSync(args.baseline, "utf8")) as Parameters<typeof compareRuns>[1],
      )
    : null;
  if (comparison) {
    log(`Against ${args.baseline} (this run ÷ that one):`);
    for (const route of comparison.routes) {
      log(
        `  ${route.name.padEnd(16)} req/s ${fmt(route.rpsRatio, 2).padStart(6)} ×   CPU/request ${fmt(route.cpuRatio, 2).padStart(6)} ×`,
      );
    }
    for (const t of comparison.targets) {
      const verdict = t.met === undefined ? "control" : t.met ? "met    " : "NOT met";
      log(`  ${verdict} ${t.target}: ${fmt(t.value, 2)}`);
    }
  }
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, `${JSON.stringify({ ...results, comparison }, null, 2)}\n`);
  const markdown = args.out.replace(/\.json$/, "") + ".md";
  fs.writeFileSync(
    markdown,
    [
      markdownTable(rows),
      "",
      ...(split.length > 0 ? [...split.map((line) => `- ${line}`), ""] : []),
      ...(["fr", "en"] as const).map(
        (l) =>
          `Suggestions (${l}): ${suggestions[l].per10kWords.toFixed(1)} ms per 10,000 words (median of ${suggestions[l].runs} runs).`,
      ),
      "",
      `${POSTGRES ? "PostgreSQL" : "SQLite"}, ${WORKERS} server process${WORKERS === 1 ? "" : "es"}; ` +
        `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${results.date}; ` +
        `load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after; ` +
        `${manifest.claims} claims, ${manifest.articles} articles; ${CONNECTIONS} connections, ${DURATION} s per route after a ${WARMUP} s warm-up.`,
      ...(args.note ? ["", args.note] : []),
      "",
      "Pieces alone (µs per call, in the bench's process):",
      "",
      ...pieces.map((p) => `- ${p.microseconds.toFixed(1)} µs: ${p.label.trim()}`),
      ...(profile
        ? [
            "",
            `Where the desk's server spent its CPU in the measured runs (${profile.summary.requests} responses; start-up and warm-ups left out; self time per piece):`,
            "",
            ...profile.summary.buckets.map(
              (b) =>
                `- ${(b.share * 100).toFixed(1)} %${b.msPerRequest === undefined ? "" : ` (${b.msPerRequest.toFixed(2)} ms/response)`}: ${b.bucket}`,
            ),
          ]
        : []),
      "",
    ].join("\n"),
  );
  log(`Wrote ${args.out} and ${markdown}`);
}

main().catch((error: unknown) => {
  stopServers();
  console.error(error);
  process.exit(1);
});
