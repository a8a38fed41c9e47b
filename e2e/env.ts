import os from "node:os";
import path from "node:path";

// Shared by the Playwright config, the test server and specs that arrange state through lib/data.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_PATH = path.join(os.tmpdir(), `claimdesk-e2e-${E2E_PORT}`, "e2e.db");

// E2E_DB=postgres: the test server starts a throwaway PostgreSQL server on E2E_PG_PORT
// (test/pg-server.ts) and the app and the specs' lib/data both use this database instead.
export const E2E_POSTGRES = process.env.E2E_DB === "postgres";
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 5440);
export const E2E_DATABASE_URL = E2E_POSTGRES
  ? `postgres://postgres@127.0.0.1:${E2E_PG_PORT}/desk_e2e`
  : undefined;
// Set as soon as this module loads (in the Playwright runner, whose workers inherit it, and in the
// test server): lib/data/tables.ts picks the dialect's tables when lib/data is first imported.
if (E2E_DATABASE_URL) process.env.DATABASE_URL = E2E_DATABASE_URL;

/** The server's clock offset in ms (lib/clock.ts CLOCK_OFFSET_FILE): a spec moves time forward by writing it. */
export const E2E_CLOCK_FILE = path.join(os.tmpdir(), `claimdesk-e2e-${E2E_PORT}`, "clock-offset");
