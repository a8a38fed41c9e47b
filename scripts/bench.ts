// npm run bench [-- --db bench/data/bench.db --port 3207 --connections 32 --duration 10 --warmup 3
//                  --only health,queue --profile --note "what was measured"]
//
// Builds when needed, serves `next start` on a copy of the benchmark database (npm run bench:data;
// built first when missing), signs in, and measures each route with autocannon: requests per
// second, p50/p95/p99 latency, the ratio to GET /api/v1/health (the framework's ceiling on this
// machine) and the server's CPU time per request. Also the first-load JavaScript of each page
// (gzipped), the search query alone, and the suggestion cost per 10,000 words. Prints a table and
// writes bench/results.json and bench/results.md. Routes missing on this branch are reported as
// not available. --profile writes a .cpuprofile of the server to bench/data/profiles/.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon, { type Request as CannonRequest } from "autocannon";
import Database from "better-sqlite3";
import { suggestClaims } from "@/lib/claims";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import type { Role } from "@/lib/review/model";
import { manifestPath, type BenchManifest } from "./bench/accounts";
import { createRng, generateText, type Lang } from "./bench/text";
import { buildIfNeeded } from "./build-if-needed";

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
    help: { type: "boolean", short: "h" },
  },
});

if (args.help) {
  console.log(
    "npm run bench [-- --db FILE --port 3207 --connections 32 --duration 10 --warmup 3 --only a,b --profile --note TEXT]",
  );
  process.exit(0);
}

const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const ONLY = args.only ? new Set(args.only.split(",")) : null;
const DB = path.resolve(args.db);
const RUN_DB = path.join(path.dirname(DB), "bench.run.db");
const LOG = path.join(path.dirname(DB), "server.log");

// ---------------------------------------------------------------------------------------------
// Targets (issue 10, on a 2-core machine)

type Target = { ratio?: number; p95?: number; rps?: number; cpuMs?: number; note: string };
const TARGETS: Record<string, Target> = {
  queue: { ratio: 0.5, p95: 50, note: "≥ 0.5 × health, p95 < 50 ms" },
  article: { ratio: 0.5, p95: 50, note: "≥ 0.5 × health, p95 < 50 ms" },
  "search-1": { p95: 20, note: "p95 < 20 ms" },
  search: { p95: 20, note: "p95 < 20 ms" },
  approve: { rps: 500, note: "≥ 500 approvals/s" },
  // Issue 13: a view costs the server under 100 ms, and the rest of the desk does not wait behind it.
  insights: { cpuMs: 100, note: "CPU < 100 ms/view" },
  "insights-52": { cpuMs: 100, note: "CPU < 100 ms/view" },
  "insights-1": { p95: 100, note: "p95 < 100 ms" },
  "insights-52-1": { p95: 100, note: "p95 < 100 ms" },
  "health-insights": { p95: 100, note: "p95 < 100 ms" },
  "insights-data-12": { p95: 100, note: "p95 < 100 ms" },
  "insights-data-52": { p95: 100, note: "p95 < 100 ms" },
};
const JS_TARGET_KB = 150;
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
  ratio?: number;
  status?: Record<string, number>;
  errors?: number;
  cpuMsPerRequest?: number;
  firstLoadJsKb?: number;
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

let server: ChildProcess | null = null;

