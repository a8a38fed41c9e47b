import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/lib/data/tables";
import { getDb } from "@/lib/data/connection";
import { makeUser } from "@/test/data-helpers";
import { refreshSessionToken, sessionUserFromToken } from "./session-token";

describe("refreshSessionToken", () => {
  it("refreshes role, name and language from the account on every request", async () => {
    const user = await makeUser("editor", "Ana");
    await getDb().update(users).set({ role: "reviewer", locale: "fr" }).where(eq(users.id, user.id));
    const token = await refreshSessionToken({ uid: user.id, sv: 1, role: "editor" });
    expect(sessionUserFromToken(token!)).toMatchObject({
      id: user.id,
      role: "reviewer",
      name: "Ana",
      locale: "fr",
    });
  });

  it("ends the session of a deactivated account, whatever version it carries", async () => {
    const user = await makeUser("admin");
    await getDb().update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await refreshSessionToken({ uid: user.id, sv: 1 })).toBeNull();
  });

  it("ends a session issued before the account's sessions were ended", async () => {
    const user = await makeUser("editor");
    await getDb()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(await refreshSessionToken({ uid: user.id, sv: 1 })).toBeNull();
    expect(await refreshSessionToken({ uid: user.id, sv: 2 })).not.toBeNull();
  });

  it("refuses a token without an account id or version, or for an account that does not exist", async () => {
    expect(await refreshSessionToken({})).toBeNull();
    expect(await refreshSessionToken({ uid: 1 })).toBeNull();
    expect(await refreshSessionToken({ uid: 999_999, sv: 1 })).toBeNull();
  });
});
