// The authorization matrix: every server action and route handler found in the code, called as
// anonymous, editor, reviewer, admin and a deactivated account. Each call is allowed or denied as
// test/security/registry.ts says, and a denied call changes nothing in the database.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadRouteHandlers, loadServerActions, unenumerableServerActions } from "./endpoints";
import {
  actAs,
  databaseDigest,
  isNextControlFlow,
  makeFixture,
  makePeople,
  PERSONAS,
  sessionCookie,
  type Persona,
} from "./harness";
import { ACTIONS, issueBearerToken, ROUTES, type Access, type Outcome } from "./registry";

vi.mock("next/headers", async () => (await import("./harness")).nextHeadersMock);
vi.mock("next/cache", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  ...(await import("./harness")).nextCacheMock,
}));
vi.mock("@/lib/auth/config", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  auth: (await import("./harness")).mockedAuth,
}));

const actions = await loadServerActions();
const routes = await loadRouteHandlers();

function isAllowed(access: Access, persona: Persona): boolean {
  if (access === "anyone") return true;
  if (persona === "anonymous" || persona === "deactivated") return false;
  return access === "signed_in" || access.includes(persona);
}

const tally = { calls: 0, allowed: 0, denied: 0, unchanged: 0 };

describe("the endpoint registry", () => {
  it("has an entry for every server action and route handler in the code", () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.map((a) => a.key).filter((key) => !(key in ACTIONS))).toEqual([]);
    expect(routes.map((r) => r.key).filter((key) => !(key in ROUTES))).toEqual([]);
  });

  it("names no endpoint that is gone", () => {
    const actionKeys = new Set(actions.map((a) => a.key));
    const routeKeys = new Set(routes.map((r) => r.key));
    expect(Object.keys(ACTIONS).filter((key) => !actionKeys.has(key))).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !routeKeys.has(key))).toEqual([]);
  });

  it("finds every server action: none are declared inline or outside app/", () => {
    expect(unenumerableServerActions()).toEqual([]);
  });
});

describe.each(actions.filter((a) => a.key in ACTIONS))("server action $key", (action) => {
  const entry = ACTIONS[action.key]!;
  it.each(PERSONAS)("as %s", async (persona) => {
    const people = await makePeople();
    const fx = await makeFixture(people);
    const person = persona === "anonymous" ? null : people[persona];
    actAs(person);
    const args = await entry.args(fx, person);
    const before = await databaseDigest();
    let outcome: Outcome;
    try {
      outcome = { result: await action.fn(...args) };
    } catch (error) {
      if (!isNextControlFlow(error)) throw error;
      outcome = { error };
    }
    const after = await databaseDigest();
    tally.calls++;
    if (isAllowed(entry.access, persona)) {
      tally.allowed++;
      if (entry.allowed) entry.allowed(outcome, persona);
      else expect(outcome.result, `${persona} may call ${action.key}`).toMatchObject({ ok: true });
    } else {
      tally.denied++;
      expect(outcome.result, `${persona} is refused ${action.key}`).toMatchObject({
        ok: false,
        code: expect.stringMatching(/^(unauthenticated|forbidden)$/),
        message: expect.any(String),
      });
      expect(after, "a denied call changes nothing").toBe(before);
      tally.unchanged++;
    }
  });
});

describe.each(routes.filter((r) => r.key in ROUTES))("route handler $key", (route) => {
  const entry = ROUTES[route.key]!;
  it.each(PERSONAS)("as %s", async (persona) => {
    const people = await makePeople();
    const fx = await makeFixture(people);
    const person = persona === "anonymous" ? null : people[persona];
    actAs(person);
    const spec = await entry.request(fx);
    const headers = new Headers({ host: "127.0.0.1:3000", ...spec.headers });
    if (entry.auth === "session") {
      const cookie = await sessionCookie(person);
      if (cookie) headers.set("cookie", cookie);
    }
    if (entry.auth === "bearer" && person)
      headers.set("authorization", `Bearer ${await issueBearerToken(person)}`);
    const request = new NextRequest(`http://127.0.0.1:3000${spec.path}`, {
      method: spec.method ?? route.method,
      headers,
      body: spec.body,
    });
    const before = await databaseDigest();
    const response = await route.handler(request, { params: Promise.resolve(spec.params) });
    const after = await databaseDigest();
    tally.calls++;
    expect(response.status, `${route.key} as ${persona} is no server error`).toBeLessThan(500);
    if (isAllowed(entry.access, persona)) {
      tally.allowed++;
      if (entry.allowed) await entry.allowed(response, persona);
      else expect(response.status, `${persona} may call ${route.key}`).toBeLessThan(300);
    } else {
      tally.denied++;
      expect([401, 403, 404], `${persona} is refused ${route.key}`).toContain(response.status);
      expect(after, "a denied call changes nothing").toBe(before);
      tally.unchanged++;
    }
    if (entry.readOnly) expect(after, `${route.key} writes nothing`).toBe(before);
  });
});

afterAll(() => {
  console.log(
    `Authorization matrix: ${actions.length} server actions and ${routes.length} route handlers × ${PERSONAS.length} personas = ${tally.calls} calls; ${tally.allowed} allowed, ${tally.denied} denied, ${tally.unchanged} denied calls left the database unchanged.`,
  );
});
