import "server-only";
import { asc, eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/review/model";
import { countRows, getDb } from "./connection";

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
  const db = getDb();
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing)
    throw new AppError("conflict", `An account with the email ${email} already exists.`, {
      fieldErrors: { email: ["emailTaken"] },
      details: { reason: "email_taken", email },
    });
  const row = db
    .insert(users)
    .values({ email, name: input.name.trim(), role: input.role, passwordHash, locale: input.locale ?? null })
    .returning()
    .get();
  return toPublic(row);
}

/** For sign-in only: includes the password hash. */
export async function getUserCredentialsByEmail({ email }: { email: string }): Promise<User | undefined> {
  return getDb()
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
}

export async function getUserById({ id }: { id: number }): Promise<PublicUser | undefined> {
  const row = getDb().select().from(users).where(eq(users.id, id)).get();
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
  const row = getDb().select().from(users).where(eq(users.id, id)).get();
  if (!row || !row.active || row.sessionVersion !== sessionVersion) return undefined;
  return toPublic(row);
}

export async function getSessionVersion({ id }: { id: number }): Promise<number | undefined> {
  return getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)).get()?.v;
}

export async function listUsers(): Promise<PublicUser[]> {
  return getDb().select().from(users).orderBy(asc(users.name)).all().map(toPublic);
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
  getDb().update(users).set({ locale }).where(eq(users.id, id)).run();
}
