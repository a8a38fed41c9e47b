// Two app processes on one database, as `npm start` runs them with WEB_CONCURRENCY=2 or as two
// machines behind a load balancer: nothing one process keeps in memory may make the other wrong.
// A write through one is seen at once through the other (the header's queue count and the speaker
// list, both kept until the next write), a rate limit reached through one holds on the other, and
// 50 clients spread over both, editing and approving the same claims, lose no update and leave
// exactly one event per acknowledged action. On SQLite (one file) and, with E2E_DB=postgres, on one
// PostgreSQL database (scripts/e2e.sh runs it so).
import { expect, test } from "./fixtures";
import { selectText } from "./helpers";
import { freshDeskDatabase, prepareDatabase, startServer, type OwnServer } from "./own-server";

const PORT_A = Number(process.env.E2E_PROCESSES_PORT ?? 3195);
const PORT_B = PORT_A + 1;
const PASSWORD = "processes-password-1";
const BODY =
  "The port authority says container traffic rose by 12% in 2025.\n\n" +
  "The dockers' union disputes the figure. The ministry did not comment.";
const QUOTE = "The port authority says container traffic rose by 12% in 2025.";

test.describe.configure({ mode: "serial" });

type Json = Record<string, unknown>;

async function api(server: OwnServer, token: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api/v1${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Json };
}

