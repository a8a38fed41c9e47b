// The session secret generated when AUTH_SECRET is not set: several server processes starting at
// once on one data folder (npm start with WEB_CONCURRENCY, or `npm run user` beside a first start)
// must all end up with the same, whole secret, or sessions signed by one would not open on another.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("the generated session secret", () => {
  it("is one whole secret for processes that start at the same moment", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "desk-secret-"));
    folders.push(folder);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: path.join(folder, "desk.db") };
    delete env.AUTH_SECRET;
    const secrets = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const { stdout } = await run(
          process.execPath,
          [
            path.resolve("node_modules/tsx/dist/cli.mjs"),
            "--tsconfig",
            "tsconfig.node.json",
            "test/print-auth-secret.ts",
          ],
          { env, cwd: process.cwd() },
        );
        return stdout.trim();
      }),
    );
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(1);
    expect(fs.readFileSync(path.join(folder, "auth-secret"), "utf8")).toBe(secrets[0]);
    // Nothing but the secret is left in the folder.
    expect(fs.readdirSync(folder)).toEqual(["auth-secret"]);
  }, 60_000);
});
