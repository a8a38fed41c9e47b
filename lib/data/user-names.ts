import "server-only";
import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Tx } from "./connection";

/** Display names for a set of account ids, in one query. */
export function userNames(tx: Tx, ids: (number | null)[]): Map<number, string> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}
