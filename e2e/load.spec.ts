// Load: 50 clients for 30 seconds through the HTTP API on loopback, each with its own token. Editors'
// clients create, rate and submit claims; reviewers' clients approve them from the queue. No answer
// may be a 5xx or carry SQLITE_BUSY, and since nothing crashes every request gets an answer, so
// the claim_events table must match the acknowledged actions exactly: one event of the matching
// type, by the acting account, per acknowledged create / rate / submit / approve, and nothing else.
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { freshDatabase, prepareDatabase, startServer } from "./own-server";

const PORT = Number(process.env.E2E_LOAD_PORT ?? 3191);
const DURATION_MS = 30_000;
/** A ceiling on requests besides the time, so the test stays bounded on a fast machine. */
const MAX_REQUESTS = 100_000;
const EDITOR_ACCOUNTS = 5;
const EDITOR_TOKENS = 6; // 30 editor clients
const REVIEWER_ACCOUNTS = 4; // three reviewers and an admin
const REVIEWER_TOKENS = 5; // 20 reviewer clients
/** Share of approvals aimed at any claim of the queue instead of the client's own share: rare races. */
const STRAY_APPROVALS = 0.05;
const BODY =
  "The regional health agency says waiting times fell by a third in 2025.\n\n" +
  "The hospital union disputes the figure. The ministry did not comment.";
const QUOTE = "The regional health agency says waiting times fell by a third in 2025.";
const VERDICTS = [
  { verdict: "confirmed" },
  { verdict: "disputed", verdictNote: "The union's own count differs." },
  { verdict: "uncommented", silentParty: "the ministry" },
] as const;
const BUSY = /SQLITE_BUSY|database is locked/i;

type Action = "created" | "rated" | "submitted" | "approved";

test.describe.configure({ mode: "serial" });

