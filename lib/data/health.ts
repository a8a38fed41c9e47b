import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "./connection";

/** True when the database opens and answers a query. */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    return getDb().get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1;
  } catch (error) {
    console.error("Health check: the database does not answer.", error);
    return false;
  }
}
