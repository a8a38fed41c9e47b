import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getSessionAccount, getUserCredentialsByEmail } from "@/lib/data/users";
import type { Role } from "@/lib/review/model";
import { signInSchema } from "@/lib/validation/auth";
import { getDecoyHash, verifyPassword } from "./password";
import { ensureAuthSecret } from "./secret";

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

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: ensureAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await getUserCredentialsByEmail({ email: parsed.data.email });
        // Verify against a decoy hash for unknown accounts: same message, same time.
        const valid = await verifyPassword(
          parsed.data.password,
          user?.passwordHash ?? (await getDecoyHash()),
        );
        if (!user || !valid || !user.active) throw new InvalidCredentials();
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
      if (token.uid === undefined || token.sv === undefined) return null;
      // Re-read the account on every request: a deactivation or role change takes effect at once.
      const account = await getSessionAccount({ id: token.uid, sessionVersion: token.sv });
      if (!account) return null;
      token.role = account.role;
      token.name = account.name;
      token.email = account.email;
      token.locale = account.locale;
      return token;
    },
    session({ session, token }) {
      if (token.uid !== undefined && token.role) {
        session.user = {
          ...session.user,
          uid: token.uid,
          role: token.role,
          name: token.name ?? "",
          email: token.email ?? "",
          locale: token.locale ?? null,
        };
      }
      return session;
    },
  },
}));
