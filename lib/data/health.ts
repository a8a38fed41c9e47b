import "server-only";
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "./connection";

/** True when the database opens and answers a query. */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    const [row] = await queryRows<{ ok: number }>(getDb(), sql`SELECT 1 AS ok`);
    return row?.ok === 1;
  } catch (error) {
    console.error("Health check: the database does not answer.", error);
    return false;
  }
}
