// The next-auth route itself (POST /api/auth/callback/credentials), which a script can call without
// the sign-in form: session cookie flags, and the same throttling as the form.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { makeUser } from "@/test/data-helpers";
import { getUserById } from "@/lib/data/users";
import { handlers } from "./config";

vi.mock("next/headers", async () => (await import("@/test/security/harness")).nextHeadersMock);

const ORIGIN = "http://127.0.0.1:3000";

async function signInThroughRoute(email: string, password: string, headers: Record<string, string>) {
  const base = { host: "127.0.0.1:3000", ...headers };
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: base }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...base, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/articles" }).toString(),
    }),
  );
}

function sessionCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c));
}

describe("the credentials route", () => {
  it("sets an httpOnly, SameSite=Lax session cookie, not Secure over plain http", async () => {
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    const response = await signInThroughRoute(email, "password-123", { "x-forwarded-for": "192.0.2.50" });
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("makes the cookie Secure (and __Secure-) behind a proxy that says https", async () => {
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    const response = await signInThroughRoute(email, "password-123", {
      "x-forwarded-proto": "https",
      "x-forwarded-for": "192.0.2.51",
    });
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });

  it("is throttled like the sign-in form: no session after five failures, even with the password", async () => {
    const user = await makeUser("editor");
    const { email } = (await getUserById({ id: user.id }))!;
    for (let i = 0; i < 5; i++) {
      const failed = await signInThroughRoute(email, `guess-${i}`, {
        "x-forwarded-for": `192.0.2.${60 + i}`,
      });
      expect(failed.headers.get("location")).toContain("code=invalid_credentials");
    }
    const refused = await signInThroughRoute(email, "password-123", { "x-forwarded-for": "192.0.2.70" });
    expect(refused.headers.get("location")).toContain("code=throttled");
    expect(sessionCookie(refused)).toBeUndefined();
  });
});
