// Every authenticated endpoint × every kind of caller: anonymous, a malformed header, a revoked
// token, a deactivated owner, and each role. Refused calls must change nothing.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { apiTokens, articles, claimEvents, claims, users } from "@/lib/data/tables";
import type { RouteHandler } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { call, deactivate, makeTokenUser } from "@/test/api-helpers";
import { createClaim } from "@/lib/data/claims";
import { countRows, getDb } from "@/lib/data/connection";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";
import { revokeToken } from "@/lib/data/tokens";
import { hasPermission } from "@/lib/review";
import { ROLES, type Role } from "@/lib/review/model";
import { apiProblemSchema } from "@/lib/validation/api";
import { POST as postClaim } from "./articles/[id]/claims/route";
import { GET as exportArticle } from "./articles/[id]/export/route";
import { GET as getArticle } from "./articles/[id]/route";
import { GET as listArticles, POST as postArticle } from "./articles/route";
import { POST as approve } from "./claims/[id]/approve/route";
import { POST as returnClaim } from "./claims/[id]/return/route";
import { DELETE as deleteClaim, GET as getClaim, PATCH as patchClaim } from "./claims/[id]/route";
import { POST as submit } from "./claims/[id]/submit/route";
import { GET as health } from "./health/route";
import { GET as getQueue } from "./queue/route";
import { POST as suggest } from "./suggest/route";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";

type Request = { method: string; path: string; params?: Record<string, string>; body?: unknown };

let rater: Promise<{ id: number; role: Role }> | undefined;
/** An editor who rates the claims others approve, so four eyes never gets in the way here. */
async function theRater() {
  rater ??= makeUser("editor", "Rater");
  return rater;
}

async function freshClaim(extra: Record<string, unknown> = {}) {
  const author = await theRater();
  const article = await makeArticle(author);
  return createClaim({ actor: author, input: { ...claimInput(article.id, SAMPLE_BODY, QUOTE), ...extra } });
}

const on = (id: number, suffix = "") => ({ path: `/claims/${id}${suffix}`, params: { id: String(id) } });

/** For each authenticated endpoint: its handler, a request that succeeds for an allowed role, and the success status. */
const CASES: Record<string, { handler: RouteHandler; request: () => Promise<Request>; ok: number }> = {
  listArticles: {
    handler: listArticles,
    ok: 200,
    request: async () => ({ method: "GET", path: "/articles" }),
  },
  createArticle: {
    handler: postArticle,
    ok: 201,
    request: async () => ({ method: "POST", path: "/articles", body: { title: "New", body: SAMPLE_BODY } }),
  },
  getArticle: {
    handler: getArticle,
    ok: 200,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return { method: "GET", path: `/articles/${id}`, params: { id: String(id) } };
    },
  },
  exportArticle: {
    handler: exportArticle,
    ok: 200,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return { method: "GET", path: `/articles/${id}/export?format=csv`, params: { id: String(id) } };
    },
  },
  suggest: {
    handler: suggest,
    ok: 200,
    request: async () => ({ method: "POST", path: "/suggest", body: { text: SAMPLE_BODY, language: "fr" } }),
  },
  createClaim: {
    handler: postClaim,
    ok: 201,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return {
        method: "POST",
        path: `/articles/${id}/claims`,
        params: { id: String(id) },
        body: { quote: QUOTE, statement: "s" },
      };
    },
  },
  getClaim: {
    handler: getClaim,
    ok: 200,
    request: async () => ({ method: "GET", ...on((await freshClaim()).id) }),
  },
  updateClaim: {
    handler: patchClaim,
    ok: 200,
    request: async () => {
      const claim = await freshClaim();
      return { method: "PATCH", ...on(claim.id), body: { version: claim.version, statement: "changed" } };
    },
  },
  deleteClaim: {
    handler: deleteClaim,
    ok: 204,
    request: async () => {
      const claim = await freshClaim();
      return { method: "DELETE", ...on(claim.id), body: { version: claim.version } };
    },
  },
  submitClaim: {
    handler: submit,
    ok: 200,
    request: async () => ({
      method: "POST",
      ...on((await freshClaim({ verdict: "confirmed" })).id, "/submit"),
    }),
  },
  approveClaim: {
    handler: approve,
    ok: 200,
    request: async () => ({
      method: "POST",
      ...(await (async () => {
        const claim = await freshClaim({ verdict: "confirmed", submit: true });
        return { ...on(claim.id, "/approve"), body: { version: claim.version } };
      })()),
    }),
  },
  returnClaim: {
    handler: returnClaim,
    ok: 200,
    request: async () => ({
      method: "POST",
      ...(await (async () => {
        const claim = await freshClaim({ verdict: "confirmed", submit: true });
        return { ...on(claim.id, "/return"), body: { note: "Which source?", version: claim.version } };
      })()),
    }),
  },
  listQueue: { handler: getQueue, ok: 200, request: async () => ({ method: "GET", path: "/queue" }) },
};

const AUTHED = Object.entries(endpoints).filter(([, e]) => e.auth);

/** Everything a call could have written. */
async function footprint() {
  const db = getDb();
  return {
    articles: await countRows(db, articles),
    claims: await countRows(db, claims),
    events: await countRows(db, claimEvents),
    rows: JSON.stringify(await db.select().from(claims)),
  };
}

