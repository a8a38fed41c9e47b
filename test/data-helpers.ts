import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import pg from "pg";
import { createArticle } from "@/lib/data/articles";
import { executeSql, getDb, queryRows } from "@/lib/data/connection";
import { createUser } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/review/model";
import { AppError } from "@/lib/errors";

let counter = 0;

/** A real account in the test database. */
export async function makeUser(role: Role, name = `${role} ${++counter}`) {
  const user = await createUser({
    email: `${role}-${++counter}@test.local`,
    name,
    role,
    password: "password-123",
  });
  return { id: user.id, role: user.role, name: user.name };
}

export const SAMPLE_BODY =
  "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté ces affirmations.";

export async function makeArticle(actor: { id: number; role: Role }, body = SAMPLE_BODY) {
  return createArticle({
    actor,
    input: {
      title: "Test article",
      outlet: "",
      url: "",
      language: "fr",
      publishedAt: "",
      body,
      bodyFormat: "text",
    },
  });
}

export function claimInput(
  articleId: number,
  body: string,
  quote: string,
  extra: Record<string, unknown> = {},
) {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in body: ${quote}`);
  return {
    articleId,
    start,
    end: start + quote.length,
    quote,
    statement: quote,
    speaker: "",
    verdict: "unrated" as const,
    verdictNote: "",
    silentParty: "",
    sources: [] as { url: string; title: string }[],
    ...extra,
  };
}

/** The AppError a data-layer call was refused with; fails when the call succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * A raw SQL statement on the test database, failing with the database's own error (drizzle's
 * "Failed query" wrapper unwrapped), for tests that check what the database itself refuses.
 */
export async function rawSql(statement: SQL): Promise<void> {
  try {
    await executeSql(getDb(), statement);
  } catch (error) {
    throw (error as { cause?: unknown }).cause ?? error;
  }
}

/** Rows of a raw SQL query on the test database. */
export async function rawRows<T>(query: SQL): Promise<T[]> {
  return queryRows<T>(getDb(), query);
}

/** A write by another connection than the app's (another process, as far as the app can tell). */
export async function writeFromAnotherConnection(statement: string): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  const other = new Database(env.DATABASE_PATH);
  try {
    other.prepare(statement).run();
  } finally {
    other.close();
  }
}
