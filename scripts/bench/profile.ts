// Where the desk's server spends its CPU: the .cpuprofile that `npm run bench -- --profile` makes
// (node --cpu-prof), each sample's function mapped back through the build's source maps to the
// file it came from, and the self time summed per piece of the stack (next-auth, next-intl, React's
// RSC and HTML rendering, the proxy, the app's own code…). Self time partitions the busy time: each
// sample counts once, in the function that was running.
//
//   npx tsx scripts/bench/profile.ts bench/data/profiles/CPU.….cpuprofile [--requests N] [--files N]
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** Buckets, first match wins, on the original source file (after the source map) or the URL. */
const BUCKETS: [string, RegExp][] = [
  ["idle", /^\(idle\)$/],
  ["garbage collection", /^\(garbage collector\)$/],
  [
    "next-auth, @auth/core, jose (session decode, re-encode)",
    /^node_modules\/(next-auth|@auth\/core|jose|oauth4webapi|@panva)\//,
  ],
  [
    "next-intl, use-intl, ICU formatting",
    /^node_modules\/(next-intl|use-intl|intl-messageformat|@formatjs|icu-minify)\/|icu-messageformat-parser/,
  ],
  ["React server components (RSC payload)", /react-server-dom/],
  ["React DOM (HTML rendering)", /react-dom/],
  ["React (other)", /^node_modules\/react\/|dist\/compiled\/react\//],
  ["proxy.ts and its CSP (lib/security)", /^(proxy\.ts|lib\/security\/)/],
  ["app: lib/auth", /^lib\/auth\//],
  ["app: lib/i18n, messages", /^(lib\/i18n|messages)\//],
  ["app: lib/env (zod)", /^lib\/env\.ts|^node_modules\/zod\//],
  [
    "app: lib/data, db, drizzle, better-sqlite3",
    /^(lib\/data\/|db\/|node_modules\/(drizzle-orm|better-sqlite3)\/)/,
  ],
  [
    "app: components, app/ (shell and pages)",
    /^(components|app)\/|^node_modules\/(lucide-react|tailwind-merge|clsx)\//,
  ],
  ["app: other lib/", /^lib\//],
  [
    "Next.js server (routing, proxy adapter, app render, caches)",
    /^node_modules\/next\/|webpack:\/\/next|(^|\/)src\/(server|client|shared|build|lib|export)\/|\[turbopack\]|\.next\/server/,
  ],
  ["Node.js internals (streams, http, crypto, zlib…)", /^(node:|internal\/)|undici/],
];

/** A source path relative to the desk's copy, or "node_modules/<package>/…", or as it came. */
function normalise(origin: string): string {
  let key = origin;
  try {
    key = decodeURIComponent(origin);
  } catch {
    // keep it
  }
  key = key.replace(/\\/g, "/");
  const desk = key.lastIndexOf("bench-desk/");
  if (desk >= 0 && !key.includes("node_modules/", desk)) return key.slice(desk + "bench-desk/".length);
  const modules = key.lastIndexOf("node_modules/");
  if (modules >= 0) return key.slice(modules);
  return key.replace(/^(\.\.\/)+/, "");
}
/** Where a sample that ran in one of these is charged: to the nearest caller that is not. */
const INTERNAL = /^(node:|internal[\\/])|undici|^\(program\)$|^$/;

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    const mapFile = `${file}.map`;
    if (path.isAbsolute(file) && fs.existsSync(mapFile)) {
      const payload = JSON.parse(fs.readFileSync(mapFile, "utf8"));
      // Index maps (sections) are what Turbopack writes; node's SourceMap reads both.
      map = new SourceMap(payload);
    }
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** The file a frame's code came from: through the source map when there is one. */
function originOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "";
  const map = sourceMapOf(url);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    if (entry?.originalSource) return entry.originalSource;
  }
  return url.replace(/^file:\/\//, "");
}

function bucketOf(origin: string, functionName: string): string {
  const key = normalise(origin || functionName);
  // Built-ins without a file (RegExp, JSON.parse, Buffer methods…): the caller decides.
  return BUCKETS.find(([, re]) => re.test(key))?.[0] ?? "native / built-ins (unattributed)";
}

export type ProfileSummary = {
  file: string;
  wallMs: number;
  busyMs: number;
  requests?: number;
  buckets: { bucket: string; ms: number; share: number; msPerRequest?: number }[];
  topFiles: { bucket: string; origin: string; ms: number }[];
};

/**
 * A stretch of the run to count, in microseconds of the machine's monotonic clock: the clock of the
 * profile's timestamps (V8's) and of `process.hrtime` in every process (CLOCK_MONOTONIC).
 */
export type ProfileWindow = { fromUs: number; toUs: number };

/** Now on the profiles' clock, for a window's ends. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Self time per piece. With `windows`, only the samples taken inside them count: the measured
 * runs, not the server's start-up, its first compilations or the warm-ups between routes.
 */
export function analyseProfile(file: string, requests?: number, windows?: ProfileWindow[]): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const counted = (at: number) => !windows || windows.some((w) => at >= w.fromUs && at <= w.toUs);
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (counted(at)) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Node internals, built-ins and native code are charged to the nearest caller that is not one.
  const charged = new Map<number, { bucket: string; origin: string }>();
  const chargeOf = (id: number): { bucket: string; origin: string } => {
    const known = charged.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const origin = originOf(node.callFrame);
    const name = node.callFrame.functionName;
    const own = { bucket: bucketOf(origin, name), origin: origin || name };
    const up = parent.get(id);
    let result = own;
    const isBuiltin = !node.callFrame.url && !name.startsWith("(");
    if (
      (INTERNAL.test(origin) || isBuiltin) &&
      up !== undefined &&
      byId.get(up)!.callFrame.functionName !== "(root)"
    ) {
      const caller = chargeOf(up);
      result = { bucket: caller.bucket, origin: `${own.origin} ← ${caller.origin}` };
    }
    charged.set(id, result);
    return result;
  };
  const buckets = new Map<string, number>();
  const origins = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { bucket, origin } = chargeOf(id);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us / 1000);
    const key = `${bucket}\t${origin}`;
    if (bucket !== "idle") origins.set(key, (origins.get(key) ?? 0) + us / 1000);
  }
  const busyMs = [...buckets].filter(([b]) => b !== "idle").reduce((a, [, ms]) => a + ms, 0);
  return {
    file,
    wallMs: windows
      ? windows.reduce((sum, w) => sum + (w.toUs - w.fromUs), 0) / 1000
      : (profile.endTime - profile.startTime) / 1000,
    busyMs,
    requests,
    buckets: [...buckets]
      .filter(([b]) => b !== "idle")
      .sort((a, b) => b[1] - a[1])
      .map(([bucket, ms]) => ({
        bucket,
        ms,
        share: ms / busyMs,
        msPerRequest: requests ? ms / requests : undefined,
      })),
    topFiles: [...origins]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200)
      .map(([key, ms]) => ({ bucket: key.split("\t")[0]!, origin: key.split("\t")[1]!, ms })),
  };
}

