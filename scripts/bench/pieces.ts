// Pieces of a page's fixed cost measured alone, in the bench's own process, on the run's database:
// what the proxy, the session read and the navigation's queue count cost without the rest of a
// request around them. Microseconds per call, median of several rounds.
import { NextRequest } from "next/server";
import { encode, decode } from "next-auth/jwt";

export type Piece = { name: string; label: string; microseconds: number; calls: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(label: string, name: string, calls: number, fn: () => unknown): Promise<Piece> {
  for (let i = 0; i < Math.min(50, calls); i++) await fn();
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    rounds.push(((performance.now() - t0) * 1000) / calls);
  }
  return { name, label, microseconds: median(rounds), calls: calls * 5 };
}

/** DATABASE_PATH and AUTH_SECRET must point at the run's database and a secret before the call. */
export async function measurePieces(accountId: number, sessionVersion: number): Promise<Piece[]> {
  const { proxy } = await import("@/proxy");
  const { contentSecurityPolicy, createNonce, securityHeaders } = await import("@/lib/security/headers");
  const { readSessionCookie, refreshSessionToken } = await import("@/lib/auth/session-token");
  const { countQueue } = await import("@/lib/data/queue");
  const { getEnv } = await import("@/lib/env");
  const { loadMessages } = await import("@/lib/i18n/messages");

  const secret = process.env.AUTH_SECRET!;
  const salt = "authjs.session-token";
  const token = { uid: accountId, sv: sessionVersion, sub: String(accountId) };
  const cookie = await encode({ token, secret, salt });
  const cookies = [{ name: salt, value: cookie }];
  const headers = {
    cookie: `${salt}=${cookie}`,
    accept: "text/html",
    "user-agent": "bench",
    "accept-language": "en",
  };

  const pieces: Piece[] = [];
  pieces.push(
    await time(
      "proxy(): a signed-in page request (nonce, CSP, headers, cross-site check)",
      "proxy",
      2000,
      () => proxy(new NextRequest("http://127.0.0.1:3000/articles", { headers })),
    ),
    await time("  of which the nonce, the CSP and the security headers", "csp", 5000, () => {
      const nonce = createNonce();
      return [contentSecurityPolicy({ nonce }), securityHeaders()];
    }),
    await time("  of which a NextRequest alone (the framework's)", "next-request", 2000, () => {
      return new NextRequest("http://127.0.0.1:3000/articles", { headers });
    }),
    await time(
      "session before: next-auth decode + re-encode of the cookie (its session action, CSRF token aside)",
      "session-next-auth",
      200,
      async () => encode({ token: (await decode({ token: cookie, secret, salt }))!, secret, salt }),
    ),
    await time(
      "session after: readSessionCookie (cookie kept decrypted + account check)",
      "session-read",
      2000,
      () => readSessionCookie({ cookies, secure: false, secret }),
    ),
    await time(
      "  of which the account check (the jwt callback's, one indexed read)",
      "session-account",
      2000,
      () => refreshSessionToken({ ...token }),
    ),
    await time("queue count in the navigation (kept until the next write)", "queue-count", 2000, () =>
      countQueue(),
    ),
    await time("getEnv() (parsed once, until a variable changes)", "env", 5000, () => getEnv()),
    await time("the message catalog of a locale (kept after the first read)", "messages", 5000, () =>
      loadMessages("fr"),
    ),
  );
  return pieces;
}

/** Sizes of what goes to the client providers: the whole catalog before, the shell's namespaces now. */
export async function catalogBytes(): Promise<{ allBytes: number; shellBytes: number }> {
  const { loadMessages } = await import("@/lib/i18n/messages");
  const all = loadMessages("fr");
  const shell = { nav: all.nav, searchNav: all.searchNav };
  return { allBytes: JSON.stringify(all).length, shellBytes: JSON.stringify(shell).length };
}
