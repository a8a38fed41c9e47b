import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminAudit, users } from "@/lib/data/tables";
import { verifyPassword } from "@/lib/auth/password";
import {
  changeAccountRole,
  changeOwnPassword,
  createAccount,
  listAccounts,
  listAdminAudit,
  resetAccountPassword,
  setAccountActive,
} from "./accounts";
import { getDb } from "./connection";
import { countSignInAttempts } from "./sign-in-attempts";
import { makeUser, rawSql, refusal } from "@/test/data-helpers";
import { getSessionAccount, getUserCredentialsByEmail } from "./users";

async function row(id: number) {
  return (await getDb().select().from(users).where(eq(users.id, id)).limit(1))[0]!;
}

async function auditCount() {
  return (await getDb().select().from(adminAudit)).length;
}

describe("account administration", () => {
  it("creates an account with a generated password that signs in, and records it", async () => {
    const admin = await makeUser("admin", "Chloé");
    const { account, password } = await createAccount({
      actor: admin,
      input: { email: "  Nina@Desk.Test ", name: " Nina Petrova ", role: "reviewer" },
    });
    expect(account).toMatchObject({
      email: "nina@desk.test",
      name: "Nina Petrova",
      role: "reviewer",
      active: true,
    });
    expect(password.length).toBeGreaterThanOrEqual(16);
    const stored = await getUserCredentialsByEmail({ email: "nina@desk.test" });
    expect(stored?.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, stored!.passwordHash)).toBe(true);
    const [entry] = await listAdminAudit({ actor: admin, limit: 1 });
    expect(entry).toMatchObject({
      action: "account.created",
      actor: { name: "Chloé" },
      target: { name: "Nina Petrova" },
      before: null,
      after: { email: "nina@desk.test", name: "Nina Petrova", role: "reviewer" },
    });
  });

  it("refuses a duplicate email and writes nothing", async () => {
    const admin = await makeUser("admin");
    await createAccount({ actor: admin, input: { email: "dup@desk.test", name: "One", role: "editor" } });
    const before = await auditCount();
    const error = await refusal(
      createAccount({ actor: admin, input: { email: "DUP@desk.test", name: "Two", role: "editor" } }),
    );
    expect(error).toMatchObject({ code: "conflict", fieldErrors: { email: ["emailTaken"] } });
    expect(await auditCount()).toBe(before);
  });

  it("refuses every change from an editor or a reviewer", async () => {
    const target = await makeUser("editor");
    for (const role of ["editor", "reviewer"] as const) {
      const actor = await makeUser(role);
      const before = await auditCount();
      for (const attempt of [
        listAccounts({ actor }),
        createAccount({ actor, input: { email: `x-${role}@desk.test`, name: "X", role: "admin" } }),
        changeAccountRole({ actor, input: { id: target.id, role: "admin" } }),
        setAccountActive({ actor, input: { id: target.id, active: false } }),
        resetAccountPassword({ actor, input: { id: target.id } }),
        listAdminAudit({ actor }),
      ]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
      expect(await row(target.id)).toMatchObject({ role: "editor", active: true, sessionVersion: 1 });
      expect(await auditCount()).toBe(before);
    }
  });

  it("changes a role and records before and after", async () => {
    const admin = await makeUser("admin", "Chloé");
    const editor = await makeUser("editor", "Ana");
    const updated = await changeAccountRole({ actor: admin, input: { id: editor.id, role: "reviewer" } });
    expect(updated.role).toBe("reviewer");
    const [entry] = await listAdminAudit({ actor: admin, limit: 1 });
    expect(entry).toMatchObject({
      action: "account.role_changed",
      target: { id: editor.id },
      before: { role: "editor" },
      after: { role: "reviewer" },
    });
  });

  it("deactivates an account: its sessions end at once and it cannot come back with an old session", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const sessionVersion = (await row(editor.id)).sessionVersion;
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toBeDefined();
    await setAccountActive({ actor: admin, input: { id: editor.id, active: false } });
    expect((await row(editor.id)).active).toBe(false);
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toBeUndefined();
    await setAccountActive({ actor: admin, input: { id: editor.id, active: true } });
    // Reactivated, the account signs in anew; the session from before stays dead.
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toBeUndefined();
    expect(
      await getSessionAccount({ id: editor.id, sessionVersion: (await row(editor.id)).sessionVersion }),
    ).toBeDefined();
    const actions = (await listAdminAudit({ actor: admin, limit: 2 })).map((e) => e.action);
    expect(actions).toEqual(["account.reactivated", "account.deactivated"]);
  });

  it("sees a change to the account at the next read, though it keeps the account between writes", async () => {
    const editor = await makeUser("editor");
    const sessionVersion = (await row(editor.id)).sessionVersion;
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toMatchObject({ role: "editor" });
    // Read again with nothing written: the same answer (from the read cache).
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toMatchObject({ role: "editor" });
    // Written by a plain statement, not through the account functions: the change stamp still moves.
    await getDb().update(users).set({ role: "reviewer" }).where(eq(users.id, editor.id));
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toMatchObject({ role: "reviewer" });
    await getDb()
      .update(users)
      .set({ sessionVersion: sessionVersion + 1 })
      .where(eq(users.id, editor.id));
    expect(await getSessionAccount({ id: editor.id, sessionVersion })).toBeUndefined();
    expect(await getSessionAccount({ id: editor.id, sessionVersion: sessionVersion + 1 })).toBeDefined();
    // The cached account leaves the password's hash out.
    expect(await getSessionAccount({ id: editor.id, sessionVersion: sessionVersion + 1 })).not.toHaveProperty(
      "passwordHash",
    );
  });

  it("never leaves the workspace without an active admin", async () => {
    await getDb().update(users).set({ active: false }).where(eq(users.role, "admin"));
    const last = await makeUser("admin", "Last");
    const before = await auditCount();
    const demote = await refusal(changeAccountRole({ actor: last, input: { id: last.id, role: "editor" } }));
    expect(demote).toMatchObject({ code: "conflict", details: { reason: "last_admin" } });
    const self = await refusal(setAccountActive({ actor: last, input: { id: last.id, active: false } }));
    expect(self).toMatchObject({ code: "conflict", details: { reason: "self_deactivation" } });
    expect(await row(last.id)).toMatchObject({ role: "admin", active: true });
    expect(await auditCount()).toBe(before);

    const second = await makeUser("admin", "Second");
    await changeAccountRole({ actor: second, input: { id: last.id, role: "editor" } });
    const demoted = { ...last, role: "editor" as const };
    const lastStanding = await refusal(
      setAccountActive({ actor: demoted, input: { id: second.id, active: false } }),
    );
    expect(lastStanding.code).toBe("forbidden");
    const demoteSecond = await refusal(
      changeAccountRole({ actor: second, input: { id: second.id, role: "reviewer" } }),
    );
    expect(demoteSecond.details).toEqual({ reason: "last_admin" });
  });

  it("resets a password: a new one that works, the old one does not, sessions end", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const { password } = await resetAccountPassword({ actor: admin, input: { id: editor.id } });
    const stored = await row(editor.id);
    expect(stored.sessionVersion).toBe(2);
    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);
    expect(await verifyPassword("password-123", stored.passwordHash)).toBe(false);
    const [entry] = await listAdminAudit({ actor: admin, limit: 1 });
    expect(entry).toMatchObject({
      action: "account.password_reset",
      before: null,
      after: { sessionsEnded: true },
    });
    expect(JSON.stringify(entry)).not.toContain(password);
    const self = await refusal(resetAccountPassword({ actor: admin, input: { id: admin.id } }));
    expect(self.details).toEqual({ reason: "self_reset" });
  });

  it("lets a user change their own password only with the current one", async () => {
    const editor = await makeUser("editor");
    const email = (await row(editor.id)).email;
    const wrong = await refusal(
      changeOwnPassword({
        actor: editor,
        address: "10.9.0.1",
        input: {
          currentPassword: "not-it",
          newPassword: "a-new-password",
          confirmPassword: "a-new-password",
        },
      }),
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["currentPasswordWrong"] });
    expect(await countSignInAttempts({ email })).toBe(1);
    expect((await row(editor.id)).sessionVersion).toBe(1);

    await changeOwnPassword({
      actor: editor,
      address: "10.9.0.1",
      input: {
        currentPassword: "password-123",
        newPassword: "a-new-password",
        confirmPassword: "a-new-password",
      },
    });
    expect(await verifyPassword("a-new-password", (await row(editor.id)).passwordHash)).toBe(true);
    expect((await row(editor.id)).sessionVersion).toBe(2);
    expect(await countSignInAttempts({ email })).toBe(0);
  });

  it("refuses guessing the current password past the sign-in limit", async () => {
    const editor = await makeUser("editor");
    const input = {
      currentPassword: "guess",
      newPassword: "a-new-password",
      confirmPassword: "a-new-password",
    };
    for (let i = 0; i < 5; i++) {
      expect((await refusal(changeOwnPassword({ actor: editor, address: "10.9.1.1", input }))).code).toBe(
        "invalid_input",
      );
    }
    const throttled = await refusal(
      changeOwnPassword({
        actor: editor,
        address: "10.9.1.1",
        input: { ...input, currentPassword: "password-123" },
      }),
    );
    expect(throttled.code).toBe("rate_limited");
    expect(typeof throttled.details?.retryAt).toBe("string");
  });
});

describe("admin_audit", () => {
  it("refuses UPDATE and DELETE", async () => {
    const admin = await makeUser("admin");
    await createAccount({ actor: admin, input: { email: "audit@desk.test", name: "Audit", role: "editor" } });
    await expect(rawSql(sql`UPDATE admin_audit SET action = 'account.created'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(rawSql(sql`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);
  });
});