export function formatSummary(s: ProfileSummary, files = 15): string {
  const lines = [
    `Profile ${path.relative(process.cwd(), s.file)}: ${(s.busyMs / 1000).toFixed(1)} s busy of ${(s.wallMs / 1000).toFixed(1)} s` +
      (s.requests ? `, ${s.requests} responses` : ""),
  ];
  for (const b of s.buckets) {
    lines.push(
      `  ${(b.share * 100).toFixed(1).padStart(5)} %  ${b.msPerRequest === undefined ? "" : `${b.msPerRequest.toFixed(2).padStart(6)} ms/resp  `}${b.bucket}`,
    );
  }
  lines.push("  Heaviest source files (self time):");
  for (const f of s.topFiles.slice(0, files)) {
    lines.push(
      `    ${(f.ms / 1000).toFixed(2).padStart(6)} s  [${f.bucket.split(" ")[0]!.replace(/,$/, "")}] ${f.origin.slice(0, 160)}`,
    );
  }
  return lines.join("\n");
}

/** The newest profile written in `dir` since `since` (ms epoch): the desk's server's. */
export function summariseProfile(
  dir: string,
  since: number,
  requests?: number,
  windows?: ProfileWindow[],
): { text: string; summary: ProfileSummary } | null {
  if (!fs.existsSync(dir)) return null;
  const newest = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).mtimeMs >= since)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!newest) return null;
  const summary = analyseProfile(newest, requests, windows);
  return { text: formatSummary(summary), summary };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  if (!file) {
    console.log("npx tsx scripts/bench/profile.ts FILE.cpuprofile [--requests N] [--files N]");
    process.exit(1);
  }
  console.log(formatSummary(analyseProfile(file, option("--requests")), option("--files")));
}
