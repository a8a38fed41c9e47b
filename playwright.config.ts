import { defineConfig } from "@playwright/test";
import { E2E_PORT } from "./e2e/env";

const PORT = E2E_PORT;

export default defineConfig({
  testDir: "e2e",
  // lib/data and db begin with import "server-only"; the specs that seed through them get the stub.
  tsconfig: "./tsconfig.node.json",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The server-only modules it seeds through are server code: tsconfig.node.json makes
    // "server-only" a no-op, as it is in Next's own server bundles.
    command: `npx tsx --tsconfig tsconfig.node.json e2e/server.ts`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    // Article import fetches from pages that specs serve on 127.0.0.1, which the fetcher refuses
    // unless allow-listed.
    env: {
      E2E_PORT: String(PORT),
      FETCH_ALLOW_HOSTS: "127.0.0.1",
      ...(process.env.E2E_DB ? { E2E_DB: process.env.E2E_DB } : {}),
      ...(process.env.E2E_PG_PORT ? { E2E_PG_PORT: process.env.E2E_PG_PORT } : {}),
    },
    reuseExistingServer: false,
    // SIGTERM, not the default SIGKILL: the test server then stops the PostgreSQL server it started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    timeout: 120_000,
    stdout: "pipe",
  },
});
