import { afterAll } from "vitest";
import { createTemporaryDatabase } from "./temp-db";

// Every test file gets its own fresh SQLite file, built by the real migrations.
const db = createTemporaryDatabase();
afterAll(() => db.cleanup());
