import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // next's "server-only" guard throws outside a React Server Components bundle.
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".tmp/**"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves; inlined,
    // it also sees the test's mocks of next/headers.
    server: { deps: { inline: ["next-auth"] } },
  },
});
