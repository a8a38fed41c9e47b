import { beforeEach, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/data/articles";
import { approveClaim, createClaim } from "@/lib/data/claims";
import { claimInput, makeUser } from "@/test/data-helpers";
import { CSV_COLUMNS } from "@/lib/export";
import { parseCsv } from "@/test/export-fixtures";
import { signInAs } from "@/test/session";
import { GET } from "./route";

vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));

const BODY = "Le Kremlin affirme avoir pris 12 villages.\n\nKyiv n'a pas commenté.";

async function setup() {
  const editor = await makeUser("editor", "Ana Martin");
  const reviewer = await makeUser("reviewer", "Ben Okafor");
  const ids: number[] = [];
  for (const [day, approve] of [
    ["2026-11-02", true],
    ["2026-11-03", true],
    ["2026-11-04", false],
    ["2026-12-01", true],
  ] as const) {
    const { id } = await createArticle({
      actor: editor,
      input: {
        title: `Article du ${day}`,
        outlet: "",
        url: "",
        language: "fr",
        publishedAt: day,
        body: BODY,
        bodyFormat: "text",
      },
    });
    for (const quote of ["Le Kremlin affirme avoir pris 12 villages.", "Kyiv n'a pas commenté."]) {
      const claim = await createClaim({
        actor: editor,
        input: claimInput(id, BODY, quote, { verdict: "confirmed", submit: true }),
      });
      if (approve) await approveClaim({ actor: reviewer, id: claim.id });
    }
    ids.push(id);
  }
  return { editor, ids };
}

function get(query: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost/exports/download?${query}`, { headers }), {
    params: Promise.resolve({}),
  });
}

let ctx: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  ctx ??= await setup();
  await signInAs(ctx.editor);
});

describe("GET /exports/download", () => {
  it("streams one JSON line per verified article of the range, with the totals in headers", async () => {
    const response = await get("format=jsonl&from=2026-11-01&to=2026-11-30");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="verified-articles-2026-11-01-to-2026-11-30.jsonl"',
    );
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(response.headers.get("x-total-articles")).toBe("2");
    expect(response.headers.get("x-total-claims")).toBe("4");
    expect(response.headers.get("x-total-records")).toBe("2");
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { article: { id: number } }).article.id)).toEqual(
      ctx.ids.slice(0, 2),
    );
  });

  it("streams one CSV row per claim, the total counting claims", async () => {
    const response = await get("format=csv&from=2026-11-01&to=2026-12-31");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("x-total-records")).toBe("6");
    const rows = parseCsv((await response.text()).replace(/^\ufeff/, ""));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(7);
  });

  it("separates CSV with semicolons for a French interface, commas for an English one, or as asked", async () => {
    const header = async (query: string, headers: Record<string, string> = {}) =>
      (await (await get(query, headers)).text()).split("\r\n")[0];
    const range = "from=2026-11-01&to=2026-11-30";
    expect(await header(`format=csv&${range}`, { "accept-language": "fr" })).toBe(CSV_COLUMNS.join(";"));
    expect(await header(`format=csv&${range}`, { "accept-language": "en" })).toBe(CSV_COLUMNS.join(","));
    expect(await header(`format=csv&separator=semicolon&${range}`, { "accept-language": "en" })).toBe(
      CSV_COLUMNS.join(";"),
    );
    const rows = (await (await get(`format=csv&separator=semicolon&${range}`)).text()).split("\r\n");
    expect(rows[1]?.split(";")[CSV_COLUMNS.indexOf("article_title")]).toBe("Article du 2026-11-02");
    expect((await get(`format=csv&separator=pipe&${range}`)).status).toBe(400);
  });

  it("links claims to the origin the request came through when APP_URL is not set", async () => {
    const response = await get("format=jsonl&from=2026-11-01&to=2026-11-30", {
      host: "127.0.0.1:3271",
      "x-forwarded-host": "desk.example.net",
      "x-forwarded-proto": "https",
    });
    const first = JSON.parse((await response.text()).split("\n")[0]!) as {
      verdicts: { confirmed: { claims: { url: string }[] } };
    };
    expect(first.verdicts.confirmed.claims[0]?.url).toMatch(
      /^https:\/\/desk\.example\.net\/articles\/\d+#claim-/,
    );
  });

  it("gives an empty export for a range without verified articles", async () => {
    const response = await get("format=jsonl&from=2026-11-04&to=2026-11-04");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-total-records")).toBe("0");
    expect(await response.text()).toBe("");
  });

  it.each([
    ["format=xml&from=2026-11-01&to=2026-11-30", "This export format does not exist."],
    ["format=csv&from=2026-11-31&to=2026-12-01", "Enter a valid date."],
    ["format=csv&to=2026-12-01", "Enter a valid date."],
    ["format=csv&from=2026-12-01&to=2026-11-01", "The end of the range comes before its start."],
  ])("refuses %s with a 400 problem", async (query, detail) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "invalid_input", detail });
  });

  it("answers 401 without a session", async () => {
    await signInAs(null);
    const response = await get("format=jsonl&from=2026-11-01&to=2026-11-30");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated" });
  });
});
