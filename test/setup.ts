import { afterAll } from "vitest";
import { createTemporaryDatabase } from "./temp-db";

// Every test file gets its own fresh database, built by the real migrations: a SQLite file, or a
// PostgreSQL database in the "pg" project (TEST_DB=postgres).
const db = await createTemporaryDatabase();
afterAll(() => db.cleanup());
