// Hostile input to every server action found in the code (test/security/endpoints.ts), as an
// account allowed to call it: empty and 10 MB strings, control characters, lone surrogates,
// right-to-left text, HTML and script, SQL-looking strings, wrong types, deep nesting, and
// fast-check's random values. Every call must end in { ok: true } or a refusal with a code other
// than "internal" and a message — never a thrown error, never a fault. Text that is accepted is
// stored exactly as sent.
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getClaimById } from "@/lib/data/claims";
import { getUserById } from "@/lib/data/users";
import { normaliseLine, normaliseMultiline } from "@/lib/text/normalise";
import { NextRequest } from "next/server";
import { loadRouteHandlers, loadServerActions, type ServerAction } from "./endpoints";
import {
  actAs,
  isNextControlFlow,
  makeFixture,
  makePeople,
  sessionCookie,
  type Fixture,
  type Person,
} from "./harness";
import { ACTIONS, issueBearerToken, ROUTES, type Access } from "./registry";

vi.mock("next/headers", async () => (await import("./harness")).nextHeadersMock);
vi.mock("next/cache", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  ...(await import("./harness")).nextCacheMock,
}));
vi.mock("@/lib/auth/config", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  auth: (await import("./harness")).mockedAuth,
}));

const actions = (await loadServerActions()).filter((a) => a.key in ACTIONS);
const routes = (await loadRouteHandlers()).filter((r) => r.key in ROUTES);

const TEN_MB = "x".repeat(10 * 1024 * 1024);

function deeplyNested(depth: number): unknown {
  let value: unknown = { end: true };
  for (let i = 0; i < depth; i++) value = { next: value, list: [i] };
  return value;
}

/** Text a newsroom tool must store exactly and show as text. */
export const HOSTILE_TEXT = [
  "\u202eشهادة \u05e2\u05d3\u05d5\u05ea\u202c ‏(RTL)‏",
  "<script>window.__pwned = 1</script>",
  '<img src=x onerror="window.__pwned = 1">',
  "'; DROP TABLE claims; --",
  "1' OR '1'='1",
  "100% _wild_ \\ LIKE 'a%'",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "👩🏽‍💻🇫🇷 Z̸̡̢͓a̷̛͚l̷g̸o",
  "« Guillemets » et l’élision d’« aujourd’hui »",
  "bell\u0007 escape\u001b[31m delete\u007f next-line\u0085",
  "nul\u0000inside",
];

const HOSTILE_STRINGS = [
  "",
  " ",
  TEN_MB,
  "\u0000",
  "\r\n\r\n",
  "\u2028\u2029",
  "\ud800",
  "lone \udfff low",
  "\ufeffBOM",
  "__proto__",
  "constructor",
  ...HOSTILE_TEXT,
];

const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  undefined,
  null,
  0,
  -1,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  true,
  false,
  [],
  [1, "2", null],
  new Array(100_000).fill(0),
  {},
  { nested: { deeper: { deepest: "<script>" } } },
  deeplyNested(2_000),
  JSON.parse('{"__proto__": {"role": "admin", "ok": true}}') as unknown,
  Object.create(null) as unknown,
  new Date(Number.NaN),
  10n ** 30n,
  new Map([["role", "admin"]]),
  new Set([1]),
  new Uint8Array([0, 255]),
];

function describeValue(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `string(${value.length})` : JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return `array(${value.length})`;
  return Object.prototype.toString.call(value);
}

/** The least privileged account the action allows (an editor for actions anyone may call). */
function callerFor(access: Access, fx: Fixture): Person {
  if (access === "anyone" || access === "signed_in" || access.includes("editor")) return fx.people.editor;
  return access.includes("reviewer") ? fx.people.reviewer : fx.people.admin;
}

const tally = { calls: 0, accepted: 0, refused: 0, redirected: 0, requests: 0 };