let tokens: Promise<Record<Role, string>> | undefined;
async function roleTokens() {
  tokens ??= (async () => {
    const entries = await Promise.all(
      ROLES.map(async (role) => [role, (await makeTokenUser(role)).token] as const),
    );
    return Object.fromEntries(entries) as Record<Role, string>;
  })();
  return tokens;
}

describe("access to every endpoint", () => {
  it("has a case for every authenticated endpoint", () => {
    expect(Object.keys(CASES).sort()).toEqual(AUTHED.map(([name]) => name).sort());
  });

  for (const [name, endpoint] of AUTHED) {
    const { handler, request, ok } = CASES[name]!;

    it(`${name}: refuses anonymous, malformed, revoked and deactivated callers with 401 and changes nothing`, async () => {
      const revoked = await makeTokenUser("admin");
      await revokeToken({ actor: revoked, id: revoked.tokenId });
      const gone = await makeTokenUser("admin");
      await deactivate(gone.id);
      const req = await request();
      const before = await footprint();
      const callers: { label: string; headers?: Record<string, string>; token?: string }[] = [
        { label: "anonymous" },
        { label: "basic", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } },
        { label: "garbage", token: "cd_00000000_not-a-real-token-not-a-real-token-not-a-real-to" },
        { label: "revoked", token: revoked.token },
        { label: "deactivated", token: gone.token },
      ];
      for (const caller of callers) {
        const res = await call(handler, { ...req, token: caller.token, headers: caller.headers });
        expect(res.status, caller.label).toBe(401);
        expect(res.headers.get("www-authenticate"), caller.label).toMatch(/^Bearer realm="claim-desk"/);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(apiProblemSchema.parse(res.json)).toMatchObject({ status: 401, code: "unauthenticated" });
      }
      expect(await footprint()).toEqual(before);
    });

    for (const role of ROLES) {
      const allowed = !endpoint.permission || hasPermission(role, endpoint.permission);
      it(`${name}: ${allowed ? `answers ${ok}` : "refuses with 403 and changes nothing"} for ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`, async () => {
        const token = (await roleTokens())[role];
        const req = await request();
        const before = await footprint();
        const res = await call(handler, { ...req, token });
        if (allowed) {
          expect(res.status, res.text).toBe(ok);
        } else {
          expect(res.status).toBe(403);
          expect(apiProblemSchema.parse(res.json)).toMatchObject({ status: 403, code: "forbidden" });
          expect(await footprint()).toEqual(before);
        }
      });
    }
  }
});

describe("tokens over the API", () => {
  it("act with the owner's role as it is now", async () => {
    const promoted = await makeTokenUser("editor");
    const claim = await freshClaim({ verdict: "confirmed", submit: true });
    expect(
      (
        await call(approve, {
          method: "POST",
          token: promoted.token,
          ...on(claim.id, "/approve"),
          body: { version: claim.version },
        })
      ).status,
    ).toBe(403);
    await getDb().update(users).set({ role: "reviewer" }).where(eq(users.id, promoted.id));
    expect(
      (
        await call(approve, {
          method: "POST",
          token: promoted.token,
          ...on(claim.id, "/approve"),
          body: { version: claim.version },
        })
      ).status,
    ).toBe(200);
  });

  it("stop working the moment they are revoked or their owner is deactivated", async () => {
    const owner = await makeTokenUser("editor");
    expect((await call(listArticles, { path: "/articles", token: owner.token })).status).toBe(200);
    const used = (await getDb().select().from(apiTokens).where(eq(apiTokens.id, owner.tokenId)).limit(1))[0];
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    await deactivate(owner.id);
    const refused = await call(listArticles, { path: "/articles", token: owner.token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="claim-desk", error="invalid_token"');
  });
});

describe("rate limit", () => {
  const saved = process.env.API_RATE_LIMIT_PER_MINUTE;
  afterEach(() => {
    if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
    else process.env.API_RATE_LIMIT_PER_MINUTE = saved;
  });

  it("answers 429 with Retry-After beyond the limit of a token, and counts each token on its own", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    const busy = await makeTokenUser("editor");
    const calm = await makeTokenUser("editor");
    for (let i = 0; i < 3; i++)
      expect((await call(listArticles, { path: "/articles", token: busy.token })).status).toBe(200);
    const limited = await call(listArticles, { path: "/articles", token: busy.token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(apiProblemSchema.parse(limited.json)).toMatchObject({
      status: 429,
      code: "rate_limited",
      retryAfter,
    });
    expect((await call(listArticles, { path: "/articles", token: calm.token })).status).toBe(200);
  });
});

describe("GET /api/v1/health", () => {
  it("answers 200 without a token when the database answers", async () => {
    const res = await call(health, { path: "/health" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 as problem details when the database cannot be opened", async () => {
    const file = process.env.DATABASE_PATH!;
    const url = process.env.DATABASE_URL;
    if (url) {
      // A database that does not exist on the server: connecting fails.
      const missing = new URL(url);
      missing.pathname = "/no_such_database";
      process.env.DATABASE_URL = missing.toString();
    } else {
      // A directory is not a database file: opening it fails.
      process.env.DATABASE_PATH = file.slice(0, file.lastIndexOf("/"));
    }
    try {
      const res = await call(health, { path: "/health" });
      expect(res.status).toBe(503);
      expect(apiProblemSchema.parse(res.json)).toMatchObject({ status: 503, code: "unavailable" });
    } finally {
      process.env.DATABASE_PATH = file;
      if (url) process.env.DATABASE_URL = url;
    }
    expect((await call(health, { path: "/health" })).status).toBe(200);
  });
});
