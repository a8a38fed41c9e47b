// db:copy from a real SQLite file into the real PostgreSQL server of the "pg" project (only there:
// lib/data is bound to PostgreSQL in this process, and the SQLite source is written through the
// SQLite schema directly). The target is this test file's own database (migrated, empty) and a
// brand-new one (not migrated yet).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import * as s from "@/db/schema";
import { getClaimHistory } from "@/lib/data/claims";
import { getDb } from "@/lib/data/connection";
import { claimEvents, claims, users } from "@/lib/data/tables";
import { search } from "@/lib/data/search";
import { createUser } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { parseSearchParams } from "@/lib/validation/search";
import { OpsError } from "./backup";
import { copySqliteToPostgres, deskTables, rowsChecksum } from "./db-copy";

const BODY =
  "Le ministère affirme que l'économie a créé 1 800 emplois à Besançon en 2025.\n\nLe syndicat conteste.";
const QUOTE = "Le ministère affirme que l'économie a créé 1 800 emplois à Besançon en 2025.";
const T0 = new Date("2025-03-04T05:06:07.089Z").getTime();

/** A SQLite desk with a row in every table, history and audit included, ids with gaps. */
function makeSourceDesk(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  const at = (minutes: number) => new Date(T0 + minutes * 60_000 + 123);
  db.insert(s.users)
    .values([
      {
        id: 3,
        email: "éditrice@desk.test",
        name: "Éditrice Ünï",
        role: "editor",
        passwordHash: "h1",
        createdAt: at(0),
      },
      {
        id: 7,
        email: "rev@desk.test",
        name: "Rev",
        role: "reviewer",
        passwordHash: "h2",
        locale: "fr",
        active: false,
        sessionVersion: 4,
        createdAt: at(1),
      },
    ])
    .run();
  db.insert(s.articles)
    .values({
      id: 41,
      title: "Emplois à Besançon",
      language: "fr",
      body: BODY,
      createdById: 3,
      createdAt: at(2),
      updatedAt: at(3),
      authors: "A. B., C. D.",
      version: 2,
    })
    .run();
  db.insert(s.claims)
    .values({
      id: 90,
      articleId: 41,
      start: 0,
      end: QUOTE.length,
      quote: QUOTE,
      statement: "L'économie a créé 1800 emplois.",
      speaker: "le ministère",
      verdict: "disputed",
      verdictNote: "Chiffre contesté",
      stage: "approved",
      version: 4,
      ratedById: 3,
      ratedAt: at(4),
      submittedById: 3,
      submittedAt: at(5),
      approvedById: 7,
      approvedAt: at(6),
      createdById: 3,
      createdAt: at(4),
      updatedById: 7,
      updatedAt: at(6),
    })
    .run();
  db.insert(s.claimSources)
    .values({ id: 5, claimId: 90, position: 0, url: "https://example.org/a", title: null })
    .run();
  const snapshot = {
    statement: "L'économie a créé 1800 emplois.",
    quote: QUOTE,
    start: 0,
    end: QUOTE.length,
    speaker: "le ministère",
    verdict: "unrated",
    verdictNote: null,
    silentParty: null,
    sources: [{ url: "https://example.org/a", title: null }],
  };
  const payloads = [
    { type: "created", before: null, after: snapshot },
    {
      type: "rated",
      before: { verdict: "unrated", verdictNote: null },
      after: { verdict: "disputed", verdictNote: "Chiffre « contesté »" },
    },
    { type: "submitted", before: { stage: "draft" }, after: { stage: "in_review" } },
    { type: "approved", before: { stage: "in_review" }, after: { stage: "approved" } },
  ];
  const events = payloads.map((payload, i) => ({
    id: 200 + i * 3,
    claimId: 90,
    articleId: 41,
    actorId: i === 3 ? 7 : 3,
    ...payload,
    note: i === 3 ? "ok" : null,
    createdAt: at(4 + i),
  }));
  db.insert(s.claimEvents)
    .values(events as never)
    .run();
  db.insert(s.apiTokens)
    .values({
      id: 12,
      userId: 3,
      name: "cms",
      tokenHash: "hash-12",
      prefix: "cd_12",
      createdAt: at(7),
      lastUsedAt: at(8),
    })
    .run();
  db.insert(s.adminAudit)
    .values({
      id: 30,
      actorId: 7,
      action: "deactivate",
      targetUserId: 7,
      before: { active: true },
      after: { active: false },
      createdAt: at(9),
    } as never)
    .run();
  db.insert(s.signInAttempts)
    .values({ id: 8, email: "rev@desk.test", address: "127.0.0.1", at: at(10) })
    .run();
  db.insert(s.rateLimits)
    .values([
      { key: "token:12", bucket: 29_000_000, hits: 17 },
      { key: "Émile", bucket: 1, hits: 2 },
    ])
    .run();
  db.$client.close();
}

async function newDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  const name = `desk_copy_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.TEST_PG_ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

function sourceFile(): string {
  const dir = path.join(path.dirname(getEnv().DATABASE_PATH), `copy-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, "desk.db");
}

