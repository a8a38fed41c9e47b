import { afterEach, describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { countSignInAttempts } from "@/lib/data/sign-in-attempts";
import { makeUser } from "@/test/data-helpers";
import { getUserById } from "@/lib/data/users";
import { requestHeaders } from "@/test/security/harness";
import { signInAction } from "./actions";

vi.mock("next/headers", async () => (await import("@/test/security/harness")).nextHeadersMock);
vi.mock("@/lib/auth/password", async (original) => {
  const actual = await original<typeof import("@/lib/auth/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

let address = 0;
/** Each test signs in from its own address, so that the per-address limit of one does not reach the next. */
function fromNewAddress() {
  requestHeaders.set("x-forwarded-for", `198.51.100.${++address}, 10.0.0.1`);
}

async function outcome(email: string, secret: string) {
  try {
    return await signInAction({ email, password: secret }, "/articles");
  } catch (error) {
    // Next's redirect: "NEXT_REDIRECT;replace;<url>;307;".
    const url = (error as { digest?: string }).digest?.split(";")[2] ?? "";
    return { redirect: new URL(url, "http://127.0.0.1:3000").pathname };
  }
}

afterEach(() => vi.mocked(password.verifyPassword).mockClear());

describe("signInAction", () => {
  it("signs in with the right password and redirects to the page asked for", async () => {
    fromNewAddress();
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    expect(await outcome(email, "password-123")).toEqual({ redirect: "/articles" });
  });

  it("answers an unknown email and a wrong password alike, after the same password check", async () => {
    fromNewAddress();
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    const wrong = await outcome(email, "not-the-password");
    const unknown = await outcome("nobody@desk.test", "not-the-password");
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({ ok: false, code: "invalid", message: "The email or password is incorrect." });
    const hashes = vi
      .mocked(password.verifyPassword)
      .mock.calls.map(([, hash]) => hash.split("$").slice(0, 4).join("$"));
    expect(hashes).toEqual(["scrypt$32768$8$1", "scrypt$32768$8$1"]);
  });

  it("refuses the sixth attempt for an account, even with the right password, and says when to retry", async () => {
    fromNewAddress();
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    for (let i = 0; i < 5; i++) expect(await outcome(email, `guess-${i}`)).toMatchObject({ code: "invalid" });
    fromNewAddress();
    const throttled = await outcome(email, "password-123");
    expect(throttled).toMatchObject({ ok: false, code: "throttled" });
    const retryAt = new Date((throttled as { retryAt: string }).retryAt).getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    expect(password.verifyPassword).toHaveBeenCalledTimes(5);
  });

  it("refuses a deactivated account with the same answer as a wrong password", async () => {
    fromNewAddress();
    const { getDb } = await import("@/lib/data/connection");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const user = await makeUser("admin");
    await getDb().update(users).set({ active: false }).where(eq(users.id, user.id));
    const { email } = (await getUserById({ id: user.id }))!;
    expect(await outcome(email, "password-123")).toEqual({
      ok: false,
      code: "invalid",
      message: "The email or password is incorrect.",
    });
    expect(await countSignInAttempts({ email })).toBe(1);
  });

  it("forgives earlier failures once the account signs in", async () => {
    fromNewAddress();
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    for (let i = 0; i < 4; i++) await outcome(email, "wrong");
    expect(await outcome(email, "password-123")).toEqual({ redirect: "/articles" });
    expect(await countSignInAttempts({ email })).toBe(0);
  });
});
