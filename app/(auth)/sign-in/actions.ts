"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { signInSchema } from "@/lib/validation/auth";

export type SignInResult = { ok: false; code: "invalid" | "failed" };

export async function signInAction(raw: unknown, callbackUrl: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid" };
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, code: error.type === "CredentialsSignin" ? "invalid" : "failed" };
    }
    throw error;
  }
  return { ok: false, code: "failed" };
}
