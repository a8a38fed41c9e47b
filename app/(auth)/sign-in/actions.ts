"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { clientAddress } from "@/lib/auth/request";
import { getSignInRetryAt } from "@/lib/data/sign-in-attempts";
import { signInSchema } from "@/lib/validation/auth";

export type SignInResult =
  | { ok: false; code: "invalid"; message: string }
  | { ok: false; code: "throttled"; message: string; retryAt: string }
  | { ok: false; code: "failed"; message: string };

const INVALID: SignInResult = { ok: false, code: "invalid", message: "The email or password is incorrect." };
const FAILED: SignInResult = {
  ok: false,
  code: "failed",
  message: "Sign-in failed on our side. Try again in a moment.",
};

/**
 * Signs in with email and password. Throttling and the password check live in the provider's
 * authorize (lib/auth/config.ts), which every way in goes through; this action only tells the
 * form when a throttled caller may try again.
 */
export async function signInAction(raw: unknown, callbackUrl: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return INVALID;
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const address = clientAddress(await headers());
      const retryAt = (await getSignInRetryAt({ email: parsed.data.email, address })) ?? new Date();
      return {
        ok: false,
        code: "throttled",
        message: `Too many attempts. Try again after ${retryAt.toISOString()}.`,
        retryAt: retryAt.toISOString(),
      };
    }
    if (error instanceof AuthError) return error.type === "CredentialsSignin" ? INVALID : FAILED;
    throw error;
  }
  return FAILED;
}