async function expectGraceful(action: ServerAction, args: unknown[], label: string): Promise<unknown> {
  let result: unknown;
  try {
    result = await action.fn(...args);
  } catch (error) {
    // Next's redirect (sign-in, sign-out) is how those actions end; anything else is a fault.
    expect(isNextControlFlow(error), `${action.key} threw on ${label}: ${String(error)}`).toBe(true);
    tally.calls++;
    tally.redirected++;
    return undefined;
  }
  tally.calls++;
  expect(result, `${action.key} on ${label}`).toMatchObject({ ok: expect.any(Boolean) });
  const outcome = result as { ok: boolean; code?: unknown; message?: unknown };
  if (outcome.ok) {
    tally.accepted++;
  } else {
    tally.refused++;
    expect(outcome.code, `${action.key} on ${label}: ${String(outcome.message)}`).not.toMatch(
      /^(internal|failed)$/,
    );
    expect(
      typeof outcome.message === "string" && outcome.message.length > 0,
      `${action.key} on ${label} says why`,
    ).toBe(true);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

describe.each(actions)("fuzzing $key", (action) => {
  const entry = ACTIONS[action.key]!;

  it(
    "answers hostile values in every argument and field with a result, never a fault",
    { timeout: 120_000 },
    async () => {
      const fx = await makeFixture(await makePeople());
      const caller = callerFor(entry.access, fx);
      actAs(caller, { followVersion: true });
      const base = await entry.args(fx, caller);
      const positions = Math.max(base.length, 1);
      for (let i = 0; i < positions; i++) {
        for (const value of HOSTILE_VALUES) {
          const args = [...base];
          args[i] = value;
          await expectGraceful(action, args, `argument ${i} = ${describeValue(value)}`);
        }
        const arg = base[i];
        if (!isPlainObject(arg)) continue;
        for (const key of Object.keys(arg)) {
          for (const value of HOSTILE_VALUES) {
            const args = [...base];
            args[i] = { ...arg, [key]: value };
            await expectGraceful(action, args, `${key} = ${describeValue(value)}`);
          }
        }
        await expectGraceful(
          action,
          [{ ...arg, unexpected: "<script>", role: "admin", id: -1 }],
          "extra fields",
        );
      }
      await expectGraceful(action, [], "no arguments");
    },
  );

  it("answers random values with a result, never a fault", { timeout: 120_000 }, async () => {
    const fx = await makeFixture(await makePeople());
    const caller = callerFor(entry.access, fx);
    actAs(caller, { followVersion: true });
    const base = await entry.args(fx, caller);
    const first = base[0];
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withUnicodeString: true,
    });
    const mutated = isPlainObject(first)
      ? fc
          .dictionary(
            fc.constantFrom(...Object.keys(first)),
            fc.oneof(anything, fc.constantFrom(...HOSTILE_STRINGS)),
          )
          .map((changes) => [{ ...first, ...changes }, ...base.slice(1)])
      : fc.array(anything, { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.array(anything, { maxLength: 3 })), async (args) => {
        await expectGraceful(action, args, `random ${fc.stringify(args).slice(0, 200)}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(routes)("fuzzing $key", (route) => {
  const entry = ROUTES[route.key]!;

  it(
    "answers hostile bodies, queries and path parameters without a server error",
    { timeout: 120_000 },
    async () => {
      const fx = await makeFixture(await makePeople());
      const caller = callerFor(entry.access, fx);
      actAs(caller, { followVersion: true });
      const spec = await entry.request(fx);
      const credentials: Record<string, string> = {};
      if (entry.auth === "session") credentials.cookie = (await sessionCookie(caller)) ?? "";
      if (entry.auth === "bearer") credentials.authorization = `Bearer ${await issueBearerToken(caller)}`;
      const send = async (
        label: string,
        change: { query?: string; body?: string; contentType?: string; params?: Record<string, unknown> },
      ) => {
        const url = new URL(`http://127.0.0.1:3000${spec.path}`);
        if (change.query !== undefined) url.searchParams.set("q", change.query);
        if (change.query !== undefined) url.searchParams.set("id", change.query);
        const method = spec.method ?? route.method;
        const hasBody = method !== "GET" && method !== "HEAD";
        const request = new NextRequest(url, {
          method,
          headers: {
            host: "127.0.0.1:3000",
            ...spec.headers,
            ...credentials,
            ...(change.contentType ? { "content-type": change.contentType } : {}),
          },
          body: hasBody ? (change.body ?? spec.body) : undefined,
        });
        const response = await route.handler(request, {
          params: Promise.resolve(change.params ?? spec.params),
        });
        tally.requests++;
        expect(response.status, `${route.key} on ${label}`).toBeLessThan(500);
        await response.arrayBuffer();
      };
      for (const text of HOSTILE_STRINGS) {
        const label = describeValue(text);
        await send(`query ${label}`, { query: text });
        await send(`body ${label}`, { body: text });
        await send(`JSON body ${label}`, {
          body: JSON.stringify({ value: text, title: text, id: text }),
          contentType: "application/json",
        });
        await send(`params ${label}`, {
          params: Object.fromEntries(Object.keys(spec.params).map((key) => [key, text])),
        });
      }
      for (const value of HOSTILE_VALUES.filter((v) => typeof v !== "bigint")) {
        let body: string;
        try {
          body = JSON.stringify(value) ?? "null";
        } catch {
          continue;
        }
        await send(`JSON ${describeValue(value)}`, { body, contentType: "application/json" });
      }
      await send("broken JSON", { body: '{"unterminated": ', contentType: "application/json" });
      await send("multipart without boundary", { body: "--x\r\n", contentType: "multipart/form-data" });
    },
  );
});

describe("accepted text", () => {
  it("is stored as sent once normalised (NFC, no control characters, bidi controls kept); NUL is refused", async () => {
    const createClaim = actions.find((a) => a.key.endsWith("#createClaimAction"))!;
    const fx = await makeFixture(await makePeople());
    actAs(fx.people.editor);
    const [base] = (await ACTIONS[createClaim.key]!.args(fx, fx.people.editor)) as [Record<string, unknown>];
    for (const text of HOSTILE_TEXT) {
      const result = (await createClaim.fn({
        ...base,
        statement: text,
        speaker: text,
        verdictNote: text,
      })) as {
        ok: boolean;
        data: { id: number; statement: string; speaker: string; verdictNote: string };
        fieldErrors?: Record<string, string[]>;
      };
      if (text.includes("\u0000")) {
        expect(result).toMatchObject({
          ok: false,
          fieldErrors: {
            statement: ["nulCharacter"],
            speaker: ["nulCharacter"],
            verdictNote: ["nulCharacter"],
          },
        });
        continue;
      }
      const expected = {
        statement: normaliseLine(text),
        speaker: normaliseLine(text),
        verdictNote: normaliseMultiline(text),
      };
      expect(result.ok, text).toBe(true);
      expect(result.data).toMatchObject(expected);
      expect(await getClaimById({ id: result.data.id })).toMatchObject(expected);
    }
    // What the list holds: bidi controls stay in storage, other controls do not.
    expect(normaliseLine(HOSTILE_TEXT[0]!)).toContain("\u202e");
    expect(normaliseLine("bell\u0007 escape\u001b[31m delete\u007f next-line\u0085")).toBe(
      "bell escape[31m delete next-line",
    );
  });

  it(
    "round-trips any well-formed statement, and refuses text that cannot be stored",
    { timeout: 60_000 },
    async () => {
      const createClaim = actions.find((a) => a.key.endsWith("#createClaimAction"))!;
      const fx = await makeFixture(await makePeople());
      actAs(fx.people.editor);
      const [base] = (await ACTIONS[createClaim.key]!.args(fx, fx.people.editor)) as [
        Record<string, unknown>,
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.string({
            unit: fc.oneof(
              fc.constant("a"),
              fc.constantFrom(...HOSTILE_TEXT.join("")),
              fc.string({ unit: "binary" }),
            ),
            minLength: 1,
            maxLength: 200,
          }),
          async (raw) => {
            const statement = raw.trim();
            if (statement.length === 0 || statement.length > 1000) return;
            const result = (await createClaim.fn({ ...base, statement })) as {
              ok: boolean;
              data?: { id: number; statement: string };
              fieldErrors?: Record<string, string[]>;
            };
            if (!statement.isWellFormed()) {
              expect(result).toMatchObject({ ok: false, fieldErrors: { statement: ["malformedText"] } });
            } else if (statement.includes("\u0000")) {
              expect(result).toMatchObject({ ok: false, fieldErrors: { statement: ["nulCharacter"] } });
            } else if (normaliseLine(statement) === "") {
              expect(result).toMatchObject({ ok: false, fieldErrors: { statement: ["required"] } });
            } else {
              expect(result.ok).toBe(true);
              expect(result.data?.statement).toBe(normaliseLine(statement));
              expect((await getClaimById({ id: result.data!.id }))?.statement).toBe(normaliseLine(statement));
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it("is stored as sent once normalised: an account's name", async () => {
    const createAccount = actions.find((a) => a.key.endsWith("#createAccountAction"))!;
    const fx = await makeFixture(await makePeople());
    actAs(fx.people.admin);
    for (const [i, text] of HOSTILE_TEXT.slice(0, 4).entries()) {
      const result = (await createAccount.fn({
        email: `hostile-${i}@fuzz.test`,
        name: text,
        role: "editor",
      })) as {
        ok: boolean;
        data: { account: { id: number } };
      };
      expect(result.ok, text).toBe(true);
      expect((await getUserById({ id: result.data.account.id }))?.name).toBe(normaliseLine(text));
    }
  });
});

afterAll(() => {
  console.log(
    `Fuzz: ${actions.length} server actions, ${tally.calls} hostile calls: ${tally.accepted} accepted, ${tally.refused} refused with a message, ${tally.redirected} ended in Next's redirect, 0 faults; ${routes.length} route handlers, ${tally.requests} hostile requests, no server error.`,
  );
});
