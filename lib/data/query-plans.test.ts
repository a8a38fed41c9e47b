import type { Statement } from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/validation/search";
import { listQueuePage } from "./api-queue";
import { getArticleById } from "./articles";
import {
  approveClaim,
  createClaim,
  getClaimHistory,
  listClaimsForArticle,
  listSpeakers,
  returnClaim,
} from "./claims";
import { getDb } from "./connection";
import { getInsights } from "./insights";
import { countQueue, countReturnedTo, listQueue, listQueueFacets, listReturnedTo } from "./queue";
import { search } from "./search";
import { listThreadDigests } from "./threads";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

// The SQL is captured from the real data-layer functions as they run (every statement better-sqlite3
// executes), then explained with the same parameters. A plan that reads a whole table of claims or
// events ("SCAN claims" without an index) would make the desk slow at newsroom scale.

type Captured = { sql: string; params: unknown[] };
type PlanRow = { id: number; parent: number; detail: string };

const BIG_TABLES = ["claims", "claim_events"];

/** Runs `fn` and returns the SQL statements it executed, with their parameters. */
async function captureQueries(fn: () => Promise<unknown>): Promise<Captured[]> {
  const client = getDb().$client;
  const proto = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, unknown>;
  const captured: Captured[] = [];
  const methods = ["all", "get", "run", "iterate"] as const;
  const originals = methods.map((m) => proto[m] as (...args: unknown[]) => unknown);
  methods.forEach((m, i) => {
    proto[m] = function (this: Statement, ...params: unknown[]) {
      captured.push({ sql: this.source, params });
      return originals[i]!.apply(this, params);
    };
  });
  try {
    await fn();
  } finally {
    methods.forEach((m, i) => (proto[m] = originals[i]));
  }
  return captured.filter((c) => /^\s*(select|with)\b/i.test(c.sql));
}

/** Names under which a big table appears in the statement: its own name and its aliases. */
function bigTableNames(sql: string): Set<string> {
  const names = new Set(BIG_TABLES);
  for (const m of sql.matchAll(
    /["`]?(claims|claim_events)["`]?\s+(?:as\s+)?["`]?([a-z_][a-z0-9_]*)["`]?/gi,
  )) {
    const alias = m[2]!.toLowerCase();
    if (
      !["on", "where", "join", "inner", "left", "group", "order", "limit", "set", "using"].includes(alias)
    ) {
      names.add(alias);
    }
  }
  return names;
}

function explain(query: Captured): PlanRow[] {
  return getDb()
    .$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...query.params) as PlanRow[];
}

/** Plan lines sorting rows after reading them (the statement could not walk an index in order). */
function sortedAfterwards(queries: Captured[], pattern: RegExp): string[] {
  return queries
    .filter((q) => pattern.test(q.sql))
    .flatMap((q) => explain(q).map((row) => `${row.detail}  ←  ${q.sql}`))
    .filter((line) => line.startsWith("USE TEMP B-TREE FOR ORDER BY"));
}

/** Plan lines reading every row of claims or claim_events without an index. */
function fullScans(queries: Captured[]): string[] {
  const found: string[] = [];
  for (const query of queries) {
    const names = bigTableNames(query.sql);
    for (const row of explain(query)) {
      const m = /^SCAN (\S+)(.*)$/.exec(row.detail);
      if (m && names.has(m[1]!.toLowerCase()) && !/USING (COVERING )?INDEX/.test(m[2]!)) {
        found.push(`${row.detail}  ←  ${query.sql}`);
      }
    }
  }
  return found;
}

let articleId = 0;
let claimId = 0;
let editorId = 0;

beforeAll(async () => {
  const editor = await makeUser("editor");
  const reviewer = await makeUser("reviewer");
  const article = await makeArticle(editor);
  articleId = article.id;
  editorId = editor.id;
  const body =
    "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté ces affirmations.";
  const claims = [];
  for (const quote of ["Le Kremlin affirme", "ses forces ont pris 12 villages", "12 villages"]) {
    claims.push(
      await createClaim({
        actor: editor,
        input: {
          ...claimInput(articleId, body, quote, {
            speaker: "Le Kremlin",
            verdict: "uncommented",
            silentParty: "Kyiv",
            sources: [{ url: "https://example.org/source", title: "Source" }],
            rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
          }),
          submit: true,
        },
      }),
    );
  }
  await approveClaim({ actor: reviewer, id: claims[0]!.id });
  await returnClaim({ actor: reviewer, input: { id: claims[1]!.id, note: "Check the figure." } });
  claimId = claims[0]!.id;
});

