// The evidence migration (SQLite rebuilds claim_sources to make url nullable): every source
// written before it is a web page with its url and title, and nothing else changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";

const FOLDER = path.join(process.cwd(), "db", "migrations");

/** The migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  const entries = journal.entries.slice(0, at);
  for (const e of entries) fs.copyFileSync(path.join(FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe("the evidence migration on SQLite (PostgreSQL adds the column with its default)", () => {
  it("turns every existing source into a web page with its url and title", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "evidence-migration-")), "old.db");
    const sqlite = new Database(file);
    const db = drizzle(sqlite);
    sqlite.pragma("foreign_keys = OFF");
    migrate(db, { migrationsFolder: migrationsBefore("0010_evidence_sources") });
    sqlite.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('a@x', 'A', 'editor', 'h');
      INSERT INTO articles (title, language, body, created_by_id, updated_at) VALUES ('T', 'fr', 'Body', 1, 0);
      INSERT INTO claims (article_id, start, "end", quote, statement, created_by_id, updated_by_id, updated_at)
        VALUES (1, 0, 4, 'Body', 'Body', 1, 1, 0);
      INSERT INTO claim_sources (claim_id, position, url, title) VALUES (1, 0, 'https://example.org/a', 'A'),
        (1, 1, 'https://example.org/b', NULL);
    `);
    migrate(db, { migrationsFolder: FOLDER });
    sqlite.pragma("foreign_keys = ON");
    expect(
      sqlite
        .prepare(
          "SELECT claim_id, position, kind, url, title, party, file_id FROM claim_sources ORDER BY position",
        )
        .all(),
    ).toEqual([
      {
        claim_id: 1,
        position: 0,
        kind: "web",
        url: "https://example.org/a",
        title: "A",
        party: null,
        file_id: null,
      },
      {
        claim_id: 1,
        position: 1,
        kind: "web",
        url: "https://example.org/b",
        title: null,
        party: null,
        file_id: null,
      },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
  });
});
