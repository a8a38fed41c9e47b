import "server-only";
import NextAuth, { AuthError, CredentialsSignin, type DefaultSession } from "next-auth";
import "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { beginSignInAttempt, finishSignInAttempt } from "@/lib/data/sign-in-attempts";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/review/model";
import { signInSchema } from "@/lib/validation/auth";
import { getDecoyHash, verifyPassword } from "./password";
import { clientAddress, wantsSecureCookies } from "./request";
import { ensureAuthSecret } from "./secret";
import { refreshSessionToken, sessionUserFromToken } from "./session-token";

declare module "next-auth" {
  interface Session {
    user: { uid: number; role: Role; locale: "en" | "fr" | null } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: Role;
    sv?: number;
    locale?: "en" | "fr" | null;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many failed attempts for this account or from this address (lib/data/sign-in-attempts.ts). */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

/** The request's headers inside a server component or action; none outside a request (scripts, tests). */
async function currentHeaders(): Promise<Headers | undefined> {
  try {
    const { headers } = await import("next/headers");
    return new Headers(await headers());
  } catch {
    return undefined;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  secret: ensureAuthSecret(),
  trustHost: true,
  // httpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix) behind https.
  useSecureCookies: wantsSecureCookies({
    authUrl: getEnv().AUTH_URL,
    headers: request?.headers ?? (await currentHeaders()),
    url: request?.url,
  }),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  logger: {
    // A wrong password, a throttled attempt or a post without the CSRF token is routine: one line.
    error(error) {
      if (error instanceof CredentialsSignin) console.warn(`[auth] sign-in refused (${error.code})`);
      else if (error instanceof AuthError && error.type === "MissingCSRF")
        console.warn("[auth] request without CSRF token refused");
      else console.error(error);
    },
  },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, req) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const gate = await beginSignInAttempt({ email, address: clientAddress(req.headers) });
        if (!gate.ok) throw new SignInThrottled();
        const user = await getUserCredentialsByEmail({ email });
        // Verify against a decoy hash for unknown accounts: same message, same time.
        const valid = await verifyPassword(password, user?.passwordHash ?? (await getDecoyHash()));
        const success = Boolean(user && valid && user.active);
        await finishSignInAttempt({ email, success });
        if (!user || !success) throw new InvalidCredentials();
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
      }
      // Re-read the account on every request: a deactivation or role change takes effect at once.
      return refreshSessionToken(token);
    },
    session({ session, token }) {
      const user = sessionUserFromToken(token);
      if (user) {
        session.user = {
          ...session.user,
          uid: user.id,
          role: user.role,
          name: user.name,
          email: user.email,
          locale: user.locale,
        };
      }
      return session;
    },
  },
}));
