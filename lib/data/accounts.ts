// Account administration: every change is checked against the actor's role and the last-admin
// rule inside one IMMEDIATE transaction, and recorded in the append-only admin_audit table.
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { adminAudit, users, type AdminAuditAction, type User } from "@/lib/data/tables";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/review";
import type { Role } from "@/lib/review/model";
import {
  accountRefSchema,
  changeOwnPasswordSchema,
  changeRoleSchema,
  createAccountSchema,
  newPasswordSchema,
  setAccountActiveSchema,
  type ChangeOwnPasswordInput,
  type ChangeRoleInput,
  type CreateAccountInput,
  type SetAccountActiveInput,
} from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";
import { countRows, getDb, withTransaction, type Tx } from "./connection";
import { caseless } from "./dialect";
import { beginSignInAttempt, finishSignInAttempt } from "./sign-in-attempts";
import { normaliseEmail, type PublicUser } from "./users";

export type AccountView = PublicUser;

export type AuditView = {
  id: number;
  action: AdminAuditAction;
  actor: { id: number; name: string };
  target: { id: number; name: string; email: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
};

function toView(user: User): AccountView {
  const { id, email, name, role, locale, active, createdAt } = user;
  return { id, email, name, role, locale, active, createdAt };
}

function requireAdmin(actor: Actor): void {
  if (!hasPermission(actor.role, "account.manage"))
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
}

async function loadAccount(tx: Tx, id: number): Promise<User> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) {
    throw new AppError("not_found", "This account does not exist.", {
      details: { reason: "account_not_found" },
    });
  }
  return row;
}

async function audit(
  tx: Tx,
  entry: {
    actorId: number;
    action: AdminAuditAction;
    targetUserId: number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.insert(adminAudit).values({
    actorId: entry.actorId,
    action: entry.action,
    targetUserId: entry.targetUserId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: new Date(),
  });
}

/** Refuses a change that would leave the workspace without an active admin. */
async function keepAnAdmin(tx: Tx, target: User, next: { role: Role; active: boolean }): Promise<void> {
  const losesAdmin = target.role === "admin" && target.active && (next.role !== "admin" || !next.active);
  if (!losesAdmin) return;
  const activeAdmins = await countRows(tx, users, and(eq(users.role, "admin"), eq(users.active, true)));
  if (activeAdmins <= 1) {
    throw new AppError("conflict", "This is the last active admin. Make another account admin first.", {
      details: { reason: "last_admin" },
    });
  }
}

export async function listAccounts({ actor }: { actor: Actor }): Promise<AccountView[]> {
  requireAdmin(actor);
  const rows = await getDb().select().from(users).orderBy(desc(users.active), caseless(users.name), users.id);
  return rows.map(toView);
}

/**
 * The one way an account is made, for the admin page and the console alike: validated, its email
 * checked free, and recorded in admin_audit in the same transaction. `actorId` null: the account
 * is recorded as its own creator (made at the server's console, where nobody is signed in).
 */
async function insertAccount(
  input: CreateAccountInput,
  password: string,
  actorId: number | null,
): Promise<AccountView> {
  const data = parseInput(createAccountSchema, input);
  const email = normaliseEmail(data.email);
  const emailTaken = async (tx: Tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (existing) {
      throw new AppError("conflict", `An account with the email ${email} already exists.`, {
        fieldErrors: { email: ["emailTaken"] },
        details: { reason: "email_taken", email },
      });
    }
  };
  // Checked before the (slow) hash, and again inside the transaction for a concurrent creation.
  await emailTaken(getDb());
  const passwordHash = await hashPassword(password);
  return withTransaction(async (tx) => {
    await emailTaken(tx);
    const [row] = await tx
      .insert(users)
      .values({ email, name: data.name, role: data.role, passwordHash })
      .returning();
    if (!row) throw new Error("The account was not saved.");
    await audit(tx, {
      actorId: actorId ?? row.id,
      action: "account.created",
      targetUserId: row.id,
      after: {
        email: row.email,
        name: row.name,
        role: row.role,
        ...(actorId === null ? { via: "console" } : {}),
      },
    });
    return toView(row);
  });
}

/** Creates an account with a generated password, returned once and never stored in plain. */
export async function createAccount({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateAccountInput;
}): Promise<{ account: AccountView; password: string }> {
  requireAdmin(actor);
  // Validated before a password is generated and hashed for nothing.
  parseInput(createAccountSchema, input);
  const password = generatePassword();
  const account = await insertAccount(input, password, actor.id);
  return { account, password };
}

/**
 * Creates an account from the server's console (npm run user -- add), where whoever runs the
 * command administers the desk: the admin page's checks and audit row, no session. The password is
 * the one given (checked like a new password) or a generated one, returned once.
 */
export async function createAccountAtConsole({
  input,
}: {
  input: CreateAccountInput & { password?: string };
}): Promise<{ account: AccountView; password: string }> {
  const { password: given, ...account } = input;
  parseInput(createAccountSchema, account);
  const password = given === undefined ? generatePassword() : parseInput(newPasswordSchema, given);
  return { account: await insertAccount(account, password, null), password };
}

/** A role change applies at once: sessions and tokens read the role on every request. */
export async function changeAccountRole({
  actor,
  input,
}: {
  actor: Actor;
  input: ChangeRoleInput;
}): Promise<AccountView> {
  requireAdmin(actor);
  const data = parseInput(changeRoleSchema, input);
  return withTransaction(async (tx) => {
    const target = await loadAccount(tx, data.id);
    if (target.role === data.role) return toView(target);
    await keepAnAdmin(tx, target, { role: data.role, active: target.active });
    const [row] = await tx.update(users).set({ role: data.role }).where(eq(users.id, target.id)).returning();
    await audit(tx, {
      actorId: actor.id,
      action: "account.role_changed",
      targetUserId: target.id,
      before: { role: target.role },
      after: { role: data.role },
    });
    return toView(row!);
  });
}

/**
 * Deactivation ends the account's sessions at once (its session version moves on) and stops its
 * API tokens (they are refused while the owner is inactive). Nobody deactivates their own account.
 */
export async function setAccountActive({
  actor,
  input,
}: {
  actor: Actor;
  input: SetAccountActiveInput;
}): Promise<AccountView> {
  requireAdmin(actor);
  const data = parseInput(setAccountActiveSchema, input);
  return withTransaction(async (tx) => {
    const target = await loadAccount(tx, data.id);
    if (target.active === data.active) return toView(target);
    if (!data.active && target.id === actor.id) {
      throw new AppError("conflict", "You cannot deactivate your own account.", {
        details: { reason: "self_deactivation" },
      });
    }
    await keepAnAdmin(tx, target, { role: target.role, active: data.active });
    const [row] = await tx
      .update(users)
      .set(
        data.active ? { active: true } : { active: false, sessionVersion: sql`${users.sessionVersion} + 1` },
      )
      .where(eq(users.id, target.id))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      action: data.active ? "account.reactivated" : "account.deactivated",
      targetUserId: target.id,
      before: { active: target.active },
      after: { active: data.active },
    });
    return toView(row!);
  });
}

