import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/lib/data/connection";

/** Points DATABASE_PATH at a fresh file in a temporary folder, migrated by the real migrations. */
export function createTemporaryDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  process.env.SEED_DEMO = "0";
  return {
    dir,
    db: () => getDb(),
    cleanup() {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
