import "server-only";
import { asc, inArray } from "drizzle-orm";
import { users } from "@/lib/data/tables";
import type { Role } from "@/lib/review/model";
import { cachedUntilWrite, getDb, type Tx } from "./connection";

type DirectoryEntry = { id: number; name: string; role: Role; active: boolean };

/**
 * Every account's id, name, role and whether it is active, by name: kept until the next write
 * (a write to users among others bumps the change stamp). Pages name people on every view (who
 * rated, submitted, approved each claim; the reviewers one can assign; the possible owners) and
 * asked the database each time; a newsroom has at most a few hundred accounts.
 */
async function accountDirectory(): Promise<readonly DirectoryEntry[]> {
  return cachedUntilWrite("users:directory", () =>
    getDb()
      .select({ id: users.id, name: users.name, role: users.role, active: users.active })
      .from(users)
      .orderBy(asc(users.name), asc(users.id)),
  );
}

/**
 * Display names for a set of account ids, in one query at most: from the kept directory outside
 * a transaction, from the transaction itself inside one (it may have renamed someone).
 */
export async function userNames(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  if (tx === getDb()) {
    const wanted = new Set(unique);
    return new Map((await accountDirectory()).filter((a) => wanted.has(a.id)).map((a) => [a.id, a.name]));
  }
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active accounts, by name, that `keep` accepts (copies: callers may change them). */
export async function listActiveAccounts(
  keep: (account: { role: Role }) => boolean = () => true,
): Promise<{ id: number; name: string }[]> {
  return (await accountDirectory())
    .filter((a) => a.active && keep(a))
    .map((a) => ({ id: a.id, name: a.name }));
}
