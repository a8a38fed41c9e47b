// Who may call what: the one table of expectations for every server action ("file#export") and
// every route handler ("file#METHOD"). The authorization matrix fails when an endpoint exists
// without an entry here, or an entry names an endpoint that is gone; the fuzz test takes the
// valid calls it mutates from the same entries.
//
// To register a new endpoint: give its access, the arguments (or request) of a call that succeeds
// when the caller is allowed, and, when success is not `{ ok: true }` / a 2xx, how it looks.
import { expect } from "vitest";
import { claimInput } from "@/lib/data/test-helpers";
import type { Role } from "@/lib/review/model";
import type { Fixture, Person, Persona } from "./harness";

/** "anyone": also without a session; "signed_in": any active account; else the roles allowed. */
export type Access = "anyone" | "signed_in" | readonly Role[];

export type Outcome = { result?: unknown; error?: unknown };

export type ActionExpectation = {
  access: Access;
  /** The arguments of a call that succeeds when the caller is allowed. `as` is null for anonymous. */
  args: (fx: Fixture, as: Person | null) => unknown[] | Promise<unknown[]>;
  /** What an allowed call gives, when it is not `{ ok: true }`. */
  allowed?: (outcome: Outcome, persona: Persona) => void;
};

export type RouteRequest = {
  method?: string;
  /** The URL path, params filled in. */
  path: string;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
};

export type RouteExpectation = {
  access: Access;
  /** How the caller proves who it is: the session cookie, an API token (Authorization: Bearer), or not at all. */
  auth: "session" | "bearer" | "none";
  request: (fx: Fixture) => RouteRequest | Promise<RouteRequest>;
  /** What an allowed call gives, when it is not a 2xx. */
  allowed?: (response: Response, persona: Persona) => void | Promise<void>;
  /** The call writes nothing, whoever makes it. */
  readOnly?: boolean;
};

const EDITORS: readonly Role[] = ["editor", "reviewer", "admin"];
const ADMINS: readonly Role[] = ["admin"];

function isRedirect(outcome: Outcome): boolean {
  const digest = (outcome.error as { digest?: unknown } | undefined)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

export const ACTIONS: Record<string, ActionExpectation> = {
  "app/(app)/articles/[id]/actions.ts#createClaimAction": {
    access: EDITORS,
    args: (fx) => [
      claimInput(fx.articleId, fx.body, "Kyiv n'a pas commenté", { statement: "Kyiv did not comment." }),
    ],
  },
  "app/(app)/articles/[id]/actions.ts#updateClaimAction": {
    access: EDITORS,
    args: (fx) => [
      {
        ...claimInput(fx.articleId, fx.body, fx.draft.quote),
        id: fx.draft.id,
        version: fx.draft.version,
        statement: "Reworded by the matrix.",
      },
    ],
  },
  "app/(app)/articles/[id]/actions.ts#deleteClaimAction": {
    access: EDITORS,
    args: (fx) => [{ id: fx.draft.id, version: fx.draft.version, articleId: fx.articleId }],
  },
  "app/(app)/articles/[id]/actions.ts#submitClaimAction": {
    access: EDITORS,
    args: (fx) => [{ id: fx.ratedDraft.id, version: fx.ratedDraft.version }],
  },
  "app/(app)/admin/users/actions.ts#createAccountAction": {
    access: ADMINS,
    args: () => [
      { email: `new-${Math.random().toString(36).slice(2)}@matrix.test`, name: "New Person", role: "editor" },
    ],
  },
  "app/(app)/admin/users/actions.ts#changeAccountRoleAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id, role: "reviewer" }],
  },
  "app/(app)/admin/users/actions.ts#setAccountActiveAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id, active: false }],
  },
  "app/(app)/admin/users/actions.ts#resetAccountPasswordAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id }],
  },
  "app/(app)/settings/account/actions.ts#changeOwnPasswordAction": {
    access: "signed_in",
    args: (_fx, as) => [
      {
        currentPassword: as?.password ?? "whatever",
        newPassword: "a-brand-new-pass",
        confirmPassword: "a-brand-new-pass",
      },
    ],
    // Signed in again with the new password, the browser is sent to the settings page afresh.
    allowed: (outcome) => expect(isRedirect(outcome)).toBe(true),
  },
  "app/(auth)/sign-in/actions.ts#signInAction": {
    access: "anyone",
    // Active accounts with their password; the deactivated account with its (correct) password too.
    args: (fx, as) => [
      { email: as?.email ?? "nobody@matrix.test", password: as?.password ?? "wrong-password" },
      "/articles",
    ],
    allowed: (outcome, persona) => {
      if (persona === "anonymous" || persona === "deactivated") {
        expect(outcome.result).toMatchObject({ ok: false, code: "invalid" });
      } else {
        expect(isRedirect(outcome), `sign-in of ${persona} redirects`).toBe(true);
      }
    },
  },
  "app/actions/locale.ts#setLocaleAction": {
    access: "anyone",
    args: () => ["fr"],
  },
  "app/actions/session.ts#signOutAction": {
    access: "anyone",
    args: () => [],
    allowed: (outcome) => expect(isRedirect(outcome)).toBe(true),
  },
};

export const ROUTES: Record<string, RouteExpectation> = {
  "app/api/auth/[...nextauth]/route.ts#GET": {
    access: "anyone",
    auth: "session",
    readOnly: true,
    request: () => ({ path: "/api/auth/session", params: { nextauth: ["session"] } }),
    // The session endpoint answers everyone, with the account only for an active one.
    allowed: async (response, persona) => {
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user?: { uid?: number } } | null;
      const active = persona === "editor" || persona === "reviewer" || persona === "admin";
      expect(typeof body?.user?.uid === "number", `${persona} has a session`).toBe(active);
    },
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    access: "anyone",
    auth: "session",
    readOnly: true,
    // Without next-auth's CSRF token the request is turned away, whoever sends it.
    request: () => ({
      method: "POST",
      path: "/api/auth/signout",
      params: { nextauth: ["signout"] },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "callbackUrl=%2Farticles",
    }),
    allowed: (response) => {
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("location") ?? "").toContain("error=MissingCSRF");
    },
  },
};

/**
 * The API token a bearer route is called with (routes with auth: "bearer"). When lib/data/tokens.ts
 * lands: `return (await createToken({ actor: person, input: { name: "matrix" } })).token;`. The
 * deactivated person is already inactive and createToken refuses it: insert its token row directly
 * (as a token issued before the deactivation would be), then call as with any other.
 */
export async function issueBearerToken(person: Person): Promise<string> {
  throw new Error(`No API token issuer is registered (test/security/registry.ts) for ${person.email}.`);
}
