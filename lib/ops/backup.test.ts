import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, migrateDatabase } from "@/db/client";
import { getDb } from "@/lib/data/connection";
import { makeArticle, makeUser } from "@/test/data-helpers";
import { getEnv } from "@/lib/env";
import { backupDatabase, countTables, inspectDatabase, OpsError, restoreDatabase } from "./backup";
import { registerRunningServer } from "./server-lock";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

function workDir(): string {
  const dir = path.join(path.dirname(getEnv().DATABASE_PATH), `ops-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// Another process writing while the backup runs: each transaction adds one article and two claims
// to it, so a consistent copy always holds exactly two claims per article the writer added.
const WRITER = `
const Database = require(process.argv[2]);
const db = new Database(process.argv[3]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const stopFile = process.argv[4];
const fs = require("node:fs");
const userId = db.prepare("SELECT id FROM users LIMIT 1").pluck().get();
const article = db.prepare("INSERT INTO articles (title, language, body, created_by_id, updated_at) VALUES (?, 'en', 'Body text here.', ?, ?)");
const claim = db.prepare("INSERT INTO claims (article_id, start, \\"end\\", quote, statement, created_by_id, updated_by_id, updated_at) VALUES (?, 0, 4, 'Body', 'Writer claim', ?, ?, ?)");
const pair = db.transaction((n) => {
  const id = article.run("Writer " + n, userId, Date.now()).lastInsertRowid;
  claim.run(id, userId, userId, Date.now());
  claim.run(id, userId, userId, Date.now());
});
let n = 0;
while (!fs.existsSync(stopFile)) { pair(n++); }
db.close();
process.stdout.write(String(n));
`;

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const writerArticles = db
      .prepare("SELECT count(*) FROM articles WHERE title LIKE 'Writer %'")
      .pluck()
      .get() as number;
    const writerClaims = db
      .prepare("SELECT count(*) FROM claims WHERE statement = 'Writer claim'")
      .pluck()
      .get() as number;
    return { writerArticles, writerClaims, tables: countTables(db) };
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error("condition not reached");
}

describe("backup and restore", () => {
  it("takes a consistent copy while another process writes, and restores it into a fresh database", async () => {
    const editor = await makeUser("editor");
    await makeArticle(editor);
    const source = getEnv().DATABASE_PATH;
    const dir = workDir();
    const script = path.join(dir, "writer.cjs");
    fs.writeFileSync(script, WRITER);
    const stopFile = path.join(dir, "stop");
    const writer = spawn(process.execPath, [script, require.resolve("better-sqlite3"), source, stopFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let written = "";
    writer.stdout.on("data", (chunk: Buffer) => (written += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => writer.on("exit", resolve));

    await waitFor(() => counts(source).writerArticles >= 50);
    const backupFile = path.join(dir, "backup.db");
    const report = await backupDatabase({ source, destination: backupFile, migrationsFolder: MIGRATIONS });
    // Keep writing a little after the backup, then stop.
    const atBackup = report.tables.articles!;
    await waitFor(() => counts(source).tables.articles! > atBackup + 20);
    fs.writeFileSync(stopFile, "");
    expect(await exited).toBe(0);

    const inBackup = counts(backupFile);
    const finalCounts = counts(source);
    expect(report.integrity).toBe("ok");
    expect(inBackup.writerArticles).toBeGreaterThanOrEqual(50);
    expect(inBackup.writerArticles).toBeLessThan(finalCounts.writerArticles);
    expect(inBackup.writerClaims).toBe(2 * inBackup.writerArticles);
    expect(finalCounts.writerArticles).toBe(Number(written));
    expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);

    const target = path.join(dir, "restored", "claimdesk.db");
    const restored = await restoreDatabase({ backup: backupFile, target, migrationsFolder: MIGRATIONS });
    expect(restored.previous).toBeNull();
    expect(restored.report.tables).toEqual(inBackup.tables);
    expect(counts(target).tables).toEqual(inBackup.tables);
    const app = openDatabase(target);
    migrateDatabase(app);
    expect(app.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    app.$client.close();
  });

  it("refuses to restore while a server uses the database, and says what to do", async () => {
    const dir = workDir();
    const backupFile = path.join(dir, "backup.db");
    await backupDatabase({
      source: getEnv().DATABASE_PATH,
      destination: backupFile,
      migrationsFolder: MIGRATIONS,
    });
    const target = path.join(dir, "live.db");
    fs.copyFileSync(backupFile, target);
    const release = registerRunningServer(target);
    const refused = await restoreDatabase({ backup: backupFile, target, migrationsFolder: MIGRATIONS }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(OpsError);
    expect(refused.message).toContain(
      `The app is running on this database (process ${process.pid}). Stop it first`,
    );
    release();
    const { previous } = await restoreDatabase({ backup: backupFile, target, migrationsFolder: MIGRATIONS });
    expect(previous).toMatch(/live\.db\.before-restore-/);
    expect(inspectDatabase(previous!, MIGRATIONS).integrity).toBe("ok");
  });

  it("ignores the mark of a server that died without removing it", async () => {
    const dir = workDir();
    const backupFile = path.join(dir, "backup.db");
    await backupDatabase({
      source: getEnv().DATABASE_PATH,
      destination: backupFile,
      migrationsFolder: MIGRATIONS,
    });
    const target = path.join(dir, "crashed.db");
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    fs.mkdirSync(`${target}.servers`, { recursive: true });
    fs.writeFileSync(path.join(`${target}.servers`, dead), "");
    await expect(
      restoreDatabase({ backup: backupFile, target, migrationsFolder: MIGRATIONS }),
    ).resolves.toBeDefined();
  });

  it("checks a backup before replacing anything", async () => {
    const dir = workDir();
    const target = path.join(dir, "keep.db");
    fs.copyFileSync(getEnv().DATABASE_PATH, target);
    const original = fs.readFileSync(target);

    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not a database ".repeat(500));
    const foreign = path.join(dir, "foreign.db");
    new Database(foreign).exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)").close();
    const newer = path.join(dir, "newer.db");
    await backupDatabase({
      source: getEnv().DATABASE_PATH,
      destination: newer,
      migrationsFolder: MIGRATIONS,
    });
    new Database(newer)
      .exec("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 4102444800000)")
      .close();

    for (const [file, message] of [
      [garbage, /not a SQLite database|cannot be opened/],
      [foreign, /not a Claim Desk database/],
      [newer, /newer or different version/],
      [path.join(dir, "missing.db"), /does not exist/],
    ] as const) {
      await expect(restoreDatabase({ backup: file, target, migrationsFolder: MIGRATIONS })).rejects.toThrow(
        message,
      );
    }
    expect(fs.readFileSync(target).equals(original)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes("before-restore"))).toEqual([]);
  });

  it("refuses to overwrite an existing file when backing up", async () => {
    const dir = workDir();
    const existing = path.join(dir, "exists.db");
    fs.writeFileSync(existing, "keep me");
    await expect(
      backupDatabase({ source: getEnv().DATABASE_PATH, destination: existing, migrationsFolder: MIGRATIONS }),
    ).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("explains a refused restore on the command line", async () => {
    getDb();
    const dir = workDir();
    const target = path.join(dir, "cli.db");
    fs.copyFileSync(getEnv().DATABASE_PATH, target);
    const release = registerRunningServer(target);
    const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/restore.ts", target], {
      env: { ...process.env, DATABASE_PATH: target },
      encoding: "utf8",
    });
    release();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Restore refused: The app is running on this database");
  });
});
