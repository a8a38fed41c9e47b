import { describe, expect, it } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { countArticles } from "@/lib/data/articles";
import { createClaim } from "@/lib/data/claims";
import { claimInput, makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import { apiArticlePageSchema, apiArticleSchema, apiProblemSchema } from "@/lib/validation/api";
import { GET as getArticle } from "./articles/[id]/route";
import { GET as listArticles, POST as postArticle } from "./articles/route";

const NEW_ARTICLE = {
  title: "Kyiv says it retook two villages",
  body: "Kyiv says its forces retook two villages.\n\nMoscow did not comment.",
  language: "en",
};

describe("GET /api/v1/articles", () => {
  it("pages through articles newest first with a cursor", async () => {
    const editor = await makeTokenUser("editor");
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await makeArticle(editor)).id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(listArticles, {
        path: `/articles?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        token: editor.token,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const page = apiArticlePageSchema.parse(res.json);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("filters by search, language and verification", async () => {
    const editor = await makeTokenUser("editor");
    const reviewer = await makeTokenUser("reviewer");
    const verified = await makeArticle(editor);
    const quote = "Le Kremlin affirme que ses forces ont pris 12 villages.";
    const claim = await createClaim({
      actor: editor,
      input: { ...claimInput(verified.id, SAMPLE_BODY, quote), verdict: "confirmed", submit: true },
    });
    const { approveClaim } = await import("@/lib/data/claims");
    await approveClaim({ actor: reviewer, id: claim.id });
    const created = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { ...NEW_ARTICLE, title: "Zebra crossing plan announced" },
    });
    expect(created.status).toBe(201);

    const search = await call(listArticles, { path: "/articles?search=zebra", token: editor.token });
    expect(apiArticlePageSchema.parse(search.json).items.map((a) => a.title)).toEqual([
      "Zebra crossing plan announced",
    ]);
    const english = apiArticlePageSchema.parse(
      (await call(listArticles, { path: "/articles?language=en&limit=100", token: editor.token })).json,
    );
    expect(english.items.every((a) => a.language === "en")).toBe(true);
    const yes = apiArticlePageSchema.parse(
      (await call(listArticles, { path: "/articles?verified=yes&limit=100", token: editor.token })).json,
    );
    expect(yes.items.map((a) => a.id)).toEqual([verified.id]);
    expect(yes.items[0]?.progress).toMatchObject({ total: 1, verified: true });
  });

  it("answers 400 with the invalid fields for a bad query or cursor", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(listArticles, { path: "/articles?limit=500&language=de", token: editor.token });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = apiProblemSchema.parse(res.json);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["language", "limit"]);
    const cursor = await call(listArticles, { path: "/articles?cursor=not-a-cursor", token: editor.token });
    expect(cursor.status).toBe(400);
    expect(apiProblemSchema.parse(cursor.json).errors).toEqual([
      { field: "cursor", code: "invalidCursor", detail: expect.stringMatching(/cursor/i) },
    ]);
  });
});

describe("POST /api/v1/articles", () => {
  it("creates an article, normalises its body and names it in Location", async () => {
    const editor = await makeTokenUser("editor", "Ana");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: {
        ...NEW_ARTICLE,
        body: "Kyiv says its forces retook two villages.\r\n\r\n\r\nMoscow did not comment.",
      },
    });
    expect(res.status).toBe(201);
    const article = apiArticleSchema.parse(res.json);
    expect(res.headers.get("location")).toBe(`/api/v1/articles/${article.id}`);
    expect(article).toMatchObject({
      title: NEW_ARTICLE.title,
      body: NEW_ARTICLE.body,
      language: "en",
      outlet: null,
      createdBy: { id: editor.id, name: "Ana" },
      claims: [],
    });
  });

  it("turns HTML into text and detects the language when none is given", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: {
        title: "HTML",
        bodyFormat: "html",
        body: "<p>Le gouvernement a annoncé lundi une réforme des retraites.</p><p>Les syndicats n'ont pas réagi dans l'immédiat à cette annonce.</p>",
      },
    });
    expect(res.status).toBe(201);
    const article = apiArticleSchema.parse(res.json);
    expect(article.body).not.toContain("<p>");
    expect(article.language).toBe("fr");
  });

  it("answers 400 with the fields, and saves nothing, for invalid input", async () => {
    const editor = await makeTokenUser("editor");
    const before = await countArticles();
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "", body: "  ", url: "ftp://x", publishedAt: "yesterday" },
    });
    expect(res.status).toBe(400);
    const problem = apiProblemSchema.parse(res.json);
    expect(problem).toMatchObject({ status: 400, code: "invalid_input", title: "Invalid input" });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: "title", code: "required", detail: "This field is required." },
        { field: "body", code: "bodyRequired", detail: "Paste or upload the article text." },
        { field: "url", code: expect.any(String), detail: expect.any(String) },
        { field: "publishedAt", code: expect.any(String), detail: expect.any(String) },
      ]),
    );
    expect(await countArticles()).toBe(before);
  });

  it("answers 400 for a NUL character in the title or the outlet, and stores them in NFC", async () => {
    const editor = await makeTokenUser("editor");
    const before = await countArticles();
    const refused = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "Grève\u0000", outlet: "Le\u0000Courrier", body: "Un texte." },
    });
    expect(refused.status).toBe(400);
    expect(apiProblemSchema.parse(refused.json).errors?.map((e) => [e.field, e.code])).toEqual([
      ["title", "nulCharacter"],
      ["outlet", "nulCharacter"],
    ]);
    expect(await countArticles()).toBe(before);
    const accepted = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "  Grève   générale ".normalize("NFD"), outlet: "Le Courrier\u0007", body: "Un texte." },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ title: "Grève générale", outlet: "Le Courrier" });
  });

  it("answers 400 for a body over the domain's 200,000 characters", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "Long", body: "mot ".repeat(60_000) },
    });
    expect(res.status).toBe(400);
    expect(apiProblemSchema.parse(res.json).errors?.[0]).toMatchObject({
      field: "body",
      code: "bodyTooLong",
    });
  });

  it("answers 400, not 500, for malformed JSON and for no body", async () => {
    const editor = await makeTokenUser("editor");
    const broken = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: '{"title": "x", ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(apiProblemSchema.parse(broken.json).detail).toMatch(/not valid JSON/);
    const empty = await call(postArticle, { method: "POST", path: "/articles", token: editor.token });
    expect(empty.status).toBe(400);
    const array = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: [1],
    });
    expect(array.status).toBe(400);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: "title=x&body=y",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(apiProblemSchema.parse(res.json).code).toBe("unsupported_media_type");
    const charset = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: JSON.stringify(NEW_ARTICLE),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
  });

  it("answers 413 for a body over the limit, by its declared length or its real size", async () => {
    const editor = await makeTokenUser("editor");
    const before = await countArticles();
    const declared = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: "{}",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    const huge = JSON.stringify({ title: "Huge", body: "x".repeat(MAX_BODY_BYTES) });
    const actual = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: new TextEncoder().encode(huge),
      headers: { "content-type": "application/json" },
    });
    expect(actual.status).toBe(413);
    expect(apiProblemSchema.parse(actual.json)).toMatchObject({ code: "too_large", status: 413 });
    expect(await countArticles()).toBe(before);
  });
});

describe("GET /api/v1/articles/{id}", () => {
  it("returns the article with its claims in text order", async () => {
    const editor = await makeTokenUser("editor");
    const article = await makeArticle(editor);
    const second = "Kyiv n'a pas commenté ces affirmations.";
    const first = "Le Kremlin affirme que ses forces ont pris 12 villages.";
    await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, second) });
    await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, first) });
    const res = await call(getArticle, {
      path: `/articles/${article.id}`,
      token: editor.token,
      params: { id: String(article.id) },
    });
    expect(res.status).toBe(200);
    const body = apiArticleSchema.parse(res.json);
    expect(body.body).toBe(SAMPLE_BODY);
    expect(body.claims.map((c) => c.quote)).toEqual([first, second]);
    expect(body.progress).toMatchObject({ total: 2, byStage: { draft: 2, in_review: 0, approved: 0 } });
  });

  it("answers 404 for an unknown article and 400 for an id that is not one", async () => {
    const editor = await makeTokenUser("editor");
    const missing = await call(getArticle, {
      path: "/articles/999999",
      token: editor.token,
      params: { id: "999999" },
    });
    expect(missing.status).toBe(404);
    expect(apiProblemSchema.parse(missing.json)).toMatchObject({
      status: 404,
      code: "not_found",
      type: "/settings/api#problem-not_found",
    });
    const bad = await call(getArticle, { path: "/articles/abc", token: editor.token, params: { id: "abc" } });
    expect(bad.status).toBe(400);
    expect(apiProblemSchema.parse(bad.json).errors?.[0]?.field).toBe("id");
  });

  it("reads only canonical decimal ids: 0x4ee, 01262, +1262, 1262.0, 1262e0 and ' 1262' name no article", async () => {
    const editor = await makeTokenUser("editor");
    const article = await makeArticle(editor);
    const n = article.id;
    const ok = await call(getArticle, {
      path: `/articles/${n}`,
      token: editor.token,
      params: { id: String(n) },
    });
    expect(ok.status).toBe(200);
    for (const id of [
      `0x${n.toString(16)}`,
      `0${n}`,
      `+${n}`,
      `${n}.0`,
      `${n}e0`,
      ` ${n}`,
      `${n}\n`,
      "1e400",
    ]) {
      const res = await call(getArticle, {
        path: `/articles/${encodeURIComponent(id)}`,
        token: editor.token,
        params: { id },
      });
      expect(res.status, JSON.stringify(id)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(apiProblemSchema.parse(res.json)).toMatchObject({
        code: "invalid_input",
        errors: [{ field: "id", code: "invalidId" }],
      });
    }
  });
});
