// Crash safety: a stream of writes through the HTTP API, the server killed with SIGKILL in the middle
// of it, restarted on the same file. Every write the API acknowledged (a 2xx received) must be there,
// in full, and the database must pass SQLite's integrity check. Writes in flight at the kill may or
// may not have landed, but only whole: a claim is at the version of its last acknowledged write or
// of the one in flight, with exactly the events of those writes. With E2E_DB=postgres the same on
// a PostgreSQL database (scripts/e2e.sh runs it so): the app is killed, PostgreSQL keeps running.
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import {
  freshDeskDatabase,
  prepareDatabase,
  processGroupIsGone,
  startServer,
  type OwnServer,
} from "./own-server";

const PORT = Number(process.env.E2E_CRASH_PORT ?? 3190);
const WRITERS = 8;
const BODY =
  "The city council says it will open three new libraries next year.\n\n" +
  "The mayor's office did not comment on the cost.";
const QUOTE = "The city council says it will open three new libraries next year.";
const CLAIMS_PER_ARTICLE = 10;

/** The steps every claim goes through, one request each: its version after step i is i + 1. */
const STEPS = ["created", "rated", "submitted"] as const;

type Write =
  { kind: "article"; marker: string } | { kind: "claim"; marker: string; step: number; claimId?: number };

type ClaimRecord = { marker: string; id?: number; acked: number; inFlight: number | null };

test.describe.configure({ mode: "serial" });

