import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, getDb, prepareDb } from "@/lib/data/connection";

/** The test run's database: SQLite unless TEST_DB=postgres (vitest's "pg" project). */
export function testDatabase(): "sqlite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
}

/**
 * A fresh database for one test file, migrated by the real migrations: a SQLite file in a
 * temporary folder (DATABASE_PATH), or on PostgreSQL a new database copied from the run's
 * migrated template (DATABASE_URL; test/pg-global-setup.ts), dropped afterwards.
 */
export async function createTemporaryDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  process.env.SEED_DEMO = "0";
  let dropDatabase = async () => {};
  if (testDatabase() === "postgres") {
    const adminUrl = process.env.TEST_PG_ADMIN_URL;
    const template = process.env.TEST_PG_TEMPLATE;
    if (!adminUrl || !template) throw new Error("TEST_DB=postgres needs the pg project's globalSetup.");
    const name = `desk_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      try {
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await drop.end();
      }
    };
  } else {
    delete process.env.DATABASE_URL;
  }
  await prepareDb();
  return {
    dir,
    db: () => getDb(),
    async cleanup() {
      await closeDb();
      await dropDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