function startServer(secret: string): ChildProcess {
  const out = fs.openSync(LOG, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: RUN_DB,
    SEED_DEMO: "0",
    AUTH_SECRET: secret,
    // The limit guards a shared desk against a runaway script; the throughput runs ARE one.
    API_RATE_LIMIT_PER_MINUTE: "100000",
    PORT: String(PORT),
  };
  const nodeArgs: string[] = [];
  if (args.profile) {
    // A .cpuprofile per process, written when the server exits (open it in Chrome DevTools).
    const dir = path.join(path.dirname(DB), "profiles");
    fs.mkdirSync(dir, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${dir}`);
  }
  const nextJs = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(
    process.execPath,
    [...nodeArgs, nextJs, "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env,
      stdio: ["ignore", out, out],
      detached: true,
    },
  );
  return child;
}

function stopServer(): void {
  if (server?.pid && server.exitCode === null) {
    try {
      // Our own process group (detached above): next start and anything it spawned.
      process.kill(-server.pid, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
  }
  server = null;
}

process.on("SIGINT", () => {
  stopServer();
  process.exit(130);
});

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`next start exited; see ${LOG}`);
    try {
      const res = await fetch(`${BASE}/sign-in`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer within 60 s; see ${LOG}`);
}

/** CPU seconds the server process has used so far (user + system), from /proc; null elsewhere. */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;
function serverCpuSeconds(): number | null {
  if (!server?.pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
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

/**
 * The insights figures alone (lib/data computeInsights(), in this process, on the same database):
 * what a view after a write costs the data layer at 12 and 52 weeks, apart from rendering.
 */
type InsightsModule = {
  getInsights: (options: { weeks: number }) => Promise<unknown>;
  computeInsights?: (options: { weeks: number }) => Promise<unknown>;
};

async function insightsQueryLatency(weeks: number) {
  process.env.DATABASE_PATH = RUN_DB;
  const data = await optionalModule<InsightsModule>("lib/data/insights");
  if (!data) return null;
  const times: number[] = [];
  for (let round = 0; round < 21; round++) {
    const t0 = performance.now();
    // Computed afresh each time: the page keeps them until the next write.
    await (data.computeInsights ?? data.getInsights)({ weeks });
    if (round > 0) times.push(performance.now() - t0);
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
  /** Load run at the same time (not measured): what this route's requests wait behind. */
  alongside?: Scenario;
  unavailable?: string;
};

async function probe(s: Scenario): Promise<string | null> {
  if (s.unavailable) return s.unavailable;
  const first = s.next?.();
  let res: Response;
  try {
    res = await fetch(`${BASE}${first?.path ?? s.path}`, {
      method: first?.method ?? s.method ?? "GET",
      headers: { ...s.headers, ...first?.headers },
      body: first?.body,
      redirect: "manual",
      signal: AbortSignal.timeout(120_000),
    });
    await res.arrayBuffer();
  } catch (error) {
    return `no answer to the first request within 120 s (${String(error)})`;
  }
  if (res.status === 404) return "not available (404: route not on this branch yet)";
  if (res.status >= 300) return `not available (status ${res.status} on the first request)`;
  return null;
}

/**
 * Waits until the server answers the health check again: a slow route leaves requests queued after
 * autocannon stops, and the next route must not be measured behind them.
 */
async function drain(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/api/v1/health`, { signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (!res.ok) continue;
    } catch {
      continue; // still busy
    }
    // The health check may be answered between two statements of a queued request: wait until the
    // server is idle too (under 5 % of a core over half a second).
    const before = serverCpuSeconds();
    await new Promise((r) => setTimeout(r, 500));
    const after = serverCpuSeconds();
    if (before === null || after === null || after - before < 0.025) return;
  }
  throw new Error("The server did not answer the health check within 10 minutes of a run");
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
  const instance = autocannon({
    url: `${BASE}${s.path}`,
    method: s.method ?? "GET",
    connections: s.connections ?? CONNECTIONS,
    duration,
    timeout: 30,
    headers: s.headers,
    requests,
  });
  const background = s.alongside
    ? autocannon({
        url: `${BASE}${s.alongside.path}`,
        connections: s.alongside.connections ?? CONNECTIONS,
        duration,
        timeout: 30,
        headers: s.alongside.headers,
      })
    : null;
  const cpuBefore = serverCpuSeconds();
  instance.on("response", (_client: unknown, code: number, _bytes: number, ms: number) => {
    times.push(ms);
    status[code] = (status[code] ?? 0) + 1;
  });
  const result = await instance;
  const cpuAfter = serverCpuSeconds();
  if (background) await background;
  times.sort((a, b) => a - b);
  const ok = Object.entries(status)
    .filter(([code]) => code.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0);
  return {
    rps: times.length / result.duration,
    ok2xxPerSecond: ok / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    status,
    errors: result.errors,
    // Server CPU per response: unlike req/s, barely moved by other load on the machine.
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && times.length > 0
        ? ((cpuAfter - cpuBefore) * 1000) / times.length
        : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// First-load JavaScript: the <script src> chunks of the served HTML, gzipped

const chunkSizes = new Map<string, number>();

async function firstLoadJs(pagePath: string, cookie: string): Promise<{ kb: number; chunks: number } | null> {
  const res = await fetch(`${BASE}${pagePath}`, { headers: { cookie }, redirect: "manual" });
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
    let size = chunkSizes.get(src);
    if (size === undefined) {
      const js = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
      size = zlib.gzipSync(js).length;
      chunkSizes.set(src, size);
    }
    bytes += size;
  }
  return { kb: bytes / 1024, chunks: srcs.size };
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

function table(rows: Row[]): string {
  const header = [
    "route",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "× health",
    "CPU ms/req",
    "JS kB gz",
    "status",
    "target",
  ];
  const measured = rows.filter((r) => r.available);
  const lines = measured.map((r) => [
    r.label,
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p95, 1),
    fmt(r.p99, 1),
    fmt(r.ratio, 2),
    fmt(r.cpuMsPerRequest, 2),
    fmt(r.firstLoadJsKb, 1),
    Object.entries(r.status ?? {})
      .map(([code, n]) => `${code}×${n}`)
      .join(" "),
    r.target ? `${r.met ? "✓" : "✗"} ${r.target}` : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const missing = rows.filter((r) => !r.available).map((r) => `${r.label.padEnd(widths[0]!)}  ${r.reason}`);
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render), ...missing].join(
    "\n",
  );
}

/** The same table in Markdown, for the README's Performance section. */
function markdownTable(rows: Row[]): string {
  const lines = [
    "| route | req/s | p50 ms | p95 ms | p99 ms | × health | CPU ms/req | first-load JS kB gz | target |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --- |",
  ];
  for (const r of rows) {
    if (!r.available) {
      lines.push(`| ${r.label} | ${r.reason ?? "not available"} | | | | | | | |`);
      continue;
    }
    const target = r.target ? `${r.met ? "✓" : "✗"} ${r.target}` : "";
    lines.push(
      `| ${r.label} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.ratio, 2)} | ` +
        `${fmt(r.cpuMsPerRequest, 2)} | ${fmt(r.firstLoadJsKb, 1)} | ${target} |`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!fs.existsSync(DB) || !fs.existsSync(manifestPath(DB))) {
    log(`No benchmark database at ${path.relative(process.cwd(), DB)}: building one (100,000 claims)…`);
    const built = spawnSync(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--tsconfig",
        "tsconfig.node.json",
        "scripts/bench-data.ts",
        "--claims",
        "100000",
        "--out",
        DB,
      ],
      { stdio: "inherit" },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath(DB), "utf8")) as BenchManifest;
  buildIfNeeded();

  const loadBefore = os.loadavg();
  log(`Load average before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);

  log("Suggestions: timing lib/claims suggestClaims on 10,000 generated words…");
  const suggestions = { fr: suggestionCost("fr"), en: suggestionCost("en") };

  // A fresh copy for every run: the approval runs change the queue.
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${RUN_DB}${suffix}`, { force: true });
  fs.copyFileSync(DB, RUN_DB);

  const approvable = (() => {
    const sqlite = new Database(RUN_DB, { readonly: true });
    const approver = sqlite.prepare("SELECT id FROM users WHERE email = ?").get(manifest.approver) as {
      id: number;
    };
    const ids = sqlite
      .prepare(
        "SELECT id, version FROM claims WHERE stage = 'in_review' AND (rated_by_id IS NULL OR rated_by_id <> ?) ORDER BY id DESC",
      )
      .all(approver.id) as { id: number; version: number }[];
    sqlite.close();
    return ids;
  })();

  log(`Starting next start on port ${PORT} (log: ${path.relative(process.cwd(), LOG)})…`);
  server = startServer(crypto.randomUUID() + crypto.randomUUID());
  await waitForServer();

  const cookie = await signIn(manifest.reviewer, manifest.password);
  const tokens = await createTokens(manifest.approver, ["bench queue", "bench approve", "bench return"]);
  const noApi = tokens
    ? undefined
    : "not available (no API tokens: lib/data/tokens.ts is not on this branch)";
  const bearer = (i: number) => ({ authorization: `Bearer ${tokens?.[i] ?? ""}` });

  let nextId = 0;
  const takeId = () => approvable[nextId++] ?? null;

  const scenarios: Scenario[] = [
    { name: "health", label: "GET /api/v1/health", path: "/api/v1/health" },
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
      name: "health-insights",
      label: "GET /api/v1/health, 1 connection, during 52-week insights at 8",
      path: "/api/v1/health",
      connections: 1,
      alongside: {
        name: "insights-52",
        label: "",
        path: "/insights?weeks=52",
        headers: { cookie },
        connections: 8,
      },
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
        const claim = takeId();
        return claim === null
          ? null
          : {
              method: "POST",
              path: `/api/v1/claims/${claim.id}/approve`,
              body: JSON.stringify({ version: claim.version }),
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
        const claim = takeId();
        return claim === null
          ? null
          : {
              method: "POST",
              path: `/api/v1/claims/${claim.id}/return`,
              body: JSON.stringify({
                note: "Benchmark: please check the figure against the source.",
                version: claim.version,
              }),
            };
      },
    },
  ];

  const rows: Row[] = [];
  let health = 0;
  try {
    for (const s of scenarios) {
      if (ONLY && !ONLY.has(s.name) && s.name !== "health") continue;
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
      if (WARMUP > 0) {
        await cannon(s, WARMUP);
        await drain();
      }
      const m = await cannon(s, DURATION);
      await drain();
      if (s.name === "health") health = m.rps;
      const row: Row = { ...base, available: true, ...m, ratio: health > 0 ? m.rps / health : undefined };
      if (s.page) row.firstLoadJsKb = (await firstLoadJs(s.path, cookie))?.kb;
      const target = TARGETS[s.name];
      if (target) {
        row.target = target.note;
        const value = s.name === "approve" ? m.ok2xxPerSecond : m.rps;
        row.met =
          (target.ratio === undefined || (row.ratio ?? 0) >= target.ratio) &&
          (target.p95 === undefined || m.p95 < target.p95) &&
          (target.rps === undefined || value >= target.rps) &&
          (target.cpuMs === undefined || (m.cpuMsPerRequest ?? Infinity) < target.cpuMs);
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
            target: TARGETS.search!.note,
            met: m.p95 < TARGETS.search!.p95!,
          };
      const at = rows.findIndex((r) => r.name === "search-1");
      rows.splice(at >= 0 ? at + 1 : rows.length, 0, row);
    }

    for (const weeks of [12, 52]) {
      const name = `insights-data-${weeks}`;
      if (ONLY && !ONLY.has(name)) continue;
      log(`  insights figures in process (lib/data getInsights(), ${weeks} weeks, 20 runs)…`);
      const m = await insightsQueryLatency(weeks);
      const base = {
        name,
        label: `insights figures (lib/data), ${weeks} weeks`,
        method: "call",
        path: "getInsights()",
        connections: 1,
      };
      const target = TARGETS[name];
      const row: Row = !m
        ? { ...base, available: false, reason: "not available (lib/data/insights.ts is not on this branch)" }
        : {
            ...base,
            available: true,
            rps: m.rps,
            p50: m.p50,
            p95: m.p95,
            p99: m.p99,
            status: { calls: m.runs },
            target: target?.note,
            met: target ? m.p95 < target.p95! : undefined,
          };
      const at = rows.findIndex((r) => r.name === "health-insights");
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
        });
      }
    }
  } finally {
    stopServer();
  }

  const loadAfter = os.loadavg();
  const jsRows = rows.filter((r) => r.firstLoadJsKb !== undefined);
  const heaviestJs = Math.max(0, ...jsRows.map((r) => r.firstLoadJsKb!));

  log("");
  log(table(rows));
  log("");
  for (const lang of ["fr", "en"] as const) {
    const s = suggestions[lang];
    log(
      `Suggestions (${lang}): ${s.per10kWords.toFixed(1)} ms per 10,000 words (median of ${s.runs} runs on ${s.words} words) ` +
        `${s.per10kWords < SUGGEST_TARGET_MS ? "✓" : "✗"} < ${SUGGEST_TARGET_MS} ms`,
    );
  }
  log(
    `First-load JS: heaviest page ${heaviestJs.toFixed(1)} kB gzipped ${heaviestJs <= JS_TARGET_KB ? "✓" : "✗"} ≤ ${JS_TARGET_KB} kB`,
  );
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
    firstLoadJs: { heaviestKb: heaviestJs, targetKb: JS_TARGET_KB, met: heaviestJs <= JS_TARGET_KB },
  };
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = args.out.replace(/\.json$/, "") + ".md";
  fs.writeFileSync(
    markdown,
    [
      markdownTable(rows),
      "",
      ...(["fr", "en"] as const).map(
        (l) =>
          `Suggestions (${l}): ${suggestions[l].per10kWords.toFixed(1)} ms per 10,000 words (median of ${suggestions[l].runs} runs).`,
      ),
      "",
      `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${results.date}; ` +
        `load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after; ` +
        `${manifest.claims} claims, ${manifest.articles} articles; ${CONNECTIONS} connections, ${DURATION} s per route after a ${WARMUP} s warm-up.`,
      ...(args.note ? ["", args.note] : []),
      "",
    ].join("\n"),
  );
  log(`Wrote ${args.out} and ${markdown}`);
}

main().catch((error: unknown) => {
  stopServer();
  console.error(error);
  process.exit(1);
});
