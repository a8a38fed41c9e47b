import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
      rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
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

function get(
  path: string,
  id: number | string,
  headers: Record<string, string> = {},
  base = "http://localhost",
) {
  return GET(new Request(`${base}${path}`, { headers }), { params: Promise.resolve({ id: String(id) }) });
}

async function csvText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.AUTH_URL;
});

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
    const response = await get(`/articles/${ctx.articleId}/export?format=csv&separator=comma`, ctx.articleId);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
  });

  it("separates a French article's CSV with semicolons unless asked for commas", async () => {
    const french = await csvText(await get(`/articles/${ctx.articleId}/export?format=csv`, ctx.articleId));
    expect(french.startsWith(`${CSV_BOM}article_id;article_title;`)).toBe(true);
    expect(french).toContain(";Grève : le Kremlin revendique 12 villages;");
    const comma = await csvText(
      await get(`/articles/${ctx.articleId}/export?format=csv&separator=comma`, ctx.articleId),
    );
    expect(comma.startsWith(`${CSV_BOM}article_id,article_title,`)).toBe(true);
    const semicolon = await get(
      `/articles/${ctx.articleId}/export?format=csv&separator=semicolon`,
      ctx.articleId,
    );
    expect((await csvText(semicolon)).split("\r\n")[0]).toBe(`${CSV_BOM}${CSV_COLUMNS.join(";")}`);
    const bad = await get(`/articles/${ctx.articleId}/export?format=csv&separator=tab`, ctx.articleId);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      status: 400,
      errors: [{ field: "separator", code: "unknownSeparator" }],
    });
  });

  it("defaults to semicolons for an English article when the interface is French", async () => {
    const english = await createArticle({
      actor: ctx.editor,
      input: {
        title: "Strike",
        outlet: "",
        url: "",
        language: "en",
        publishedAt: "",
        body: "The Kremlin says it took 12 villages.",
        bodyFormat: "text",
      },
    });
    const path = `/articles/${english.id}/export?format=csv`;
    const inFrench = await csvText(await get(path, english.id, { "accept-language": "fr-FR,fr;q=0.9" }));
    expect(inFrench.split("\r\n")[0]).toBe(`${CSV_BOM}${CSV_COLUMNS.join(";")}`);
    const inEnglish = await csvText(await get(path, english.id, { "accept-language": "en-GB" }));
    expect(inEnglish.split("\r\n")[0]).toBe(`${CSV_BOM}${CSV_COLUMNS.join(",")}`);
    const cookie = await csvText(await get(path, english.id, { cookie: "claimdesk-locale=fr" }));
    expect(cookie.split("\r\n")[0]).toContain(";");
  });

  it("builds claim links from the request's origin when APP_URL is not set", async () => {
    const path = `/articles/${ctx.articleId}/export?format=json`;
    const links = async (response: Response) =>
      ((await response.json()) as { verdicts: { uncommented: { claims: { url: string }[] } } }).verdicts
        .uncommented.claims[0]!.url;
    const direct = await get(
      path,
      ctx.articleId,
      { host: "desk.internal:3271" },
      "http://desk.internal:3271",
    );
    expect(await links(direct)).toMatch(/^http:\/\/desk\.internal:3271\/articles\/\d+#claim-\d+$/);
    const proxied = await get(
      path,
      ctx.articleId,
      { host: "127.0.0.1:3271", "x-forwarded-host": "verif.example.org", "x-forwarded-proto": "https" },
      "http://127.0.0.1:3271",
    );
    expect(await links(proxied)).toMatch(/^https:\/\/verif\.example\.org\/articles\//);
    const forged = await get(path, ctx.articleId, { host: "desk.internal", "x-forwarded-host": "evil/x?" });
    expect(await links(forged)).toMatch(/^http:\/\/desk\.internal\/articles\//);

    process.env.APP_URL = "https://desk.example.org";
    const configured = await get(path, ctx.articleId, { "x-forwarded-host": "verif.example.org" });
    expect(await links(configured)).toMatch(/^https:\/\/desk\.example\.org\/articles\//);
  });

  it("writes uncommented claims into ClaimReview only when asked, without a numeric rating", async () => {
    const path = `/articles/${ctx.articleId}/export?format=claimreview`;
    expect(JSON.parse(await (await get(path, ctx.articleId)).text())).toEqual([]);
    const reviews = JSON.parse(await (await get(`${path}&uncommented=1`, ctx.articleId)).text()) as {
      reviewRating: Record<string, unknown>;
    }[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: "Sans commentaire",
      ratingExplanation: "Le ministère des Transports n'a pas commenté.",
    });
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
      detail: "This export format does not exist.",
      errors: [{ field: "format", code: "unknownFormat", detail: "This export format does not exist." }],
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
      expect(await response.json()).toMatchObject({
        code: "not_found",
        title: "Not found",
        detail: "This article does not exist or was deleted.",
      });
    }
  });

  it("reads only canonical ids: other spellings of the article's id name nothing", async () => {
    const n = ctx.articleId;
    expect((await get(`/articles/${n}/export?format=md`, n)).status).toBe(200);
    for (const id of [`0x${n.toString(16)}`, `0${n}`, `+${n}`, `${n}.0`, `${n}e0`, ` ${n}`, `${n} `]) {
      const response = await get(`/articles/${encodeURIComponent(id)}/export?format=md`, id);
      expect(response.status, JSON.stringify(id)).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("answers 401 without a session, before reading anything", async () => {
    await signInAs(null);
    const response = await get(`/articles/${ctx.articleId}/export?format=pdf`, ctx.articleId);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated", detail: "Sign in to continue." });
    const french = await GET(
      new Request(`http://localhost/articles/${ctx.articleId}/export?format=md`, {
        headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" },
      }),
      { params: Promise.resolve({ id: String(ctx.articleId) }) },
    );
    expect(await french.json()).toMatchObject({
      code: "unauthenticated",
      detail: "Connectez-vous pour continuer.",
    });
  });

  it("lets every role read", async () => {
    await signInAs(ctx.reviewer);
    expect((await get(`/articles/${ctx.articleId}/export?format=json`, ctx.articleId)).status).toBe(200);
  });
});
