import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The data layer, sessions and the database handle are for the server only: each module starts
// with import "server-only", so a client component importing one fails the build. Scripts run them
// with tsconfig.node.json (package.json), which maps the guard to a no-op as Next's server bundles do.

const TSX = path.join("node_modules", "tsx", "dist", "cli.mjs");
const SERVER_ONLY_DIRS = ["lib/data", "lib/auth", "db"];
// Pure or shared on purpose: the schema (drizzle-kit loads it), the redirect check (a pure function).
const EXEMPT = new Set(["db/schema.ts", "db/schema-pg.ts", "db/schema-parity.ts", "lib/auth/redirect.ts"]);

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : modules(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("server-only modules", () => {
  it('begin with import "server-only" in lib/data, lib/auth and db', () => {
    const missing = SERVER_ONLY_DIRS.flatMap(modules)
      .filter((file) => !EXEMPT.has(file))
      .filter((file) => !/^import "server-only";$/m.test(fs.readFileSync(file, "utf8")));
    expect(missing).toEqual([]);
  });

  it("refuse to load outside the server, and load with the scripts' tsconfig.node.json", () => {
    const run = (options: string[]) =>
      spawnSync(process.execPath, [TSX, ...options, "scripts/user.ts", "--help"], {
        encoding: "utf8",
        timeout: 60_000,
      });
    const plain = run([]);
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain("This module cannot be imported from a Client Component module");
    const server = run(["--tsconfig", "tsconfig.node.json"]);
    expect(server.stderr).toBe("");
    expect(server.status).toBe(0);
  }, 120_000);
});
