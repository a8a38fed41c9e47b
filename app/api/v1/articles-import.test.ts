import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { countArticles, getArticleById } from "@/lib/data/articles";
import { FIXTURE_PAGES, fixtureHtml, fixtureText } from "@/lib/intake/fixtures";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import { apiCreatedArticleSchema, apiProblemSchema } from "@/lib/validation/api";
import { POST as postArticle } from "./articles/route";

// jsdom parses pages of up to half a megabyte: seconds each on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const lemonde = FIXTURE_PAGES.find((page) => page.name === "fr-lemonde-previsions-commission-europeenne")!;
const bbc = FIXTURE_PAGES.find((page) => page.name === "en-bbc-newyork-hart-island-burials")!;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/bbc") res.writeHead(200, { "Content-Type": "text/html" }).end(fixtureHtml(bbc.name));
    else if (req.url === "/to-metadata")
      res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (req.url === "/empty")
      res.writeHead(200, { "Content-Type": "text/html" }).end("<html><body><div id=app></div></body></html>");
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());
beforeEach(() => {
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
});

describe("POST /api/v1/articles with html or url", () => {
  it("stores the article of a page sent as html, with the page's details", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { html: fixtureHtml(lemonde.name).toString("utf8") },
    });
    expect(res.status).toBe(201);
    const article = apiCreatedArticleSchema.parse(res.json);
    expect(article.body + "\n").toBe(fixtureText(lemonde.name));
    expect(article).toMatchObject({
      title: lemonde.title,
      outlet: lemonde.outlet,
      url: lemonde.url,
      language: "fr",
      publishedAt: lemonde.publishedAt,
      authors: "Cécile Ducourtieux",
    });
    expect(article.extraction).toMatchObject({
      source: "html",
      authors: ["Cécile Ducourtieux"],
      languageSource: "page",
    });
  });

  it("fetches a url sent alone, and keeps the fields the request gives", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { url: `${server.origin}/bbc`, outlet: "BBC" },
    });
    expect(res.status).toBe(201);
    const article = apiCreatedArticleSchema.parse(res.json);
    expect(res.headers.get("location")).toBe(`/api/v1/articles/${article.id}`);
    expect(article.title).toBe(bbc.title);
    expect(article.outlet).toBe("BBC");
    // The page names no person as author: none stored.
    expect(article.authors).toBeNull();
    expect(article.url).toBe(`${server.origin}/bbc`);
    expect(article.extraction).toMatchObject({
      source: "url",
      fetchedUrl: `${server.origin}/bbc`,
      url: bbc.url,
      outlet: "BBC News",
    });
    expect((await getArticleById({ id: article.id }))?.body + "\n").toBe(fixtureText(bbc.name));
  });

  it("refuses a link to an internal address with the reason, and stores nothing", async () => {
    const editor = await makeTokenUser("editor");
    const before = await countArticles();
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { url: `${server.origin}/to-metadata` },
    });
    expect(res.status).toBe(400);
    const problem = apiProblemSchema.parse(res.json);
    expect(problem.errors?.[0]).toMatchObject({ field: "url", code: "blockedAddress" });
    expect(problem.errors?.[0]?.detail).toMatch(/private or internal/);
    expect(await countArticles()).toBe(before);
  });

  it("says when a page has nothing that looks like an article", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { url: `${server.origin}/empty` },
    });
    expect(res.status).toBe(400);
    expect(apiProblemSchema.parse(res.json).errors?.[0]).toMatchObject({ field: "url", code: "noArticle" });
  });

  it("takes body or html, not both, and needs a title with a body", async () => {
    const editor = await makeTokenUser("editor");
    const both = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "T", body: "Du texte.", html: "<p>Du texte.</p>" },
    });
    expect(both.status).toBe(400);
    const untitled = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { body: "Du texte." },
    });
    expect(apiProblemSchema.parse(untitled.json).errors?.[0]).toMatchObject({
      field: "title",
      code: "required",
    });
    const nothing = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: { title: "T" },
    });
    expect(apiProblemSchema.parse(nothing.json).errors?.[0]).toMatchObject({
      field: "body",
      code: "bodyRequired",
    });
  });

  it("fetches nothing for a request without a valid token", async () => {
    const before = server.requests.length;
    const res = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: "cd_not-a-token",
      body: { url: `${server.origin}/bbc` },
    });
    expect(res.status).toBe(401);
    expect(server.requests.length).toBe(before);
  });
});
