import { z } from "zod";

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/claimdesk.db"),
  // Set: the desk runs on this PostgreSQL database instead of the SQLite file DATABASE_PATH.
  DATABASE_URL: z
    .union([z.literal(""), z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")])
    .optional()
    .transform((v) => v || undefined),
  AUTH_SECRET: z.string().min(16).optional(),
  // The public URL when the app sits behind a proxy; https here makes session cookies Secure.
  AUTH_URL: z
    .union([z.literal(""), z.url()])
    .optional()
    .transform((v) => v || undefined),
  SEED_DEMO: z
    .enum(["0", "1", "false", "true"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  ORG_NAME: z.string().min(1).default("The Claim Desk"),
  ORG_URL: z.url().default("http://localhost:3000"),
  // The public URL of the app, for exported links; unset, they use the address of the request.
  APP_URL: z
    .union([z.literal(""), z.url()])
    .optional()
    .transform((v) => v || undefined),
  TIME_ZONE: z.string().min(1).default("Europe/Paris"),
  // Requests a minute per API token before 429.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  // npm start: the port, and how many server processes share it (set it to the number of cores).
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // Hosts, addresses or IPv4 CIDR ranges that article import may fetch from although they are
  // internal (an intranet CMS, say), comma-separated. Empty: public addresses only.
  FETCH_ALLOW_HOSTS: z.string().default(""),
  // Where the evidence files live (documents uploaded, snapshots of web pages); default: "files"
  // beside the SQLite database (data/files). Included by npm run backup / restore.
  DESK_FILES_DIR: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  // Right of reply (README): by default ("required") an "uncommented" verdict enters the queue only
  // when its silent party was asked for comment or recorded as not contacted; a desk that does not
  // want the rule opts out with "advisory", which only shows what is missing.
  RIGHT_OF_REPLY: z.enum(["required", "advisory"]).default("required"),
  // Tests only: a file holding a number of milliseconds that lib/clock.ts adds to the time, so an
  // end-to-end test can move the server past a deadline without waiting. Unset in production.
  CLOCK_OFFSET_FILE: z.string().optional(),
  // E-mail: smtp://user:pass@host:587 or smtps://…:465. Unset: no e-mail is sent (the inbox still fills).
  SMTP_URL: z
    .union([z.literal(""), z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")])
    .optional()
    .transform((v) => v || undefined),
  SMTP_FROM: z.string().default("The Claim Desk <desk@localhost>"),
  // How long an SMTP server may take to answer each step before the attempt counts as failed.
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  // The hour (UTC) at which daily digests go out.
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  // Like FETCH_ALLOW_HOSTS, for webhook deliveries: internal hosts a webhook may be sent to.
  WEBHOOK_ALLOW_HOSTS: z.string().default(""),
  // How long live events are kept for pages that reconnect (Last-Event-ID); a page further behind
  // than that reloads in full. The outbox worker removes older ones; at least 1 (the database
  // refuses to delete younger events).
  LIVE_EVENTS_KEEP_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 365)
    .default(24),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

const KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let last: { key: string; env: Env } | null = null;

/**
 * In the production server nothing changes these variables once it runs, except setProcessEnv
 * below: the first parse stands. Reading the forty-odd variables from process.env to see whether
 * one changed cost 10-40 µs a call, and the data layer asks on every query (about 1 ms per API
 * approval, `npm run bench -- --profile`).
 */
const SETTLED = process.env.NODE_ENV === "production";

/**
 * The only reader of process.env. Elsewhere than in production it is parsed again whenever one of
 * its variables changed (tests point DATABASE_PATH at a fresh file); otherwise the last parse is
 * reused: a request asks several times, and each parse cost tens of microseconds.
 */
export function getEnv(): Env {
  if (SETTLED && last) return last.env;
  const key = KEYS.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (last?.key === key) return last.env;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error)}`);
  }
  last = { key, env: Object.freeze(parsed.data) as Env };
  return last.env;
}

export type DatabaseDialect = "sqlite" | "postgres";

/**
 * Which database the desk runs on: PostgreSQL when DATABASE_URL is set, else the SQLite file.
 * Reads that one variable only, so that lib/data/tables.ts can ask at import time.
 */
export function databaseDialect(): DatabaseDialect {
  return process.env.DATABASE_URL ? "postgres" : "sqlite";
}

/** Where the generated secret lives when AUTH_SECRET is not set: beside the database file. */
export function dataDirectory(): string {
  const file = getEnv().DATABASE_PATH;
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return slash >= 0 ? file.slice(0, slash) : ".";
}

export function setProcessEnv(name: "AUTH_SECRET", value: string): void {
  process.env[name] = value;
  last = null;
}
