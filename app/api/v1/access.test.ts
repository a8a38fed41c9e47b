// Every authenticated endpoint × every kind of caller: anonymous, a malformed header, a revoked
// token, a deactivated owner, and each role. Refused calls must change nothing.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { apiTokens, articles, claimEvents, claims, outbox, users, webhooks } from "@/lib/data/tables";
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
import { POST as archive } from "./articles/[id]/archives/route";
import { POST as uploadDocument } from "./articles/[id]/documents/route";
import { POST as setOwner } from "./articles/[id]/owner/route";
import { GET as listRevisions, POST as postRevision } from "./articles/[id]/revisions/route";
import { GET as versionFile } from "./articles/[id]/versions/[number]/route";
import { GET as listVersions } from "./articles/[id]/versions/route";
import { POST as assign } from "./claims/[id]/assign/route";
import { POST as recordReply } from "./claims/[id]/comment-requests/[request]/reply/route";
import { GET as listRequests, POST as postRequest } from "./claims/[id]/comment-requests/route";
import { PATCH as editMessage } from "./claims/[id]/messages/[message]/route";
import { GET as listMessages, POST as postMessage } from "./claims/[id]/messages/route";
import { GET as downloadFile } from "./files/[id]/route";
import { GET as listWebhookDeliveries } from "./webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook, GET as getWebhook, PATCH as updateWebhook } from "./webhooks/[id]/route";
import { POST as setWebhookSecret } from "./webhooks/[id]/secret/route";
import { POST as testWebhook } from "./webhooks/[id]/test/route";
import { GET as listWebhooks, POST as createWebhook } from "./webhooks/route";
import { createWebhook as registerWebhook } from "@/lib/data/webhooks";
import { approveClaim } from "@/lib/data/claims";
import { createCommentRequest } from "@/lib/data/comment-requests";
import { uploadDocument as keepDocument } from "@/lib/data/evidence";
import { publishSummary } from "@/lib/data/publish";
import { addMessage } from "@/lib/data/threads";
import { startServer, type TestServer } from "@/lib/intake/test-server";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";

type Request = {
  method: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
};

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
const BOUNDARY = "access-test-boundary";

/** The account a role's token belongs to (roleTokens), for what only the author may do. */
async function roleUser(role: Role | undefined): Promise<{ id: number; role: Role }> {
  return role ? (await roleAccounts())[role] : theRater();
}

/** A verified article with one published version. */
async function publishedArticle(): Promise<number> {
  const claim = await freshClaim({ verdict: "confirmed", submit: true });
  const reviewer = await makeUser("reviewer", "Publisher");
  await approveClaim({ actor: reviewer, id: claim.id, version: claim.version });
  await publishSummary({ actor: reviewer, articleId: claim.articleId, channel: "app" });
  return claim.articleId;
}

let page: Promise<TestServer> | undefined;
/** A page on a local server to archive. */
async function pageToArchive(): Promise<string> {
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
  page ??= startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Communiqué</title><p>Le ministère confirme.</p>");
  });
  return `${(await page).origin}/communique`;
}

async function askedFor(claimId: number) {
  const at = Date.now();
  return createCommentRequest({
    actor: await theRater(),
    input: {
      claimId,
      party: "Kyiv",
      channel: "email",
      askedAt: new Date(at - 3_600_000).toISOString(),
      deadline: new Date(at + 3_600_000).toISOString(),
    },
    now: new Date(at),
  });
}

/** A webhook to a name that resolves nowhere (accepted, never reached), made by an admin. */
let hookAdmin: ReturnType<typeof makeUser> | undefined;
async function freshWebhook(): Promise<number> {
  hookAdmin ??= makeUser("admin", "Hook admin");
  const { webhook } = await registerWebhook({
    actor: await hookAdmin,
    input: { url: "https://cms.example.invalid/hook", events: ["claim.approved"] },
  });
  return webhook.id;
}

const hook = (id: number, suffix = "") => ({ path: `/webhooks/${id}${suffix}`, params: { id: String(id) } });

const CASES: Record<
  string,
  { handler: RouteHandler; request: (role?: Role) => Promise<Request>; ok: number }