test("a write through one process is seen at once through the other; a rate limit holds on both", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const db = await freshDeskDatabase("processes");
  const [editor, reviewer] = await prepareDatabase(db, [
    { role: "editor", tokens: 1 },
    { role: "reviewer", tokens: 1, password: PASSWORD },
  ]);
  const env = { ...db.env, API_RATE_LIMIT_PER_MINUTE: "8" };
  const [a, b] = await Promise.all([
    startServer({ port: PORT_A, databasePath: db.file, env }),
    startServer({ port: PORT_B, databasePath: db.file, env }),
  ]);
  try {
    const token = editor!.tokens[0]!;
    const article = await api(a, token, "POST", "/articles", {
      title: "Port traffic",
      language: "en",
      body: BODY,
    });
    expect(article.status).toBe(201);
    const first = await api(a, token, "POST", `/articles/${article.json.id}/claims`, {
      quote: QUOTE,
      statement: "Container traffic rose by 12% in 2025.",
      speaker: "the port authority",
    });
    expect(first.status).toBe(201);

    // The reviewer works on B, which reads (and keeps) the queue count and the speaker list.
    await page.goto(`${b.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(reviewer!.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toHaveText("reviewer 2");
    await expect(page.getByTestId("queue-count")).toHaveText("0");
    const speakers = page.locator("datalist option");
    await page.goto(`${b.baseUrl}/articles/${article.json.id}`);
    await selectText(page, "The dockers' union disputes the figure.");
    await page.getByTestId("add-claim-from-selection").click();
    await expect(speakers).toHaveCount(1);

    // The editor writes through A: a new speaker, and a claim sent to the queue.
    const second = await api(a, token, "POST", `/articles/${article.json.id}/claims`, {
      quote: "The dockers' union disputes the figure.",
      statement: "The union disputes the 12% figure.",
      speaker: "the dockers' union",
      verdict: "confirmed",
      submit: true,
    });
    expect(second.status).toBe(201);
    expect(second.json.stage).toBe("in_review");

    // B sees both at once: no stale count, no stale speaker list.
    await page.reload();
    await expect(page.getByTestId("queue-count")).toHaveText("1");
    await selectText(page, "The ministry did not comment.");
    await page.getByTestId("add-claim-from-selection").click();
    await expect(speakers).toHaveCount(2);
    await expect(page.locator('datalist option[value="the dockers\' union"]')).toHaveCount(1);

    // The same token's limit, counted through both processes: 8 a minute in all, not 8 each.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api(i % 2 ? b : a, token, "GET", "/queue")).status);
    // Three requests were made with this token already (the article and two claims): 5 more pass.
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
  } finally {
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    await db.remove();
  }
});

test("50 clients over two processes edit and approve the same claims: no lost update, one event per action", async () => {
  test.setTimeout(300_000);
  const db = await freshDeskDatabase("processes-load");
  const accounts = await prepareDatabase(db, [
    { role: "editor", tokens: 15 },
    { role: "editor", tokens: 15 },
    { role: "reviewer", tokens: 10 },
    { role: "admin", tokens: 10 },
  ]);
  const env = { ...db.env, API_RATE_LIMIT_PER_MINUTE: "100000" };
  const servers = await Promise.all([
    startServer({ port: PORT_A, databasePath: db.file, env }),
    startServer({ port: PORT_B, databasePath: db.file, env }),
  ]);
  try {
    const [setupEditor] = accounts;
    const setupToken = setupEditor!.tokens[0]!;
    const article = await api(servers[0]!, setupToken, "POST", "/articles", {
      title: "Shared claims",
      language: "en",
      body: BODY,
    });
    // Ten claims that every client works on at once.
    const claimIds: number[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await api(servers[i % 2]!, setupToken, "POST", `/articles/${article.json.id}/claims`, {
        quote: QUOTE,
        statement: `Traffic rose by 12% (claim ${i + 1}).`,
      });
      expect(created.status).toBe(201);
      claimIds.push(created.json.id as number);
    }
    const acknowledged: { claimId: number; type: string; actorId: number; version: number }[] = [];
    const failures: string[] = [];
    const deadline = Date.now() + 15_000;
    // On a slow or busy machine (PostgreSQL answers each write after a round trip), editors may send
    // every submitted claim back to draft before a reviewer gets to it: go on until one approval
    // was acknowledged, for at most a minute.
    const lastChance = Date.now() + 60_000;
    const approved = () => acknowledged.some((a) => a.type === "approved");
    const running = () =>
      failures.length === 0 && (Date.now() < deadline || (!approved() && Date.now() < lastChance));

    async function client(actorId: number, token: string, index: number, reviewer: boolean) {
      const server = servers[index % 2]!;
      for (let n = 0; running(); n++) {
        const id = claimIds[(index + n) % claimIds.length]!;
        const current = await api(server, token, "GET", `/claims/${id}`);
        if (current.status !== 200) {
          failures.push(`GET ${id}: ${current.status}`);
          return;
        }
        const version = current.json.version as number;
        const stage = current.json.stage as string;
        let answer;
        let type: string;
        if (reviewer && stage === "in_review") {
          type = "approved";
          answer = await api(server, token, "POST", `/claims/${id}/approve`, { version });
        } else if (!reviewer && stage === "draft" && current.json.verdict !== "unrated") {
          type = "submitted";
          answer = await api(server, token, "POST", `/claims/${id}/submit`, { version });
        } else if (!reviewer) {
          // Editing sends an approved or waiting claim back to draft, so the cycle goes on.
          type = n % 2 ? "rated" : "edited";
          answer = await api(server, token, "PATCH", `/claims/${id}`, {
            version,
            ...(type === "rated"
              ? {
                  verdict: current.json.verdict === "confirmed" ? "disputed" : "confirmed",
                  verdictNote: `n${n}`,
                }
              : { statement: `Traffic rose by 12% (edit ${index}.${n}).` }),
          });
        } else {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        if (answer.status === 200) {
          acknowledged.push({ claimId: id, type, actorId, version: answer.json.version as number });
        } else if (answer.status !== 409 && answer.status !== 403) {
          failures.push(`${type} ${id}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`);
        }
      }
    }

    const clients = accounts.flatMap((account, a) =>
      account.tokens.map((token, t) => client(account.id, token, a * 15 + t, account.role !== "editor")),
    );
    expect(clients).toHaveLength(50);
    await Promise.all(clients);
    expect(failures, "answers other than 2xx, conflicts and four-eyes refusals").toEqual([]);
    expect(acknowledged.filter((a) => a.type === "approved").length).toBeGreaterThan(0);

    const events = await db.rows<{ claimId: number; type: string; actorId: number }>(
      `SELECT claim_id AS "claimId", type, actor_id AS "actorId" FROM claim_events WHERE type <> 'created'`,
    );
    const stored = await db.rows<{ id: number; version: number }>("SELECT id, version FROM claims");
    // Exactly one event per acknowledged action, by the account that acted.
    const key = (e: { claimId: number; type: string; actorId: number }) =>
      `${e.claimId} ${e.type} ${e.actorId}`;
    expect(events.map(key).sort()).toEqual(acknowledged.map(key).sort());
    // No lost update: each acknowledged write got its own version, and the last is the claim's.
    for (const claim of stored) {
      const versions = acknowledged.filter((a) => a.claimId === claim.id).map((a) => a.version);
      expect(new Set(versions).size, `versions of claim ${claim.id}`).toBe(versions.length);
      expect(claim.version, `version of claim ${claim.id}`).toBe(1 + versions.length);
    }
    console.log(
      `Two processes (${db.dialect}): ${acknowledged.length} acknowledged actions on 10 shared claims, ${events.length} events`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.kill("SIGTERM")));
    await db.remove();
  }
});
