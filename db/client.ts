import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query afresh, and preparing (parsing and planning the SQL) costs tens of
 * microseconds: a third of an approval's database time. The same few hundred SQL texts come back on
 * every request, so their prepared statements are kept (least recently used dropped first). A
 * statement still being iterated is never handed out twice.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      // drizzle switches a statement to raw rows for some calls; start every use from the defaults.
      if (cached.reader) cached.pluck(false).expand(false).raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Applies pending migrations. Foreign keys are switched off around migrate(), outside any
 * transaction, because a table rebuild inside the migrator's transaction would otherwise
 * cascade deletes into child tables; the check afterwards refuses a migration that broke them.
 */
export function migrateDatabase(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken foreign keys`);
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