/** A new generated password, shown once; the account's sessions end. */
export async function resetAccountPassword({
  actor,
  input,
}: {
  actor: Actor;
  input: { id: number };
}): Promise<{ account: AccountView; password: string }> {
  requireAdmin(actor);
  const data = parseInput(accountRefSchema, input);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const account = await withTransaction(async (tx) => {
    const target = await loadAccount(tx, data.id);
    if (target.id === actor.id) {
      throw new AppError("conflict", "Change your own password in your account settings.", {
        details: { reason: "self_reset" },
      });
    }
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      action: "account.password_reset",
      targetUserId: target.id,
      after: { sessionsEnded: true },
    });
    return toView(row!);
  });
  return { account, password };
}

/**
 * Changes the actor's own password after checking the current one. A wrong current password
 * counts as a failed sign-in attempt for the account, so this is no side door for guessing.
 * Other sessions of the account end; the caller signs the current one in again.
 */
export async function changeOwnPassword({
  actor,
  input,
  address,
}: {
  actor: Actor;
  input: ChangeOwnPasswordInput;
  address: string;
}): Promise<{ email: string }> {
  const data = parseInput(changeOwnPasswordSchema, input);
  const [current] = await getDb().select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!current || !current.active) {
    throw new AppError("unauthenticated", "Sign in to continue.", { details: { reason: "sign_in" } });
  }
  const gate = await beginSignInAttempt({ email: current.email, address });
  if (!gate.ok) {
    throw new AppError("rate_limited", "Too many attempts.", {
      details: { reason: "too_many_attempts", retryAt: gate.retryAt.toISOString() },
    });
  }
  const valid = await verifyPassword(data.currentPassword, current.passwordHash);
  if (!valid) {
    throw new AppError("invalid_input", "The current password is incorrect.", {
      fieldErrors: { currentPassword: ["currentPasswordWrong"] },
      details: { reason: "current_password_wrong" },
    });
  }
  await finishSignInAttempt({ email: current.email, success: true });
  const passwordHash = await hashPassword(data.newPassword);
  await withTransaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await audit(tx, {
      actorId: actor.id,
      action: "account.password_changed",
      targetUserId: actor.id,
      after: { sessionsEnded: true },
    });
  });
  return { email: current.email };
}

/** The latest admin actions, newest first, with the names of who did it and to whom. */
export async function listAdminAudit({
  actor,
  limit = 50,
}: {
  actor: Actor;
  limit?: number;
}): Promise<AuditView[]> {
  requireAdmin(actor);
  const db = getDb();
  const rows = await db.select().from(adminAudit).orderBy(desc(adminAudit.id)).limit(limit);
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]))];
  const people = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u]),
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: { id: r.actorId, name: people.get(r.actorId)?.name ?? "?" },
    target: {
      id: r.targetUserId,
      name: people.get(r.targetUserId)?.name ?? "?",
      email: people.get(r.targetUserId)?.email ?? "",
    },
    before: r.before,
    after: r.after,
    at: r.createdAt,
  }));
}
