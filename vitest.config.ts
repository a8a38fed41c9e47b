import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

const EXCLUDE = ["node_modules/**", ".next/**", "e2e/**", ".tmp/**"];
const shared = { environment: "node" as const, setupFiles: ["test/setup.ts"] };

// The tests that open a database run twice: on SQLite ("sqlite", every test) and on a PostgreSQL
// server that the run starts itself ("pg", test/pg-global-setup.ts). `npx vitest run --project pg`
// runs only the PostgreSQL ones. Left out of "pg": what is SQLite's own (the file handle, backups
// of the file, SQLite's query plans) and tests that open no database.
const POSTGRES_TESTS = [
  "lib/data/**/*.test.ts",
  "app/**/*.test.ts",
  "test/**/*.test.ts",
  "lib/api/**/*.test.ts",
  "lib/auth/**/*.test.ts",
  "lib/export/bulk.test.ts",
  "lib/export/seed-article.test.ts",
  "components/account-admin.test.ts",
  "proxy.test.ts",
  "lib/ops/db-copy.test.ts",
  "lib/ops/pg-backup.test.ts",
  // The error contract's pipeline end to end (tokens, rate limits, sessions) and `npm run user`
  // in its own process: both open the desk's database.
  "lib/errors/control-flow.test.ts",
  "scripts/**/*.test.ts",
];
const SQLITE_ONLY = ["lib/data/query-plans.test.ts", "lib/data/write-wait.test.ts"];
// Only on PostgreSQL: copying a SQLite desk into PostgreSQL, pg_dump and pg_restore need the server
// the "pg" project starts.
const POSTGRES_ONLY = ["lib/ops/db-copy.test.ts", "lib/ops/pg-backup.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // next's "server-only" guard throws outside a React Server Components bundle.
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves; inlined,
    // it also sees the test's mocks of next/headers.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "sqlite",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...EXCLUDE, ...POSTGRES_ONLY],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "pg",
          include: POSTGRES_TESTS,
          exclude: [...EXCLUDE, ...SQLITE_ONLY],
          env: { TEST_DB: "postgres" },
          // Each write is a round trip to a server sharing two cores with everything else.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["test/pg-global-setup.ts"],
        },
      },
    ],
  },
});
