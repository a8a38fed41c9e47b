// Test server: a fresh temporary SQLite file with the demo workspace, then `next start` on it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/lib/data/connection";
import { seedDemo } from "@/lib/data/seed";
import { ACCOUNTS } from "./accounts";

// A fixed file when the runner names one (specs open it too), else a fresh temporary folder.
const preset = process.env.E2E_DATABASE_PATH;
const dir = preset ? path.dirname(preset) : fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-"));
if (preset) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
process.env.DATABASE_PATH = preset ?? path.join(dir, "e2e.db");
getDb();
await seedDemo({
  editor: ACCOUNTS.editor.password,
  reviewer: ACCOUNTS.reviewer.password,
  admin: ACCOUNTS.admin.password,
});
closeDb();

const server = spawn(
  path.join("node_modules", ".bin", "next"),
  ["start", "-p", process.env.E2E_PORT ?? "3100", "-H", "127.0.0.1"],
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
