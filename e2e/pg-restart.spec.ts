// PostgreSQL itself restarted under a load of API writes (E2E_DB=postgres only; scripts/e2e.sh runs
// it with the PostgreSQL specs). The spec runs its own PostgreSQL server, stops it (fast: sessions
// are ended mid-query) while writers keep writing, and starts it again. Meanwhile every answer is a
// 503 problem+json (database_unavailable), never a 500 and never a request left hanging; afterwards
// the same app process takes writes again by itself, and every write it acknowledged is there.
import { expect, test } from "./fixtures";
import { E2E_PG_PORT, E2E_POSTGRES } from "./env";
import { freshDeskDatabase, prepareDatabase, startServer } from "./own-server";
import { startPostgres } from "../test/pg-server";

const PORT = Number(process.env.E2E_PG_RESTART_PORT ?? 3197);
const PG_PORT = Number(process.env.E2E_PG_RESTART_PG_PORT ?? E2E_PG_PORT + 1);
const WRITERS = 6;
/** A request unanswered this long counts as hanging. */
const HANG_MS = 15_000;
const BODY =
  "The water board says leaks fell by a quarter in 2025.\n\nThe auditors have not checked the figure.";
const QUOTE = "The water board says leaks fell by a quarter in 2025.";

test.describe.configure({ mode: "serial" });
test.skip(!E2E_POSTGRES, "PostgreSQL only: run with E2E_DB=postgres");

type Phase = "before" | "down" | "after";

test("PostgreSQL restarted during a write load: 503 problem+json meanwhile, then the app reconnects and nothing acknowledged is lost", async () => {
  test.setTimeout(180_000);
  const postgres = await startPostgres({ port: PG_PORT });
  const db = await freshDeskDatabase("restart", postgres.url("postgres"));
  let app: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const [editor] = await prepareDatabase(db, [{ role: "editor", tokens: WRITERS }]);
    app = await startServer({
      port: PORT,
      databasePath: db.file,
      env: { ...db.env, API_RATE_LIMIT_PER_MINUTE: "100000" },
    });
    const base = `${app.baseUrl}/api/v1`;
    let phase: Phase = "before";
    let stopping = false;
    const acked = { articles: new Set<string>(), claims: new Set<string>() };
    const ackedIn: Record<Phase, number> = { before: 0, down: 0, after: 0 };
    const unavailableIn: Record<Phase, number> = { before: 0, down: 0, after: 0 };
    const wrong: string[] = [];

    async function post(token: string, url: string, body: unknown) {
      const started = Date.now();
      try {
        const response = await fetch(`${base}${url}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(HANG_MS),
        });
        const text = await response.text();
        const json = (text ? JSON.parse(text) : {}) as { id?: number; reason?: string; status?: number };
        if (response.status === 503) {
          unavailableIn[phase]++;
          const type = response.headers.get("content-type");
          if (
            type !== "application/problem+json" ||
            json.reason !== "database_unavailable" ||
            json.status !== 503
          ) {
            wrong.push(`503 ${type} ${text.slice(0, 200)}`);
          }
          return null;
        }
        if (response.status !== 201) {
          wrong.push(`${response.status} ${url} ${text.slice(0, 300)}`);
          return null;
        }
        ackedIn[phase]++;
        return json;
      } catch (error) {
        wrong.push(`${url}: no answer after ${Date.now() - started} ms (${String(error)})`);
        return null;
      }
    }

    async function writer(w: number, token: string) {
      for (let n = 1; !stopping; n++) {
        const title = `restart w${w} n${n}`;
        const article = await post(token, "/articles", { title, language: "en", body: BODY });
        if (!article) {
          // Unavailable: try again shortly, as a client honouring Retry-After would (sooner here).
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        acked.articles.add(title);
        const claim = await post(token, `/articles/${article.id}/claims`, { quote: QUOTE, statement: title });
        if (claim) acked.claims.add(title);
      }
    }

    async function until(condition: () => boolean, what: string, ms: number) {
      const deadline = Date.now() + ms;
      while (!condition()) {
        expect(Date.now(), what).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }

    const writers = editor!.tokens.map((token, w) => writer(w + 1, token));
    await until(() => ackedIn.before >= 60, "60 writes before the restart", 60_000);

    // PostgreSQL goes away (pg_ctl stop -m fast) while the writers go on.
    phase = "down";
    postgres.halt();
    await until(() => unavailableIn.down >= WRITERS * 3, "503 answers while PostgreSQL is down", 30_000);

    phase = "after";
    postgres.resume();
    await until(() => ackedIn.after >= 60, "60 writes after PostgreSQL is back", 60_000);
    stopping = true;
    await Promise.all(writers);

    expect(wrong, "every answer a 201 or a 503 problem+json, none left hanging").toEqual([]);
    expect(unavailableIn.down).toBeGreaterThan(0);
    const health = await fetch(`${base}/health`);
    expect(health.status, "the same app process answers after the restart").toBe(200);

    // Every acknowledged write is there, once; each acknowledged claim with its one "created" event.
    const articles = await db.rows<{ title: string }>("SELECT title FROM articles");
    const titles = new Set(articles.map((a) => a.title));
    expect(titles.size, "no article twice").toBe(articles.length);
    for (const title of acked.articles) expect(titles.has(title), `acknowledged article ${title}`).toBe(true);
    const claims = await db.rows<{ statement: string; events: number }>(
      `SELECT c.statement, (SELECT count(*) FROM claim_events e WHERE e.claim_id = c.id AND e.type = 'created')::int AS events FROM claims c`,
    );
    const byStatement = new Map(claims.map((c) => [c.statement, c.events]));
    for (const title of acked.claims) expect(byStatement.get(title), `acknowledged claim ${title}`).toBe(1);

    const summary =
      `PostgreSQL restart: ${ackedIn.before} writes before, ${unavailableIn.down} answers 503 while down ` +
      `(${ackedIn.down} acknowledged around the stop), ${ackedIn.after} after; ` +
      `all ${acked.articles.size + acked.claims.size} acknowledged writes present`;
    console.log(summary);
    test.info().annotations.push({ type: "summary", description: summary });
  } finally {
    await app?.kill("SIGTERM");
    await db.remove();
    postgres.stop();
  }
});
