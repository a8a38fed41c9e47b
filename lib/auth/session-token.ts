// What the session token carries and how it is checked on every request. Kept apart from the
// next-auth configuration so that tests can run the same checks on a session of their choosing.
import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { getSessionAccount } from "@/lib/data/users";
import type { SessionUser } from "./session";

/**
 * Re-reads the account behind a token: null when it is gone, deactivated, or its sessions were
 * ended (session version moved on). Role, name and language are refreshed, so changes apply at once.
 */
export async function refreshSessionToken(token: JWT): Promise<JWT | null> {
  if (typeof token.uid !== "number" || typeof token.sv !== "number") return null;
  const account = await getSessionAccount({ id: token.uid, sessionVersion: token.sv });
  if (!account) return null;
  token.role = account.role;
  token.name = account.name;
  token.email = account.email;
  token.locale = account.locale;
  return token;
}

export function sessionUserFromToken(token: JWT): SessionUser | null {
  if (typeof token.uid !== "number" || !token.role) return null;
  return {
    id: token.uid,
    email: token.email ?? "",
    name: token.name ?? "",
    role: token.role,
    locale: token.locale ?? null,
  };
}

/** next-auth's session cookie: with the __Secure- prefix behind https (see wantsSecureCookies). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/** The session token among a request's cookies; next-auth splits a large one into name.0, name.1, … */
export function sessionTokenOf(cookies: { name: string; value: string }[], name: string): string | undefined {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

const DECRYPTED_LIMIT = 1000;
const decryptedTokens = new Map<string, JWT>();
let decryptedWith = "";

/**
 * A session cookie's token, decrypted: next-auth's decode, which derives the key from the secret
 * (HKDF) and hashes it (the key id) on every call before decrypting: two thirds of a page's session
 * cost. The browser sends the same cookie on every request, so the token of a cookie already
 * decrypted is kept (the latest thousand, keyed by the whole cookie value and its name), and its
 * expiry is checked again on every use. A cookie that was never decrypted with this secret, or was
 * altered by one character, is decrypted (and refused) afresh.
 */
async function decrypted(value: string, secret: string, salt: string): Promise<JWT | null> {
  if (decryptedWith !== secret) {
    decryptedTokens.clear();
    decryptedWith = secret;
  }
  const key = `${salt}\u0000${value}`;
  let token = decryptedTokens.get(key) ?? null;
  if (!token) {
    try {
      token = await decode({ token: value, secret, salt });
    } catch {
      return null;
    }
    if (!token) return null;
    if (decryptedTokens.size >= DECRYPTED_LIMIT) decryptedTokens.delete(decryptedTokens.keys().next().value!);
    decryptedTokens.set(key, token);
  }
  // jose checked the expiry when it decrypted; a kept token is checked here, without tolerance.
  if (typeof token.exp !== "number" || token.exp * 1000 <= Date.now()) {
    decryptedTokens.delete(key);
    return null;
  }
  return token;
}

/**
 * The signed-in account of a request's session cookie, checked as next-auth checks it: decrypted
 * with the secret (a token that was altered, or encrypted with another secret, fails), refused once
 * expired, then the same account checks as the jwt callback (refreshSessionToken). What next-auth's
 * session action answers, without what it does around it: a CSRF token, a re-encrypted cookie that
 * a page cannot set anyway, a Response to parse.
 */
export async function readSessionCookie({
  cookies,
  secure,
  secret,
}: {
  cookies: { name: string; value: string }[];
  secure: boolean;
  secret: string;
}): Promise<{ user: SessionUser; expires: string } | null> {
  const name = sessionCookieName(secure);
  const value = sessionTokenOf(cookies, name);
  if (!value) return null;
  const token = await decrypted(value, secret, name);
  if (!token) return null;
  const refreshed = await refreshSessionToken({ ...token });
  const user = refreshed ? sessionUserFromToken(refreshed) : null;
  if (!user) return null;
  const exp = typeof token.exp === "number" ? token.exp : Math.floor(Date.now() / 1000);
  return { user, expires: new Date(exp * 1000).toISOString() };
}
