import "server-only";
import { asc, eq } from "drizzle-orm";
import { users, type User } from "@/lib/data/tables";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/review/model";
import { cachedUntilWrite, countRows, getDb, withTransaction } from "./connection";

/** What may leave the server about an account: never the password hash. */
export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "locale" | "active" | "createdAt">;

function toPublic(user: User): PublicUser {
  const { id, email, name, role, locale, active, createdAt } = user;
  return { id, email, name, role, locale, active, createdAt };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale?: "en" | "fr" | null;
}): Promise<PublicUser> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const row = await withTransaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (existing)
      throw new AppError("conflict", `An account with the email ${email} already exists.`, {
        fieldErrors: { email: ["emailTaken"] },
        details: { reason: "email_taken", email },
      });
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        locale: input.locale ?? null,
      })
      .returning();
    return created!;
  });
  return toPublic(row);
}

/** For sign-in only: includes the password hash. */
export async function getUserCredentialsByEmail({ email }: { email: string }): Promise<User | undefined> {
  const [row] = await getDb()
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

export async function getUserById({ id }: { id: number }): Promise<PublicUser | undefined> {
  const [row] = await getDb().select().from(users).where(eq(users.id, id)).limit(1);
  return row ? toPublic(row) : undefined;
}

/** The account behind a session, or undefined when it is gone, deactivated or its sessions were revoked. */
export async function getSessionAccount({
  id,
  sessionVersion,
}: {
  id: number;
  sessionVersion: number;
}): Promise<PublicUser | undefined> {
  // Every request of a signed-in person asks: kept until the next write to the database (any
  // write on SQLite, a write to users among others on PostgreSQL: db/migrations-pg/0003), so a
  // deactivation, a role change or an ended session takes effect with the next request, as before.
  const row = await cachedUntilWrite(`session-account:${id}`, async () => {
    // The columns a session needs (not the password's hash, which stays out of the cache).
    const [found] = await getDb()
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
        active: users.active,
        createdAt: users.createdAt,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    return found ?? null;
  });
  if (!row || !row.active || row.sessionVersion !== sessionVersion) return undefined;
  const { id: uid, email, name, role, locale, active, createdAt } = row;
  return { id: uid, email, name, role, locale, active, createdAt };
}

export async function getSessionVersion({ id }: { id: number }): Promise<number | undefined> {
  const [row] = await getDb()
    .select({ v: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row?.v;
}

export async function listUsers(): Promise<PublicUser[]> {
  return (await getDb().select().from(users).orderBy(asc(users.name))).map(toPublic);
}

export async function countUsers(): Promise<number> {
  return countRows(getDb(), users);
}

export async function setUserLocale({
  id,
  locale,
}: {
  id: number;
  locale: "en" | "fr" | null;
}): Promise<void> {
  await withTransaction((tx) => tx.update(users).set({ locale }).where(eq(users.id, id)));
}