test("writes acknowledged before a SIGKILL are all there after a restart, and the database is intact", async () => {
  test.setTimeout(240_000);
  const db = await freshDeskDatabase("crash");
  const [editor] = await prepareDatabase(db, [{ role: "editor", tokens: WRITERS }]);
  let server: OwnServer | undefined = await startServer({ port: PORT, databasePath: db.file, env: db.env });
  try {
    const base = `${server.baseUrl}/api/v1`;
    const articles = new Map<string, { acked: boolean; inFlight: boolean }>();
    const claims = new Map<string, ClaimRecord>();
    let acknowledged = 0;
    let inFlight = 0;
    let killed = false;
    const wrongAnswers: string[] = [];

    /** One write; true when acknowledged. A failure after the kill ends the writer. */
    async function write(token: string, what: Write, method: string, url: string, body?: unknown) {
      inFlight++;
      let status = 0;
      let json: unknown;
      try {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        status = response.status;
        json = await response.json().catch(() => undefined);
      } catch (error) {
        if (!killed) wrongAnswers.push(`${method} ${url}: ${String(error)}`);
      } finally {
        inFlight--;
      }
      const ok = status >= 200 && status < 300;
      if (ok) {
        acknowledged++;
        if (what.kind === "article") articles.get(what.marker)!.acked = true;
        else claims.get(what.marker)!.acked = what.step + 1;
      } else if (status !== 0) {
        if (!killed) wrongAnswers.push(`${method} ${url}: ${status} ${JSON.stringify(json)}`);
      }
      return { ok, json: json as { id: number; version: number } | undefined };
    }

    async function writer(w: number, token: string) {
      for (let a = 1; !killed; a++) {
        const title = `crash w${w} a${a}`;
        articles.set(title, { acked: false, inFlight: true });
        const article = await write(token, { kind: "article", marker: title }, "POST", "/articles", {
          title,
          language: "en",
          body: BODY,
        });
        // A request the kill left unanswered stays in flight: it may or may not have landed.
        if (!article.ok || !article.json) return;
        articles.get(title)!.inFlight = false;
        for (let c = 1; c <= CLAIMS_PER_ARTICLE && !killed; c++) {
          const marker = `crash w${w} a${a} c${c}`;
          const record: ClaimRecord = { marker, acked: 0, inFlight: 0 };
          claims.set(marker, record);
          const requests = [
            () =>
              write(
                token,
                { kind: "claim", marker, step: 0 },
                "POST",
                `/articles/${article.json!.id}/claims`,
                {
                  quote: QUOTE,
                  statement: marker,
                  speaker: "the city council",
                },
              ),
            (id: number, version: number) =>
              write(token, { kind: "claim", marker, step: 1, claimId: id }, "PATCH", `/claims/${id}`, {
                version,
                verdict: "confirmed",
                verdictNote: `rated ${marker}`,
              }),
            (id: number, version: number) =>
              write(token, { kind: "claim", marker, step: 2, claimId: id }, "POST", `/claims/${id}/submit`, {
                version,
              }),
          ];
          let id = 0;
          let version = 0;
          for (const [step, request] of requests.entries()) {
            if (killed) return;
            record.inFlight = step + 1;
            const result = await request(id, version);
            if (!result.ok || !result.json) return;
            record.inFlight = null;
            id = result.json.id;
            version = result.json.version;
            record.id = id;
          }
        }
      }
    }

    const started = Date.now();
    const writers = editor!.tokens.map((token, w) => writer(w + 1, token));
    // Kill somewhere between 1.5 and 4 s into the stream, once it is well under way.
    const killAfter = 1_500 + Math.floor(Math.random() * 2_500);
    while (Date.now() - started < killAfter || acknowledged < 100) {
      expect(wrongAnswers, "answers before the kill").toEqual([]);
      expect(Date.now() - started, "100 writes acknowledged within 60 s").toBeLessThan(60_000);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
    const inFlightAtKill = inFlight;
    const killedAt = Date.now() - started;
    killed = true;
    await server.kill("SIGKILL");
    await Promise.all(writers);
    expect(processGroupIsGone(server.pid), "nothing of the killed server is left").toBe(true);
    expect(wrongAnswers, "every answer before the kill was a 2xx").toEqual([]);
    expect(inFlightAtKill, "requests in flight at the kill").toBeGreaterThan(0);

    server = await startServer({ port: PORT, databasePath: db.file, env: db.env });

    // The database after recovery, read beside the restarted server.
    if (db.dialect === "sqlite") {
      const sqlite = new Database(db.file, { readonly: true, fileMustExist: true });
      try {
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
    const storedArticles = await db.rows<{ id: number; title: string }>("SELECT id, title FROM articles");
    const storedClaims = await db.rows<{
      id: number;
      statement: string;
      version: number;
      stage: string;
      verdict: string;
    }>("SELECT id, statement, version, stage, verdict FROM claims");
    const events = await db.rows<{ claimId: number; type: string; actorId: number }>(
      'SELECT claim_id AS "claimId", type, actor_id AS "actorId" FROM claim_events ORDER BY id',
    );

    // Articles: every acknowledged one; beyond them only those in flight at the kill.
    const articleTitles = new Set(storedArticles.map((a) => a.title));
    expect(storedArticles.length, "no article twice").toBe(articleTitles.size);
    for (const [title, record] of articles) {
      if (record.acked) expect(articleTitles.has(title), `acknowledged article ${title}`).toBe(true);
    }
    for (const title of articleTitles) {
      const record = articles.get(title);
      expect(record?.acked || record?.inFlight, `stored article ${title} was written`).toBe(true);
    }

    // Claims: each at the version of its last acknowledged write, or of the write in flight, with
    // exactly the events of the writes up to that version, in order, by the editor.
    const eventsOf = new Map<number, string[]>();
    for (const event of events) {
      expect(event.actorId).toBe(editor!.id);
      eventsOf.set(event.claimId, [...(eventsOf.get(event.claimId) ?? []), event.type]);
    }
    const byStatement = new Map(storedClaims.map((c) => [c.statement, c]));
    expect(byStatement.size, "no claim twice").toBe(storedClaims.length);
    let acknowledgedClaimWrites = 0;
    let landedUnacknowledged = [...articles].filter(
      ([title, a]) => !a.acked && a.inFlight && articleTitles.has(title),
    ).length;
    for (const record of claims.values()) {
      acknowledgedClaimWrites += record.acked;
      const stored = byStatement.get(record.marker);
      const allowed = [record.acked, ...(record.inFlight ? [record.inFlight] : [])];
      expect(allowed, `claim ${record.marker}: stored version`).toContain(stored?.version ?? 0);
      if (!stored) continue;
      if (stored.version > record.acked) landedUnacknowledged++;
      expect(eventsOf.get(stored.id), `claim ${record.marker}: events`).toEqual(
        STEPS.slice(0, stored.version),
      );
      expect(stored.verdict).toBe(stored.version >= 2 ? "confirmed" : "unrated");
      expect(stored.stage).toBe(stored.version >= 3 ? "in_review" : "draft");
      eventsOf.delete(stored.id);
    }
    expect([...eventsOf.keys()], "events of claims nobody wrote").toEqual([]);
    for (const statement of byStatement.keys()) {
      expect(claims.has(statement), `stored claim ${statement} was written`).toBe(true);
    }
    const acknowledgedArticles = [...articles.values()].filter((a) => a.acked).length;
    expect(acknowledgedArticles + acknowledgedClaimWrites).toBe(acknowledged);

    // The restarted server serves what was acknowledged and takes new writes.
    const token = editor!.tokens[0]!;
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    for (const record of claims.values()) {
      if (!record.acked || record.id === undefined) continue;
      const response = await fetch(`${server.baseUrl}/api/v1/claims/${record.id}`, { headers });
      expect(response.status, `GET claim ${record.marker}`).toBe(200);
      const claim = (await response.json()) as { statement: string; version: number; history: unknown[] };
      expect(claim.statement).toBe(record.marker);
      expect(claim.version).toBeGreaterThanOrEqual(record.acked);
      expect(claim.history).toHaveLength(claim.version);
    }
    const after = await fetch(`${server.baseUrl}/api/v1/articles`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "crash after restart", language: "en", body: BODY }),
    });
    expect(after.status, "a write after the restart").toBe(201);

    const summary =
      `Crash safety: ${WRITERS} writers, ${acknowledged} writes acknowledged before SIGKILL at ~${killedAt} ms ` +
      `(${inFlightAtKill} in flight, ${landedUnacknowledged} of them landed whole), all ${acknowledged} present ` +
      `after restart${db.dialect === "sqlite" ? ", integrity ok" : " (PostgreSQL)"}`;
    console.log(summary);
    test.info().annotations.push({ type: "summary", description: summary });
  } finally {
    await server?.kill("SIGTERM");
    await db.remove();
  }
});