> = {
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
  listSummaryVersions: {
    handler: listVersions,
    ok: 200,
    request: async () => {
      const id = await publishedArticle();
      return { method: "GET", path: `/articles/${id}/versions`, params: { id: String(id) } };
    },
  },
  getSummaryVersionFile: {
    handler: versionFile,
    ok: 200,
    request: async () => {
      const id = await publishedArticle();
      return {
        method: "GET",
        path: `/articles/${id}/versions/1?format=md`,
        params: { id: String(id), number: "1" },
      };
    },
  },
  listRevisions: {
    handler: listRevisions,
    ok: 200,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return { method: "GET", path: `/articles/${id}/revisions`, params: { id: String(id) } };
    },
  },
  createRevision: {
    handler: postRevision,
    ok: 201,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return {
        method: "POST",
        path: `/articles/${id}/revisions`,
        params: { id: String(id) },
        body: { body: `${SAMPLE_BODY}\n\nMis à jour à 09h42.` },
      };
    },
  },
  listCommentRequests: {
    handler: listRequests,
    ok: 200,
    request: async () => ({ method: "GET", ...on((await freshClaim()).id, "/comment-requests") }),
  },
  createCommentRequest: {
    handler: postRequest,
    ok: 201,
    request: async () => {
      const at = Date.now();
      return {
        method: "POST",
        ...on((await freshClaim()).id, "/comment-requests"),
        body: {
          party: "Kyiv",
          channel: "email",
          askedAt: new Date(at - 3_600_000).toISOString(),
          deadline: new Date(at + 3_600_000).toISOString(),
        },
      };
    },
  },
  recordReply: {
    handler: recordReply,
    ok: 200,
    request: async () => {
      const claim = await freshClaim();
      const asked = await askedFor(claim.id);
      return {
        method: "POST",
        path: `/claims/${claim.id}/comment-requests/${asked.id}/reply`,
        params: { id: String(claim.id), request: String(asked.id) },
        body: { outcome: "declined", repliedAt: new Date().toISOString(), channel: "phone" },
      };
    },
  },
  listMessages: {
    handler: listMessages,
    ok: 200,
    request: async () => ({ method: "GET", ...on((await freshClaim()).id, "/messages") }),
  },
  postMessage: {
    handler: postMessage,
    ok: 201,
    request: async () => ({
      method: "POST",
      ...on((await freshClaim()).id, "/messages"),
      body: { body: "Which source?" },
    }),
  },
  editMessage: {
    handler: editMessage,
    ok: 200,
    // Only its author edits a message: the caller's own.
    request: async (role) => {
      const claim = await freshClaim();
      const { message } = await addMessage({
        actor: await roleUser(role),
        input: { claimId: claim.id, body: "Which source?" },
      });
      return {
        method: "PATCH",
        path: `/claims/${claim.id}/messages/${message.id}`,
        params: { id: String(claim.id), message: String(message.id) },
        body: { body: "Which source, please?" },
      };
    },
  },
  assignClaim: {
    handler: assign,
    ok: 200,
    request: async () => {
      const claim = await freshClaim({ verdict: "confirmed", submit: true });
      const assignee = await makeUser("reviewer", "Assignee");
      return { method: "POST", ...on(claim.id, "/assign"), body: { assigneeId: assignee.id } };
    },
  },
  setArticleOwner: {
    handler: setOwner,
    ok: 200,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      const owner = await makeUser("editor", "Owner");
      return {
        method: "POST",
        path: `/articles/${id}/owner`,
        params: { id: String(id) },
        body: { ownerId: owner.id },
      };
    },
  },
  uploadDocument: {
    handler: uploadDocument,
    ok: 201,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return {
        method: "POST",
        path: `/articles/${id}/documents`,
        params: { id: String(id) },
        headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        body: [
          `--${BOUNDARY}`,
          'Content-Disposition: form-data; name="file"; filename="call-notes.txt"',
          "Content-Type: text/plain",
          "",
          "Appel au service de presse, 19/07 : pas de commentaire.",
          `--${BOUNDARY}--`,
          "",
        ].join("\r\n"),
      };
    },
  },
  archiveWebPage: {
    handler: archive,
    ok: 201,
    request: async () => {
      const { id } = await makeArticle(await theRater());
      return {
        method: "POST",
        path: `/articles/${id}/archives`,
        params: { id: String(id) },
        body: { url: await pageToArchive() },
      };
    },
  },
  downloadFile: {
    handler: downloadFile,
    ok: 200,
    request: async () => {
      const { id: articleId } = await makeArticle(await theRater());
      const file = await keepDocument({
        actor: await theRater(),
        articleId,
        name: "notes.txt",
        bytes: new TextEncoder().encode("Notes of the call."),
      });
      return { method: "GET", path: `/files/${file.id}`, params: { id: String(file.id) } };
    },
  },
  listWebhooks: {
    handler: listWebhooks,
    ok: 200,
    request: async () => ({ method: "GET", path: "/webhooks" }),
  },
  createWebhook: {
    handler: createWebhook,
    ok: 201,
    request: async () => ({
      method: "POST",
      path: "/webhooks",
      body: { url: "https://cms.example.invalid/new", events: ["article.verified"] },
    }),
  },
  getWebhook: {
    handler: getWebhook,
    ok: 200,
    request: async () => ({ method: "GET", ...hook(await freshWebhook()) }),
  },
  updateWebhook: {
    handler: updateWebhook,
    ok: 200,
    request: async () => ({ method: "PATCH", ...hook(await freshWebhook()), body: { active: false } }),
  },
  deleteWebhook: {
    handler: deleteWebhook,
    ok: 204,
    request: async () => ({ method: "DELETE", ...hook(await freshWebhook()) }),
  },
  setWebhookSecret: {
    handler: setWebhookSecret,
    ok: 200,
    request: async () => ({ method: "POST", ...hook(await freshWebhook(), "/secret") }),
  },
  testWebhook: {
    handler: testWebhook,
    ok: 200,
    request: async () => ({ method: "POST", ...hook(await freshWebhook(), "/test") }),
  },
  listWebhookDeliveries: {
    handler: listWebhookDeliveries,
    ok: 200,
    request: async () => ({ method: "GET", ...hook(await freshWebhook(), "/deliveries") }),
  },
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
    webhooks: JSON.stringify(await db.select().from(webhooks)),
    outbox: await countRows(db, outbox),
  };
}

let accounts: Promise<Record<Role, { id: number; role: Role; token: string }>> | undefined;
async function roleAccounts() {
  accounts ??= (async () => {
    const entries = await Promise.all(ROLES.map(async (role) => [role, await makeTokenUser(role)] as const));
    return Object.fromEntries(entries) as unknown as Record<Role, { id: number; role: Role; token: string }>;
  })();
  return accounts;
}

async function roleTokens(): Promise<Record<Role, string>> {
  const all = await roleAccounts();
  return Object.fromEntries(ROLES.map((role) => [role, all[role].token])) as Record<Role, string>;
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
        const req = await request(role);
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