describe("query plans", () => {
  it("captures the statements a data function runs", async () => {
    const queries = await captureQueries(() => listClaimsForArticle({ articleId }));
    expect(queries.some((q) => /from "claims"/i.test(q.sql))).toBe(true);
    expect(queries.some((q) => /from "claim_sources"/i.test(q.sql))).toBe(true);
  });

  it("flags a full scan of claims", async () => {
    const queries = await captureQueries(async () =>
      getDb().$client.prepare("SELECT count(*) FROM claims WHERE quote LIKE ?").get("%villages%"),
    );
    expect(fullScans(queries)).toHaveLength(1);
  });

  it("reads an article and its claims through indexes", async () => {
    const queries = await captureQueries(async () => {
      await getArticleById({ id: articleId });
      await listClaimsForArticle({ articleId });
    });
    expect(queries.length).toBeGreaterThanOrEqual(4);
    expect(fullScans(queries)).toEqual([]);
  });

  it("reads the history of a claim through indexes", async () => {
    const queries = await captureQueries(() => getClaimHistory({ claimId }));
    expect(queries.some((q) => /from "claim_events"/i.test(q.sql))).toBe(true);
    expect(fullScans(queries)).toEqual([]);
  });

  it("reads the queue, its filters and the claims returned to someone through indexes", async () => {
    const queries = await captureQueries(async () => {
      await countQueue();
      await listQueue();
      await listQueue({
        filters: { articleId, verdict: "uncommented", speaker: "Le Kremlin", raterId: editorId },
      });
      await listQueueFacets({ articleId });
      await countReturnedTo({ userId: editorId });
      await listReturnedTo({ userId: editorId });
    });
    expect(queries.length).toBeGreaterThanOrEqual(8);
    expect(fullScans(queries)).toEqual([]);
  });

  it("reads the queue in its index order, unsorted, on the page and in the API", async () => {
    const queries = await captureQueries(async () => {
      await listQueue();
      const first = await listQueuePage({ limit: 1 });
      if (first.nextCursor) await listQueuePage({ limit: 1, cursor: first.nextCursor });
    });
    expect(sortedAfterwards(queries, /order by (coalesce\()?"claims"\."submitted_at"/i)).toEqual([]);
  });

  it("reads the thread digests of a page's claims by the claims' keys, not by stage or event type", async () => {
    // A page's worth of claims (50): the article's, and keys of claims not written (yet).
    const ids = (await listClaimsForArticle({ articleId })).map((c) => c.id);
    while (ids.length < 50) ids.push(1_000_000 + ids.length);
    const queries = await captureQueries(() => listThreadDigests({ claimIds: ids }));
    expect(queries.some((q) => /from "claim_events"/i.test(q.sql))).toBe(true);
    expect(fullScans(queries)).toEqual([]);
    // Walking every claim in review, or every "rated" event of the desk, to find those of 50 claims
    // cost about a second on the bench's database.
    const reads = queries.flatMap((q) => explain(q).map((row) => row.detail));
    expect(reads.filter((detail) => /claims_stage_|claim_events_type_/.test(detail))).toEqual([]);
    expect(reads.some((detail) => /claim_events_claim_idx/.test(detail))).toBe(true);
  });

  it("searches claims and articles without reading every claim", async () => {
    const queries = await captureQueries(async () => {
      await search(parseSearchParams({ q: "villages Kremlin" }));
      await search(parseSearchParams({ q: "forces", verdict: "uncommented", stage: "in_review" }));
      await listSpeakers();
    });
    expect(queries.some((q) => /claims_fts MATCH/i.test(q.sql))).toBe(true);
    expect(fullScans(queries)).toEqual([]);
  });

  it("reads the insights of 12 and 52 weeks through indexes, from the index alone for claims", async () => {
    const queries = await captureQueries(async () => {
      await getInsights({ weeks: 12 });
      await getInsights({ weeks: 52 });
    });
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(fullScans(queries)).toEqual([]);
    // Counting claims by week, verdict, article and speaker never reads the claims' rows.
    const claimLookups = queries
      .filter((q) => /from "claims"/i.test(q.sql))
      .flatMap((q) => explain(q).map((row) => row.detail))
      .filter((detail) => /^SEARCH claims\b/.test(detail) && !/COVERING INDEX/.test(detail));
    expect(claimLookups).toEqual([]);
  });
});
