import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers, made mechanical (issue 13, item 20). Type-only imports are allowed where noted: they
// leave nothing in the built code.
const RULE = "@typescript-eslint/no-restricted-imports";

/** lib is below app and components: it never imports them. */
const notAppOrComponents = [
  {
    group: ["@/app", "@/app/*", "@/components", "@/components/*"],
    message: "lib must not import app or components: move what both need into lib.",
  },
  {
    regex: "^(\\.\\./)+(app|components)(/|$)",
    message: "lib must not import app or components: move what both need into lib.",
  },
];

/** The pure modules compute from their arguments: no database, no framework, no session. */
const notDbOrNext = [
  {
    group: [
      "@/db",
      "@/db/*",
      "@/lib/data",
      "@/lib/data/*",
      "@/lib/auth",
      "@/lib/auth/*",
      "better-sqlite3",
      "drizzle-orm",
      "drizzle-orm/*",
      "next",
      "next/*",
      "next-auth",
      "next-auth/*",
      "next-intl/server",
      "server-only",
    ],
    allowTypeImports: true,
    message:
      "lib/claims, lib/review and lib/export are pure: no database (db, lib/data), no Next.js. Pass the data in.",
  },
  {
    regex: "^(\\.\\./)+(db|data|auth)(/|$)",
    allowTypeImports: true,
    message:
      "lib/claims, lib/review and lib/export are pure: no database (db, lib/data), no Next.js. Pass the data in.",
  },
];

/** db is the bottom layer: it imports no lib module but the shared vocabulary (lib/review/model). */
const notLib = [
  {
    regex: "^@/(lib|app|components)(/(?!review/model$).*)?$",
    message: "db must not import lib, app or components (only the vocabulary in lib/review/model).",
  },
  {
    regex: "^(\\.\\./)+(lib|app|components)(/(?!review/model$).*)?$",
    message: "db must not import lib, app or components (only the vocabulary in lib/review/model).",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".tmp/**",
    ],
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { [RULE]: ["error", { patterns: notAppOrComponents }] },
  },
  {
    files: ["lib/claims/**/*.{ts,tsx}", "lib/review/**/*.{ts,tsx}", "lib/export/**/*.{ts,tsx}"],
    rules: { [RULE]: ["error", { patterns: [...notAppOrComponents, ...notDbOrNext] }] },
  },
  {
    files: ["db/**/*.ts"],
    rules: { [RULE]: ["error", { patterns: notLib }] },
  },
];

export default config;
