import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, ne, or } from "drizzle-orm";
import { apiTokens, users, type ApiToken } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/review";
import type { Role } from "@/lib/review/model";
import { createTokenSchema } from "@/lib/validation/token";
import { parseInput } from "@/lib/validation/parse";
import { countRows, getDb, withTransaction } from "./connection";

/** Active tokens an account may hold at once. */
export const MAX_ACTIVE_TOKENS = 50;

/**
 * last_used_at is written at most once a minute per token: every API call reading the database
 * should not also become a write, and the settings page shows the time to the minute.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_PATTERN = /^cd_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** What may leave the server about a token: never its hash. */
export type TokenView = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  owner: { id: number; name: string; email: string; active: boolean };
};

/** The account a valid token acts for, with its role as it is now. */
export type TokenAccount = { tokenId: number; id: number; name: string; email: string; role: Role };

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new plain token, `cd_<8 hex>_<43 base64url>`: 256 random bits after the public prefix. */
function generateToken(): { token: string; prefix: string } {
  const prefix = `cd_${randomBytes(4).toString("hex")}`;
  return { token: `${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

const tokenColumns = {
  token: apiTokens,
  ownerName: users.name,
  ownerEmail: users.email,
  ownerActive: users.active,
};

function toView(row: {
  token: ApiToken;
  ownerName: string;
  ownerEmail: string;
  ownerActive: boolean;
}): TokenView {
  const { id, name, prefix, createdAt, lastUsedAt, revokedAt, userId } = row.token;
  return {
    id,
    name,
    prefix,
    createdAt,
    lastUsedAt,
    revokedAt,
    owner: { id: userId, name: row.ownerName, email: row.ownerEmail, active: row.ownerActive },
  };
}

/**
 * Creates a named token for `userId` (the actor's own account unless given) and returns the plain
 * token once: only its SHA-256 hash is stored. Another account's token needs token.manage_others.
 */
export async function createToken({
  actor,
  input,
}: {
  actor: Actor;
  input: { name: string; userId?: number };
}): Promise<{ token: string; view: TokenView }> {
  const { name } = parseInput(createTokenSchema, input);
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && !hasPermission(actor.role, "token.manage_others")) {
    throw new AppError("forbidden", "Only an admin can create tokens for another account.", {
      details: { reason: "tokens_for_others" },
    });
  }
  const { token, prefix } = generateToken();
  return withTransaction(async (tx) => {
    const [owner] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!owner) {
      throw new AppError("not_found", "This account does not exist.", {
        details: { reason: "account_not_found" },
      });
    }
    if (!owner.active)
      throw new AppError("forbidden", "This account is deactivated; it cannot hold tokens.", {
        details: { reason: "account_deactivated" },
      });
    const active = await countRows(
      tx,
      apiTokens,
      and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    );
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("invalid_input", `An account can hold at most ${MAX_ACTIVE_TOKENS} active tokens.`, {
        fieldErrors: { name: ["tooManyTokens"] },
        details: { reason: "too_many_tokens", max: MAX_ACTIVE_TOKENS },
      });
    }
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name, prefix, tokenHash: hashToken(token), createdAt: new Date() })
      .returning();
    if (!row) throw new Error("The token was not saved.");
    return {
      token,
      view: toView({
        token: row,
        ownerName: owner.name,
        ownerEmail: owner.email,
        ownerActive: owner.active,
      }),
    };
  });
}

/**
 * The actor's own tokens, or (scope "others", token.manage_others only) every other account's.
 * Newest first; revoked tokens stay listed, marked, as a record of what once had access.
 */
export async function listTokens({
  actor,
  scope = "own",
}: {
  actor: Actor;
  scope?: "own" | "others";
}): Promise<TokenView[]> {
  if (scope === "others" && !hasPermission(actor.role, "token.manage_others")) {
    throw new AppError("forbidden", "Only an admin can see the tokens of other accounts.", {
      details: { reason: "tokens_of_others" },
    });
  }
  const rows = await getDb()
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(scope === "own" ? eq(apiTokens.userId, actor.id) : ne(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toView);
}

/** Revokes a token at once. Owners revoke their own; token.manage_others anyone's. Revoking twice is harmless. */
export async function revokeToken({ actor, id }: { actor: Actor; id: number }): Promise<TokenView> {
  return withTransaction(async (tx) => {
    const [row] = await tx
      .select(tokenColumns)
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, id))
      .limit(1);
    // Someone else's token is "not found" rather than "forbidden": its existence is not theirs to learn.
    if (!row || (row.token.userId !== actor.id && !hasPermission(actor.role, "token.manage_others"))) {
      throw new AppError("not_found", "This token does not exist.", {
        details: { reason: "token_not_found" },
      });
    }
    if (row.token.revokedAt) return toView(row);
    const revokedAt = new Date();
    await tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id));
    return toView({ ...row, token: { ...row.token, revokedAt } });
  });
}

/**
 * The account behind a bearer token, or null when the token is malformed, unknown, revoked, or its
 * owner is deactivated. The role is read now, so a role change applies to existing tokens at once.
 */
export async function authenticateToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<TokenAccount | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = getDb();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.revokedAt !== null || !row.active) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // Most calls come within the minute: no UPDATE at all then (an empty one still takes the write lock).
  if (row.lastUsedAt !== null && row.lastUsedAt >= stale) {
    return { tokenId: row.tokenId, id: row.id, name: row.name, email: row.email, role: row.role };
  }
  await withTransaction(
    (tx) =>
      tx
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, row.tokenId),
            or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale)),
          ),
        ),
    // One guarded statement: no need to wait for the desk's write lock.
    { atomic: true },
  );
  return { tokenId: row.tokenId, id: row.id, name: row.name, email: row.email, role: row.role };
}
