import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { signInAttempts } from "@/lib/data/tables";
import { countRows, getDb, withTransaction, type Tx } from "./connection";
import { normaliseEmail } from "./users";

/** At most 5 failed attempts per account and 20 per address in any 15 minutes. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 } as const;

export type SignInGate = { ok: true; attemptId: number } | { ok: false; retryAt: Date };

/**
 * When the oldest of the last `limit` attempts leaves the window, or null while under the limit.
 * Attempts are counted whether or not the account exists, so the answer says nothing about it.
 */
async function blockedUntil(
  tx: Tx,
  column: typeof signInAttempts.email | typeof signInAttempts.address,
  key: string,
  limit: number,
  since: Date,
): Promise<Date | null> {
  const recent = await tx
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(column, key), gte(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(limit);
  if (recent.length < limit) return null;
  const oldest = recent[recent.length - 1]!.at;
  return new Date(oldest.getTime() + SIGN_IN_LIMITS.windowMs);
}

async function retryAt(tx: Tx, email: string, address: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs + 1);
  const byAccount = await blockedUntil(tx, signInAttempts.email, email, SIGN_IN_LIMITS.perAccount, since);
  const byAddress = await blockedUntil(tx, signInAttempts.address, address, SIGN_IN_LIMITS.perAddress, since);
  if (!byAccount && !byAddress) return null;
  return new Date(Math.max(byAccount?.getTime() ?? 0, byAddress?.getTime() ?? 0));
}

/**
 * Admits a sign-in attempt or refuses it. An admitted attempt is recorded before the password is
 * checked and counts as a failure until finishSignInAttempt says it succeeded, so parallel guesses
 * cannot slip past the limit. Refused attempts are not recorded: they check no password.
 */
export async function beginSignInAttempt({
  email,
  address,
  now = new Date(),
}: {
  email: string;
  address: string;
  now?: Date;
}): Promise<SignInGate> {
  const key = normaliseEmail(email);
  return withTransaction(async (tx) => {
    await tx
      .delete(signInAttempts)
      .where(lt(signInAttempts.at, new Date(now.getTime() - SIGN_IN_LIMITS.windowMs)));
    const until = await retryAt(tx, key, address, now);
    if (until) return { ok: false as const, retryAt: until };
    const [row] = await tx
      .insert(signInAttempts)
      .values({ email: key, address, at: now })
      .returning({ id: signInAttempts.id });
    return { ok: true as const, attemptId: row!.id };
  });
}

/** A successful sign-in forgives the account's failed attempts; a failed one stays counted. */
export async function finishSignInAttempt({
  email,
  success,
}: {
  email: string;
  success: boolean;
}): Promise<void> {
  if (!success) return;
  await withTransaction((tx) =>
    tx.delete(signInAttempts).where(eq(signInAttempts.email, normaliseEmail(email))),
  );
}

/** When the next attempt for this email from this address will be admitted, or null if now. */
export async function getSignInRetryAt({
  email,
  address,
  now = new Date(),
}: {
  email: string;
  address: string;
  now?: Date;
}): Promise<Date | null> {
  return retryAt(getDb(), normaliseEmail(email), address, now);
}

export async function countSignInAttempts({ email }: { email: string }): Promise<number> {
  return countRows(getDb(), signInAttempts, eq(signInAttempts.email, normaliseEmail(email)));
}
