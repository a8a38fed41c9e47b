// What the authorization matrix and the fuzz test share: the people they act as, the session they
// drive through a mocked auth() (the real account checks of lib/auth/session-token.ts still run),
// a request context for next/headers, fresh records to act on, and a digest of the whole database.
//
// Test files wire it up with:
//   vi.mock("next/headers", async () => (await import("./harness")).nextHeadersMock);
//   vi.mock("next/cache", async (original) => ({ ...(await original()), ...(await import("./harness")).nextCacheMock }));
//   vi.mock("@/lib/auth/config", async (original) => ({ ...(await original()), auth: (await import("./harness")).mockedAuth }));
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { users } from "@/lib/data/tables";
import { hashPassword } from "@/lib/auth/password";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { refreshSessionToken, sessionUserFromToken } from "@/lib/auth/session-token";
import { createClaim, type ClaimView } from "@/lib/data/claims";
import { dialect, getDb, queryRows } from "@/lib/data/connection";
import { claimInput, makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import type { Role } from "@/lib/review/model";

export const PERSONAS = ["anonymous", "editor", "reviewer", "admin", "deactivated"] as const;
export type Persona = (typeof PERSONAS)[number];

export const PASSWORD = "password-123";

export type Person = { id: number; role: Role; name: string; email: string; password: string; sv: number };
export type People = Record<Exclude<Persona, "anonymous">, Person>;

let counter = 0;
let passwordHash: Promise<string> | undefined;

/** Accounts to act as, inserted directly with one precomputed hash (hashing is slow by design). */
async function insertPerson(role: Role, label: string, active = true): Promise<Person> {
  passwordHash ??= hashPassword(PASSWORD);
  const n = ++counter;
  const email = `${label}-${n}@matrix.test`;
  const [row] = await getDb()
    .insert(users)
    .values({ email, name: `${label} ${n}`, role, passwordHash: await passwordHash, active })
    .returning();
  if (!row) throw new Error("The account was not inserted.");
  return { id: row.id, role: row.role, name: row.name, email, password: PASSWORD, sv: row.sessionVersion };
}

/**
 * An editor, a reviewer, an admin, and a deactivated admin whose session was issued before the
 * deactivation (it carries the old session version, as a stolen or forgotten browser would).
 */
export async function makePeople(): Promise<People> {
  const deactivated = await insertPerson("admin", "deactivated");
  await getDb().update(users).set({ active: false, sessionVersion: 2 }).where(eq(users.id, deactivated.id));
  return {
    editor: await insertPerson("editor", "editor"),
    reviewer: await insertPerson("reviewer", "reviewer"),
    admin: await insertPerson("admin", "admin"),
    deactivated,
  };
}

export type Fixture = {
  people: People;
  articleId: number;
  body: string;
  /** Unrated draft, with a speaker of its own (a name no other claim has). */
  draft: ClaimView;
  /** Rated (confirmed) by the editor, still a draft: ready to submit. */
  ratedDraft: ClaimView;
  /** Rated by the editor and in the queue. */
  inReview: ClaimView;
  /** Another account for admin actions to act on. */
  target: () => Promise<Person>;
};

const QUOTES = [
  "Le Kremlin affirme que ses forces ont pris 12 villages.",
  "Kyiv n'a pas commenté ces affirmations.",
  "ses forces ont pris 12 villages",
];

export async function makeFixture(people: People): Promise<Fixture> {
  const editor = { id: people.editor.id, role: people.editor.role };
  const article = await makeArticle(editor);
  const [q1, q2, q3] = QUOTES as [string, string, string];
  const draft = await createClaim({
    actor: editor,
    input: claimInput(article.id, SAMPLE_BODY, q1, { speaker: `Kremlin spokesman ${++counter}` }),
  });
  const ratedDraft = await createClaim({
    actor: editor,
    input: claimInput(article.id, SAMPLE_BODY, q2, { verdict: "confirmed" }),
  });
  const inReview = await createClaim({
    actor: editor,
    input: claimInput(article.id, SAMPLE_BODY, q3, { verdict: "confirmed", submit: true }),
  });
  let target: Person | undefined;
  return {
    people,
    articleId: article.id,
    body: SAMPLE_BODY,
    draft,
    ratedDraft,
    inReview,
    target: async () => (target ??= await insertPerson("editor", "target")),
  };
}

// ---------------------------------------------------------------------------------------------
// The session: which account auth() answers for.
// ---------------------------------------------------------------------------------------------

const session: { token: JWT | null; followVersion: boolean } = { token: null, followVersion: false };

/**
 * Acts as `person` (null: anonymous). With followVersion, the session always carries the account's
 * current session version, as if the browser had just signed in again (the fuzz test uses this so
 * that changing a password does not end the session it keeps fuzzing with).
 */
export function actAs(person: Person | null, { followVersion = false } = {}): void {
  session.token = person ? { uid: person.id, sv: person.sv, sub: String(person.id) } : null;
  session.followVersion = followVersion;
}

/** Stands in for next-auth's auth(): the same account checks as the jwt and session callbacks. */
export async function mockedAuth() {
  if (!session.token) return null;
  const token: JWT = { ...session.token };
  if (session.followVersion && typeof token.uid === "number") {
    token.sv = (
      await getDb().select({ sv: users.sessionVersion }).from(users).where(eq(users.id, token.uid)).limit(1)
    )[0]?.sv;
  }
  const refreshed = await refreshSessionToken(token);
  const user = refreshed ? sessionUserFromToken(refreshed) : null;
  if (!user) return null;
  return { user: { ...user, uid: user.id }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

/** A real session cookie for `person`, for handlers that read it themselves (next-auth's routes). */
export async function sessionCookie(person: Person | null): Promise<string | undefined> {
  if (!person) return undefined;
  const { encode } = await import("next-auth/jwt");
  const name = "authjs.session-token";
  const value = await encode({
    token: { uid: person.id, sv: person.sv, sub: String(person.id) },
    secret: ensureAuthSecret(),
    salt: name,
  });
  return `${name}=${value}`;
}

// ---------------------------------------------------------------------------------------------
// next/headers and next/cache outside a Next request.
// ---------------------------------------------------------------------------------------------

type Cookie = { name: string; value: string };
const cookieJar = new Map<string, Cookie>();
export const requestHeaders = new Headers({
  host: "127.0.0.1:3000",
  "x-forwarded-host": "127.0.0.1:3000",
  "x-forwarded-proto": "http",
  "x-forwarded-for": "192.0.2.10",
});

export const nextHeadersMock = {
  headers: async () => new Headers(requestHeaders),
  cookies: async () => ({
    get: (name: string) => cookieJar.get(name),
    getAll: () => [...cookieJar.values()],
    has: (name: string) => cookieJar.has(name),
    set: (nameOrCookie: string | Cookie, value?: string) => {
      const cookie =
        typeof nameOrCookie === "string" ? { name: nameOrCookie, value: value ?? "" } : nameOrCookie;
      cookieJar.set(cookie.name, { name: cookie.name, value: cookie.value });
    },
    delete: (name: string) => cookieJar.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
};

const noop = () => undefined;
export const nextCacheMock = { revalidatePath: noop, revalidateTag: noop, updateTag: noop, refresh: noop };

// ---------------------------------------------------------------------------------------------
// The whole database, digested.
// ---------------------------------------------------------------------------------------------

/**
 * A digest of every row of every table: equal digests mean nothing was written. The API's rate
 * limit counters are left out: every call counts against its token, reads included, and counting
 * a request is not writing a record.
 */
export async function databaseDigest(): Promise<string> {
  if (dialect() === "postgres") return postgresDigest();
  const sqlite = getDb().$client;
  const tables = sqlite
    // Ordinary tables only: full-text indexes (virtual tables and their shadow tables) are derived
    // from them by triggers, and some shadow tables have no rowid to order by.
    .prepare(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'rate_limits' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const hash = createHash("sha256");
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite
      .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}" ORDER BY rowid`)
      .iterate()) {
      hash.update(
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString("hex") : value,
        ),
      );
    }
  }
  return hash.digest("hex");
}

/**
 * The same on PostgreSQL: every table of the public schema but the change counter (which counts
 * statements, not rows), by id; drizzle's migrations table lives in its own schema.
 */
async function postgresDigest(): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    getDb(),
    sql`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('desk_changes', 'rate_limits')
      ORDER BY table_name`,
  );
  const hash = createHash("sha256");
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    const rows = await queryRows<Record<string, unknown>>(
      getDb(),
      // By the first two columns: the id, or a two-column key (notification_prefs).
      sql`SELECT * FROM ${sql.identifier(name)} ORDER BY 1, 2`,
    );
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** Next's redirect() and notFound() throw an error with a digest; they are outcomes, not faults. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(digest);
}