describe("db:copy", () => {
  it("knows every table of both schemas, parents first", () => {
    const names = deskTables().map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "admin_audit",
        "api_tokens",
        "articles",
        "claim_events",
        "claim_sources",
        "claims",
        "rate_limits",
        "sign_in_attempts",
        "users",
      ]),
    );
    const order = names;
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("articles"));
    expect(order.indexOf("articles")).toBeLessThan(order.indexOf("claims"));
    expect(order.indexOf("claims")).toBeLessThan(order.indexOf("claim_sources"));
    expect(() => deskTables({ ...s, extra: s.users }, {})).toThrow(OpsError);
    expect(() => deskTables(s, {})).toThrow(/only in db\/schema\.ts/);
  });

  it("checksums rows whatever their order and the driver's spelling, and tells any change", () => {
    const columns = ["id", "at", "after", "note"];
    const a = { id: 1, at: new Date(1_700_000_000_123), after: { b: [1, "é"], a: null }, note: null };
    const b = { id: 2, at: new Date(1_700_000_000_124), after: null, note: "x" };
    const sum = rowsChecksum([a, b], columns);
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(rowsChecksum([b, { ...a, after: { a: null, b: [1, "é"] }, note: undefined }], columns)).toBe(sum);
    expect(rowsChecksum([a, { ...b, at: new Date(1_700_000_000_125) }], columns)).not.toBe(sum);
    expect(rowsChecksum([a, { ...b, note: "y" }], columns)).not.toBe(sum);
    expect(rowsChecksum([a], columns)).not.toBe(sum);
    expect(rowsChecksum([a, a, b], columns)).not.toBe(sum);
  });

  it("copies every table with ids, times and history; the checks match; search and new ids work after", async () => {
    const file = sourceFile();
    makeSourceDesk(file);
    const lines: string[] = [];
    const report = await copySqliteToPostgres({
      source: file,
      targetUrl: getEnv().DATABASE_URL!,
      log: (l) => lines.push(l),
    });
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(report.tables.length).toBe(deskTables().length);
    for (const check of report.tables) {
      expect(check.ok, check.table).toBe(true);
      expect(check.targetChecksum).toBe(check.sourceChecksum);
    }
    expect(byTable.users!.targetRows).toBe(2);
    expect(byTable.claim_events!.targetRows).toBe(4);
    expect(byTable.rate_limits!.targetRows).toBe(2);
    expect(byTable.admin_audit!.targetRows).toBe(1);
    expect(lines.join("\n")).toMatch(/claim_events\s+4 → 4\s+sha256-sum [0-9a-f]{16}\s+ok/);

    // Ids and times as they were, through the app's own data layer on PostgreSQL.
    const db = getDb();
    const [claim] = await db.select().from(claims);
    expect(claim!.id).toBe(90);
    expect(claim!.approvedAt!.toISOString()).toBe(new Date(T0 + 6 * 60_000 + 123).toISOString());
    const [user] = (await db.select().from(users)).filter((u) => u.id === 7);
    expect(user).toMatchObject({ active: false, sessionVersion: 4, locale: "fr" });
    const history = await getClaimHistory({ claimId: 90 });
    expect(history.map((h) => [h.id, h.type, h.actor.name])).toEqual([
      [200, "created", "Éditrice Ünï"],
      [203, "rated", "Éditrice Ünï"],
      [206, "submitted", "Éditrice Ünï"],
      [209, "approved", "Rev"],
    ]);

    // Search indexes the copied rows: accents and the "1 800" number folded.
    const results = await search(parseSearchParams({ q: "economie 1800 besancon" }));
    expect(results?.claims?.items.map((c) => c.id)).toEqual([90]);

    // Sequences past the largest copied id: the next account gets a new id.
    const created = await createUser({
      email: "new@desk.test",
      name: "New",
      role: "editor",
      password: "password-123",
    });
    expect(created.id).toBe(8);

    // History stays append-only after the copy.
    await expect(db.delete(claimEvents)).rejects.toMatchObject({
      cause: { message: "claim_events is append-only" },
    });

    // A second copy into the same database is refused before anything is written.
    const again = copySqliteToPostgres({ source: file, targetUrl: getEnv().DATABASE_URL! });
    await expect(again).rejects.toThrow(OpsError);
    await expect(again).rejects.toThrow(/already holds desk data: .*users \(3 rows\)/);
    expect((await db.select().from(users)).length).toBe(3);
  });

  it("migrates a brand-new database first, and runs from the command line", async () => {
    const file = sourceFile();
    makeSourceDesk(file);
    const url = await newDatabase();
    const run = spawnSync(
      "npx",
      ["tsx", "--tsconfig", "tsconfig.node.json", "scripts/db-copy.ts", "--to", url],
      { encoding: "utf8", env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: "" }, timeout: 60_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/users\s+2 → 2\s+sha256-sum [0-9a-f]{16}\s+ok/);
    expect(run.stdout).toMatch(/Copied \d+ tables/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const events = await client.query("SELECT count(*)::int AS n FROM claim_events");
      expect(events.rows[0].n).toBe(4);
    } finally {
      await client.end();
    }
    const refused = spawnSync(
      "npx",
      ["tsx", "--tsconfig", "tsconfig.node.json", "scripts/db-copy.ts", "--to", url],
      { encoding: "utf8", env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: "" }, timeout: 60_000 },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Copy refused: .* already holds desk data/);
  });
});
