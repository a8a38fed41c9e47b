import "server-only";
import { inArray } from "drizzle-orm";
import { users } from "@/lib/data/tables";
import type { Tx } from "./connection";

/** Display names for a set of account ids, in one query. */
export async function userNames(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
