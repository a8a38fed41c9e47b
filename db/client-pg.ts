import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema-pg";

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-pg");

// bigint (int8: the ids, counts) as JavaScript numbers, as SQLite's integers come: the desk's
// values stay far below 2^53. node-postgres would hand them over as strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Any advisory lock key of the desk's own: migrations run one process at a time. */
const MIGRATION_LOCK = 7_036_145;

/** A connection pool on DATABASE_URL (opened lazily by pg: no connection until the first query). */
export function openPostgres(url: string): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: "claim-desk",
    // A server that is down or restarting refuses connections at once (503, lib/errors:
    // database_unavailable); one that does not answer at all (a network partition) makes a request
    // wait at most this long for a connection, the pool's queue included, then answer 503 instead
    // of hanging. Long enough for a legitimate queue of transactions under load.
    connectionTimeoutMillis: 30_000,
  });
  // A connection losing its server (a restart) must not crash the process: an idle one is dropped
  // by the pool, and one in use fails its query, which answers 503; the next query reconnects.
  pool.on("error", (error) => console.error("PostgreSQL: an idle connection failed.", error.message));
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("PostgreSQL: a connection failed.", error.message));
    keepStatements(client);
  });
  return drizzle(pool, { schema });
}

/** Statements a connection keeps prepared, at most (then new texts run unnamed, as before). */
const PREPARED_PER_CONNECTION = 1000;

/** Statement names by SQL text, for every connection: hashed once per text, not once per query. */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `desk_${createHash("sha1").update(text).digest("base64url")}`;
    // Texts beyond the cap are not prepared (below): their names are not kept either.
    if (statementNames.size < PREPARED_PER_CONNECTION) statementNames.set(text, name);
  }
  return name;
}

/**
 * drizzle sends every query unnamed, so PostgreSQL parses and plans it afresh each time: about a
 * third of the server's time for a page's two dozen short reads. The same few hundred SQL texts come
 * back on every request (parameters apart), so each connection prepares a text once, under a name
 * derived from it, and then only binds and executes it (PostgreSQL keeps its plan; the twin of the
 * SQLite statement cache in db/client.ts). Only queries with parameters: they already use the
 * extended protocol, which carries one statement, so nothing else changes for them. A pooler in
 * transaction mode (PgBouncer) needs its prepared-statement support (`max_prepared_statements`).
 */
function keepStatements(client: pg.PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = new Set<string>();
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const query = typeof config === "string" ? { text: config } : (config as pg.QueryConfig | null);
    if (
      query !== null &&
      typeof query === "object" &&
      typeof query.text === "string" &&
      !query.name &&
      Array.isArray(values) &&
      values.length > 0
    ) {
      const name = statementName(query.text);
      if (named.has(name) || named.size < PREPARED_PER_CONNECTION) {
        named.add(name);
        return send({ ...query, name }, values, callback);
      }
    }
    return send(config, values, callback);
  };
}

/**
 * One connection outside any pool, for LISTEN (lib/data/connection.ts listenTo): it stays open as
 * long as the process listens, so taking it from the pool would leave requests one connection
 * fewer, and the pool's queue could wait on it.
 */
export function openListener(url: string): pg.Client {
  const client = new pg.Client({
    connectionString: url,
    application_name: "claim-desk-listen",
    connectionTimeoutMillis: 30_000,
    keepAlive: true,
  });
  client.on("error", (error) => console.error("PostgreSQL: the listening connection failed.", error.message));
  return client;
}

/**
 * Applies pending migrations (db/migrations-pg) under an advisory lock, so that several app
 * processes starting at once on one database apply each migration once.
 */
export async function migratePostgres(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** True when the database answers. */
export async function pingPostgres(db: PgDb): Promise<boolean> {
  const result = await db.execute(sql`SELECT 1 AS ok`);
  return result.rows[0]?.ok === 1;
}
