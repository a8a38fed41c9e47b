// What the session token carries and how it is checked on every request. Kept apart from the
// next-auth configuration so that tests can run the same checks on a session of their choosing.
import "server-only";
import type { JWT } from "next-auth/jwt";
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
