// The two builds the bench serves, besides nothing of the product's own .next:
//
// 1. The desk, copied into .tmp/bench-desk with two empty pages added that the product does not
//    have: /bench-empty inside the signed-in layout (app/(app)), and /bench-root with only the root
//    layout, the proxy and the language setup. The copy is the product's code byte for byte plus
//    those two files, so every other page costs what it costs in the product, and the layouts'
//    cost can be measured alone without adding a route to the product.
// 2. The anchor: bench/minimal, a bare Next.js app of the same version (a root layout and one
//    dynamic page), built with the desk's node_modules.
//
// Each is rebuilt only when its sources changed (a hash of their contents, kept next to the build).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** What `next build` and `next start` of the desk read (scripts/build-if-needed.ts lists the same). */
const DESK_SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

/** The pages the copy adds. Empty on purpose: what they cost is the layouts' and the framework's. */
const EXTRA_PAGES: Record<string, string> = {
  "app/(app)/bench-empty/page.tsx":
    "// Added by scripts/bench/builds.ts in the bench's copy only: the signed-in layout's cost alone.\n" +
    "export default function BenchEmptyPage() {\n  return null;\n}\n",
  "app/bench-root/page.tsx":
    "// Added by scripts/bench/builds.ts in the bench's copy only: root layout, proxy and language setup.\n" +
    'import { connection } from "next/server";\n\n' +
    "export default async function BenchRootPage() {\n  await connection();\n  return null;\n}\n",
};

export const DESK_COPY = path.join(ROOT, ".tmp", "bench-desk");
export const MINIMAL_APP = path.join(ROOT, "bench", "minimal");

function filesOf(dir: string, entry: string): string[] {
  const full = path.join(dir, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .filter((child) => child !== ".next" && child !== "node_modules")
    .sort()
    .flatMap((child) => filesOf(dir, path.join(entry, child)));
}

function hashFiles(dir: string, files: string[], extra = ""): string {
  const hash = crypto.createHash("sha256").update(extra);
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}

function buildWhenChanged(dir: string, hash: string, label: string): void {
  const stamp = path.join(dir, ".next", "bench-sources.sha256");
  const built = fs.existsSync(path.join(dir, ".next", "BUILD_ID")) && fs.existsSync(stamp);
  if (built && fs.readFileSync(stamp, "utf8") === hash) return;
  console.log(`Building ${label} (${path.relative(ROOT, dir)})…`);
  const build = spawnSync(process.execPath, [NEXT, "build"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    console.error(`next build of ${label} failed`);
    process.exit(build.status ?? 1);
  }
  fs.writeFileSync(stamp, hash);
}

/** Copies the desk with its two extra pages into .tmp/bench-desk and builds it when it changed. */
export function buildDeskCopy(): string {
  // Tests stay out: they import test/ helpers, and the build would type-check them.
  const files = DESK_SOURCES.flatMap((entry) => filesOf(ROOT, entry)).filter((f) => !/\.test\.tsx?$/.test(f));
  const hash = hashFiles(ROOT, files, JSON.stringify(EXTRA_PAGES));
  const stamp = path.join(DESK_COPY, ".next", "bench-sources.sha256");
  const current = fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash;
  if (!current) {
    // A fresh tree (the build output stays, so that Next can reuse its cache).
    for (const entry of fs.existsSync(DESK_COPY) ? fs.readdirSync(DESK_COPY) : []) {
      if (entry !== ".next") fs.rmSync(path.join(DESK_COPY, entry), { recursive: true, force: true });
    }
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(DESK_COPY, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(DESK_COPY, file));
    }
    for (const [file, text] of Object.entries(EXTRA_PAGES)) {
      fs.mkdirSync(path.dirname(path.join(DESK_COPY, file)), { recursive: true });
      fs.writeFileSync(path.join(DESK_COPY, file), text);
    }
  }
  buildWhenChanged(DESK_COPY, hash, "the desk with the bench's empty pages");
  return DESK_COPY;
}

/** Builds bench/minimal when it changed (or Next did). */
export function buildMinimalApp(): string {
  const files = filesOf(MINIMAL_APP, "app").concat(["next.config.ts", "instrumentation.ts"]);
  const nextVersion = JSON.parse(
    fs.readFileSync(path.join(ROOT, "node_modules", "next", "package.json"), "utf8"),
  ) as { version: string };
  buildWhenChanged(
    MINIMAL_APP,
    hashFiles(MINIMAL_APP, files, nextVersion.version),
    "the minimal Next.js app",
  );
  return MINIMAL_APP;
}