test("50 clients rate, submit and approve for 30 s: no 5xx, no SQLITE_BUSY, events match exactly", async () => {
  test.setTimeout(300_000);
  const db = freshDatabase("load");
  const accounts = await prepareDatabase(db.file, [
    ...Array.from({ length: EDITOR_ACCOUNTS }, () => ({ role: "editor" as const, tokens: EDITOR_TOKENS })),
    ...Array.from({ length: REVIEWER_ACCOUNTS - 1 }, () => ({
      role: "reviewer" as const,
      tokens: REVIEWER_TOKENS,
    })),
    { role: "admin", tokens: REVIEWER_TOKENS },
  ]);
  const editors = accounts.filter((a) => a.role === "editor");
  const reviewers = accounts.filter((a) => a.role !== "editor");
  const server = await startServer({
    port: PORT,
    databasePath: db.file,
    // This spec counts the four review events exactly; the right of reply (a request or a
    // not-contacted note per uncommented claim) is tested in e2e/reply.spec.ts: opted out here.
    env: { API_RATE_LIMIT_PER_MINUTE: "100000", RIGHT_OF_REPLY: "advisory" },
  });
  try {
    const base = `${server.baseUrl}/api/v1`;
    /** Acknowledged actions per claim id: type and acting account. */
    const acknowledged = new Map<number, { type: Action; actorId: number }[]>();
    const counts = { requests: 0, created: 0, rated: 0, submitted: 0, approved: 0, articles: 0 };
    const refusals = new Map<string, number>();
    const failures: string[] = [];
    let serverErrors = 0;
    let busy = 0;
    const latencies: number[] = [];
    const deadline = Date.now() + DURATION_MS;

    function acknowledge(claimId: number, type: Action, actorId: number) {
      acknowledged.set(claimId, [...(acknowledged.get(claimId) ?? []), { type, actorId }]);
      counts[type]++;
    }

    /** One request; every answer is looked at. `refusable` lists the 4xx codes that are legitimate. */
    async function call(
      token: string,
      method: string,
      url: string,
      body?: unknown,
      refusable: string[] = [],
    ): Promise<{ status: number; json: Record<string, unknown> } | null> {
      counts.requests++;
      const began = performance.now();
      try {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(120_000),
        });
        const text = await response.text();
        latencies.push(performance.now() - began);
        if (BUSY.test(text)) busy++;
        if (response.status >= 500) serverErrors++;
        const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
        if (response.ok) return { status: response.status, json };
        const code = String(json.code);
        if (refusable.includes(code)) {
          const kind = `${method} ${url.replace(/\d+/g, "{id}")} ${response.status} ${code}`;
          refusals.set(kind, 1 + (refusals.get(kind) ?? 0));
          return { status: response.status, json };
        }
        failures.push(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
      } catch (error) {
        failures.push(`${method} ${url}: no answer: ${String(error)}`);
      }
      return null;
    }

    const running = () => Date.now() < deadline && counts.requests < MAX_REQUESTS && failures.length === 0;

    async function editorClient(token: string, actorId: number, client: number) {
      let articleId = 0;
      for (let n = 0; running(); n++) {
        if (n % 20 === 0) {
          const article = await call(token, "POST", "/articles", {
            title: `load client ${client} article ${n / 20 + 1}`,
            language: "en",
            body: BODY,
          });
          if (!article) return;
          counts.articles++;
          articleId = article.json.id as number;
        }
        const created = await call(token, "POST", `/articles/${articleId}/claims`, {
          quote: QUOTE,
          statement: `Waiting times fell by a third (client ${client}, claim ${n + 1}).`,
          speaker: "the regional health agency",
        });
        if (!created) return;
        const id = created.json.id as number;
        acknowledge(id, "created", actorId);
        if (!running()) return;
        const rated = await call(token, "PATCH", `/claims/${id}`, {
          version: created.json.version,
          ...VERDICTS[n % VERDICTS.length],
        });
        if (!rated) return;
        acknowledge(id, "rated", actorId);
        if (!running()) return;
        const submitted = await call(token, "POST", `/claims/${id}/submit`, { version: rated.json.version });
        if (!submitted) return;
        acknowledge(id, "submitted", actorId);
      }
    }

    async function reviewerClient(token: string, actorId: number, share: number, shares: number) {
      for (let n = 0; running(); n++) {
        const page = await call(token, "GET", "/queue?limit=100");
        if (!page) return;
        const items = page.json.items as { id: number; version: number }[];
        const mine = items.filter((item) => item.id % shares === share);
        const pick =
          Math.random() < STRAY_APPROVALS ? items[Math.floor(Math.random() * items.length)] : mine[0];
        if (!pick) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        // Two reviewers on one claim: one approves, the other is told it is already approved.
        const approved = await call(token, "POST", `/claims/${pick.id}/approve`, { version: pick.version }, [
          "wrong_stage",
          "conflict",
        ]);
        if (!approved) return;
        if (approved.status === 200) acknowledge(pick.id, "approved", actorId);
      }
    }

    const clients = [
      ...editors.flatMap((account, a) =>
        account.tokens.map((token, t) => editorClient(token, account.id, a * EDITOR_TOKENS + t + 1)),
      ),
      ...reviewers.flatMap((account, a) =>
        account.tokens.map((token, t) =>
          reviewerClient(token, account.id, a * REVIEWER_TOKENS + t, REVIEWER_ACCOUNTS * REVIEWER_TOKENS),
        ),
      ),
    ];
    expect(clients).toHaveLength(50);
    const began = Date.now();
    await Promise.all(clients);
    const elapsed = Date.now() - began;

    expect(failures, "answers other than 2xx and legitimate refusals").toEqual([]);
    expect(serverErrors, "5xx answers").toBe(0);
    expect(busy, "answers carrying SQLITE_BUSY").toBe(0);
    expect(server.output(), "server log").not.toMatch(BUSY);

    // Every request has been answered: the events must be exactly the acknowledged actions.
    const sqlite = new Database(db.file, { readonly: true, fileMustExist: true });
    let events: { claimId: number; type: string; actorId: number }[];
    let stored: { id: number; stage: string; version: number }[];
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      events = sqlite
        .prepare("SELECT claim_id AS claimId, type, actor_id AS actorId FROM claim_events ORDER BY id")
        .all() as typeof events;
      stored = sqlite.prepare("SELECT id, stage, version FROM claims").all() as typeof stored;
    } finally {
      sqlite.close();
    }
    const ORDER = ["created", "rated", "submitted", "approved"];
    const key = (e: { type: string; actorId: number }) =>
      `${ORDER.indexOf(e.type)} ${e.type} by ${e.actorId}`;
    const expected = new Map([...acknowledged].map(([id, list]) => [id, list.map(key).sort()]));
    const actual = new Map<number, string[]>();
    for (const event of events) actual.set(event.claimId, [...(actual.get(event.claimId) ?? []), key(event)]);
    for (const list of actual.values()) list.sort();
    // Per claim, as a multiset: the order in which two clients hear their answers is not the order of
    // the commits.
    expect(new Set(actual.keys()), "claims with events").toEqual(new Set(expected.keys()));
    for (const [id, list] of expected) expect(actual.get(id), `events of claim ${id}`).toEqual(list);
    const acknowledgedActions = counts.created + counts.rated + counts.submitted + counts.approved;
    expect(events.length).toBe(acknowledgedActions);
    expect(counts.approved).toBeGreaterThan(0);

    // And the claims themselves are where the acknowledged actions left them.
    expect(stored.length).toBe(counts.created);
    for (const claim of stored) {
      const types = (acknowledged.get(claim.id) ?? []).map((a) => a.type);
      expect(claim.version, `version of claim ${claim.id}`).toBe(types.length);
      const stage = types.includes("approved")
        ? "approved"
        : types.includes("submitted")
          ? "in_review"
          : "draft";
      expect(claim.stage, `stage of claim ${claim.id}`).toBe(stage);
    }

    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    const conflicts = [...refusals.values()].reduce((sum, n) => sum + n, 0);
    const summary =
      `Load: 50 clients × ${Math.round(elapsed / 1000)} s: ${counts.requests} requests ` +
      `(p50 ${at(0.5)} ms, p95 ${at(0.95)} ms), ${counts.created} / ${counts.rated} / ${counts.submitted} / ` +
      `${counts.approved} acknowledged creates / ratings / submits / approvals, ${conflicts} approvals refused ` +
      `as already approved, ${serverErrors} 5xx, ${busy} SQLITE_BUSY, ${events.length} events match exactly`;
    console.log(summary);
    test.info().annotations.push({ type: "summary", description: summary });
  } finally {
    await server.kill("SIGTERM");
    db.remove();
  }
});
