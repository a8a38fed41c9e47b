import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { users } from "@/lib/data/tables";
import { getDb } from "@/lib/data/connection";
import { makeUser } from "@/test/data-helpers";
import { readSessionCookie, refreshSessionToken, sessionUserFromToken } from "./session-token";

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

describe("readSessionCookie", () => {
  const secret = "a-test-secret-of-more-than-thirty-two-characters";
  const NAME = "authjs.session-token";

  async function cookieFor(uid: number, { salt = NAME, key = secret, maxAge = 3600 } = {}) {
    return encode({ token: { uid, sv: 1, sub: String(uid) }, secret: key, salt, maxAge });
  }

  it("answers for the account of a valid cookie, with the account's current role and language", async () => {
    const user = await makeUser("editor", "Léa");
    await getDb().update(users).set({ role: "reviewer", locale: "fr" }).where(eq(users.id, user.id));
    const session = await readSessionCookie({
      cookies: [{ name: NAME, value: await cookieFor(user.id) }],
      secure: false,
      secret,
    });
    expect(session?.user).toEqual({
      id: user.id,
      email: expect.any(String),
      name: "Léa",
      role: "reviewer",
      locale: "fr",
    });
    expect(Date.parse(session!.expires)).toBeGreaterThan(Date.now());
  });

  it("reads a cookie that next-auth split into chunks", async () => {
    const user = await makeUser("reviewer");
    const value = await cookieFor(user.id);
    const cookies = [
      { name: `${NAME}.1`, value: value.slice(40) },
      { name: `${NAME}.0`, value: value.slice(0, 40) },
    ];
    expect((await readSessionCookie({ cookies, secure: false, secret }))?.user.id).toBe(user.id);
  });

  it("refuses a cookie that was altered, encrypted with another secret, expired or under the wrong name", async () => {
    const user = await makeUser("admin");
    const valid = await cookieFor(user.id);
    const read = (name: string, value: string, secure = false) =>
      readSessionCookie({ cookies: [{ name, value }], secure, secret });
    expect(await read(NAME, valid)).not.toBeNull();
    const at = valid.length - 30; // inside the ciphertext or its tag
    const flipped = valid.slice(0, at) + (valid[at] === "A" ? "B" : "A") + valid.slice(at + 1);
    expect(await read(NAME, flipped)).toBeNull();
    expect(
      await read(NAME, await cookieFor(user.id, { key: "another-secret-of-more-than-thirty-two-chars" })),
    ).toBeNull();
    expect(await read(NAME, await cookieFor(user.id, { maxAge: -120 }))).toBeNull();
    // Behind https the cookie must carry the __Secure- prefix (and is encrypted with that name as salt).
    expect(await read(NAME, valid, true)).toBeNull();
    expect(await read(`__Secure-${NAME}`, valid, true)).toBeNull();
    const secureValue = await cookieFor(user.id, { salt: `__Secure-${NAME}` });
    expect((await read(`__Secure-${NAME}`, secureValue, true))?.user.id).toBe(user.id);
    expect(await readSessionCookie({ cookies: [], secure: false, secret })).toBeNull();
  });

  it("refuses a cookie once it expired, after it was read while valid", async () => {
    const user = await makeUser("reviewer");
    const value = await cookieFor(user.id, { maxAge: 60 });
    const read = () => readSessionCookie({ cookies: [{ name: NAME, value }], secure: false, secret });
    expect((await read())?.user.id).toBe(user.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await read()).toBeNull();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses the cookie of a deactivated account or of ended sessions", async () => {
    const user = await makeUser("editor");
    const value = await cookieFor(user.id);
    await getDb()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(await readSessionCookie({ cookies: [{ name: NAME, value }], secure: false, secret })).toBeNull();
    const other = await makeUser("editor");
    const otherValue = await cookieFor(other.id);
    await getDb().update(users).set({ active: false }).where(eq(users.id, other.id));
    expect(
      await readSessionCookie({ cookies: [{ name: NAME, value: otherValue }], secure: false, secret }),
    ).toBeNull();
  });
});
