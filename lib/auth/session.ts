import "server-only";
import { cache } from "react";
import { z } from "zod";
import { AppError, toFailure, type ActionResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { hasPermission, type Action } from "@/lib/review";
import type { Role } from "@/lib/review/model";
import { auth } from "./config";

export type SessionUser = { id: number; email: string; name: string; role: Role; locale: "en" | "fr" | null };

/**
 * The signed-in account, read once per request: the layout, the page and the locale all ask, and
 * each read decrypts the session cookie and re-reads the account (React's per-request cache).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user || typeof user.uid !== "number" || !user.role) return null;
  return {
    id: user.uid,
    email: user.email ?? "",
    name: user.name ?? "",
    role: user.role,
    locale: user.locale,
  };
});

/** The one check every action, route handler and page runs: signed in, and allowed this action. */
export function authorise(user: SessionUser | null, permission?: Action): SessionUser {
  if (!user)
    throw new AppError("unauthenticated", "Sign in to continue.", { details: { reason: "sign_in" } });
  if (permission && !hasPermission(user.role, permission)) {
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  }
  return user;
}

export async function requireUser(permission?: Action): Promise<SessionUser> {
  return authorise(await getCurrentUser(), permission);
}

/**
 * The pipeline of every mutating server action: signed in → input parsed → role allowed →
 * the domain function (which checks the loaded record) → a narrow result. No action can skip a step.
 */
export function authedAction<S extends z.ZodType, R>(
  // Without a permission, any signed-in account may run the action (e.g. managing its own API tokens).
  options: { schema: S; permission?: Action },
  fn: (input: z.infer<S>, user: SessionUser) => Promise<R>,
): (raw: unknown) => Promise<ActionResult<R>> {
  return async (raw) => {
    try {
      const user = await requireUser(options.permission);
      const input = parseInput(options.schema, raw);
      return { ok: true, data: await fn(input, user) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
