import os from "node:os";
import path from "node:path";

// Shared by the Playwright config, the test server and specs that arrange state through lib/data.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_PATH = path.join(os.tmpdir(), `claimdesk-e2e-${E2E_PORT}`, "e2e.db");
