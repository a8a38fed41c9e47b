// Test server: a fresh temporary SQLite file with the demo workspace, then `next start` on it. With
// E2E_DB=postgres, a fresh PostgreSQL server (test/pg-server.ts) and database instead, stopped and
// removed when the server stops.
// First: e2e/env.ts sets DATABASE_URL for E2E_DB=postgres before lib/data loads.
import { E2E_CLOCK_FILE, E2E_DATABASE_PATH, E2E_DATABASE_URL, E2E_PG_PORT, E2E_PORT } from "./env";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { closeDb, prepareDb } from "@/lib/data/connection";
import { seedDemo } from "@/lib/data/seed";
import { ACCOUNTS } from "./accounts";
import { startPostgres, type PgServer } from "../test/pg-server";

const dir = path.dirname(E2E_DATABASE_PATH);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = E2E_DATABASE_PATH;
let postgres: PgServer | undefined;
if (E2E_DATABASE_URL) {
  process.env.TEST_PG_PORT = String(E2E_PG_PORT);
  postgres = await startPostgres();
  const admin = new pg.Client({ connectionString: postgres.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE desk_e2e");
  await admin.end();
  process.env.DATABASE_URL = E2E_DATABASE_URL;
  console.log(`E2E on PostgreSQL: ${E2E_DATABASE_URL}`);
}
await prepareDb();
await seedDemo({
  editor: ACCOUNTS.editor.password,
  reviewer: ACCOUNTS.reviewer.password,
  admin: ACCOUNTS.admin.password,
});
await closeDb();

const server = spawn(
  path.join("node_modules", ".bin", "next"),
  ["start", "-p", String(E2E_PORT), "-H", "127.0.0.1"],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_PATH: process.env.DATABASE_PATH,
      SEED_DEMO: "0",
      CLOCK_OFFSET_FILE: E2E_CLOCK_FILE,
    },
  },
);
const stopPostgres = () => {
  try {
    postgres?.stop();
  } catch (error) {
    console.error("Stopping the test PostgreSQL server failed:", error);
  }
};
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
  // pg_ctl runs the server on its own: stopped here, not left behind when this process is killed.
  stopPostgres();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  stopPostgres();
  process.exit(code ?? 0);
});
