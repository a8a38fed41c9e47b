import { beforeEach, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/data/articles";
import { approveClaim, createClaim } from "@/lib/data/claims";
import { claimInput, makeUser } from "@/test/data-helpers";
import { CSV_BOM, CSV_COLUMNS } from "@/lib/export";
import { parseCsv } from "@/test/export-fixtures";
import { signInAs } from "@/test/session";
import { GET } from "./route";

vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));

const BODY = "Le Kremlin affirme avoir pris 12 villages.\n\nLe ministère n'a pas commenté, selon l'AFP.";

async function setup() {
  const editor = await makeUser("editor", "Ana Martin");
  const reviewer = await makeUser("reviewer", "Ben Okafor");
  const article = await createArticle({
    actor: editor,
    input: {
      title: "Grève : le Kremlin revendique 12 villages",
      outlet: "Le Courrier",
      url: "https://courrier.example/greve",
      language: "fr",
      publishedAt: "2026-11-24",
      body: BODY,
      bodyFormat: "text",
    },
  });
  const approved = await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, "Le Kremlin affirme avoir pris 12 villages.", {
      statement: "Le Kremlin dit avoir pris 12 villages.",
      speaker: "le Kremlin",
      verdict: "uncommented",
      silentParty: "le ministère des Transports",
      submit: true,
    }),
  });
  await approveClaim({ actor: reviewer, id: approved.id });
  await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, "selon l'AFP", {
      statement: "Selon l'AFP.",
      verdict: "confirmed",
      submit: true,
    }),
  });
  return { editor, reviewer, articleId: article.id };
}

function get(path: string, id: number | string) {
  return GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ id: String(id) }) });
}

let ctx: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  ctx ??= await setup();
  await signInAs(ctx.editor);
});

describe("GET /articles/:id/export", () => {
  it("downloads the Markdown summary under a dated file name", async () => {
    const response = await get(`/articles/${ctx.articleId}/export?format=md`, ctx.articleId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="2026-11-24-greve-le-kremlin-revendique-12-villages-summary.md"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(text).toContain("# Grève : le Kremlin revendique 12 villages");
    expect(text).toContain("*Le ministère des Transports n'a pas commenté.*");
    expect(text).toContain("Évalué par Ana Martin le");
    expect(text).toContain("approuvé par Ben Okafor le");
    expect(text).not.toContain("Selon l'AFP.");
  });

  it("adds the unapproved claims, marked, when asked", async () => {
    const response = await get(`/articles/${ctx.articleId}/export?format=md&unapproved=1`, ctx.articleId);
    expect(response.headers.get("content-disposition")).toContain("-summary-with-unverified.md");
    const text = await response.text();
    expect(text).toContain("Selon l'AFP.** *(Non vérifié)*");
    expect(text).toContain("Document de travail");
  });

  it("downloads a CSV that starts with a byte order mark", async () => {
    const response = await get(`/articles/${ctx.articleId}/export?format=csv`, ctx.articleId);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
  });

  it.each([
    ["html", "text/html; charset=utf-8", ".html"],
    ["json", "application/json; charset=utf-8", ".json"],
    ["claimreview", "application/ld+json; charset=utf-8", "-claimreview.jsonld"],
  ])("downloads %s with its MIME type", async (format, mimeType, ending) => {
    const response = await get(`/articles/${ctx.articleId}/export?format=${format}`, ctx.articleId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(mimeType);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`${ending}"$`));
    const text = await response.text();
    if (format !== "html") expect(() => JSON.parse(text)).not.toThrow();
  });

  it("refuses an unknown format with a 400 problem", async () => {
    const response = await get(`/articles/${ctx.articleId}/export?format=pdf`, ctx.articleId);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 400,
      code: "invalid_input",
      detail: "Unknown export format. Use one of: md, html, json, csv, claimreview.",
      fieldErrors: { format: ["unknownFormat"] },
    });
    expect((await get(`/articles/${ctx.articleId}/export`, ctx.articleId)).status).toBe(400);
    expect(
      (await get(`/articles/${ctx.articleId}/export?format=md&unapproved=yes`, ctx.articleId)).status,
    ).toBe(400);
  });

  it("answers 404 for an article that does not exist", async () => {
    for (const id of ["999999", "abc", "0", "-1"]) {
      const response = await get(`/articles/${id}/export?format=md`, id);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found", title: "Not Found" });
    }
  });

  it("answers 401 without a session, before reading anything", async () => {
    await signInAs(null);
    const response = await get(`/articles/${ctx.articleId}/export?format=pdf`, ctx.articleId);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated", detail: "Sign in to continue." });
  });

  it("lets every role read", async () => {
    await signInAs(ctx.reviewer);
    expect((await get(`/articles/${ctx.articleId}/export?format=json`, ctx.articleId)).status).toBe(200);
  });
});
