// Test server: a fresh temporary SQLite file with the demo workspace, then `next start` on it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/lib/data/connection";
import { seedDemo } from "@/lib/data/seed";
import { ACCOUNTS } from "./accounts";
import { E2E_DATABASE_PATH, E2E_PORT } from "./env";

const dir = path.dirname(E2E_DATABASE_PATH);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = E2E_DATABASE_PATH;
getDb();
await seedDemo({
  editor: ACCOUNTS.editor.password,
  reviewer: ACCOUNTS.reviewer.password,
  admin: ACCOUNTS.admin.password,
});
closeDb();

const server = spawn(
  path.join("node_modules", ".bin", "next"),
  ["start", "-p", String(E2E_PORT), "-H", "127.0.0.1"],
  {
    stdio: "inherit",
    env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH, SEED_DEMO: "0" },
  },
);
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
