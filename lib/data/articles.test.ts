import { describe, expect, it } from "vitest";
import { articles } from "@/lib/data/tables";
import { MAX_BODY_LENGTH, type ArticleInput } from "@/lib/validation/article";
import { readSeedArticle } from "@/test/seed-article";
import { countArticles, createArticle, getArticleById, listArticles, updateArticle } from "./articles";
import { approveClaim, createClaim } from "./claims";
import { countRows, getDb } from "./connection";
import { claimInput, makeUser, refusal } from "@/test/data-helpers";

const ENGLISH =
  "The government announced on Monday that thousands of flights would be cancelled because of the air traffic controllers' strike.";

function input(extra: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: "Un article",
    outlet: "",
    url: "",
    language: "",
    publishedAt: "",
    body: "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté ces affirmations.",
    bodyFormat: "text",
    ...extra,
  };
}

describe("createArticle", () => {
  it("stores the normalised seed article and detects French", async () => {
    const editor = await makeUser("editor");
    const raw = readSeedArticle();
    const { id } = await createArticle({ actor: editor, input: input({ title: "Zelensky", body: raw }) });
    const article = await getArticleById({ id });
    expect(article?.language).toBe("fr");
    expect(article?.body.startsWith("Le président ukrainien Volodymyr Zelensky")).toBe(true);
    expect(article?.body).not.toMatch(/\n{3,}/);
    expect(article?.createdByName).toBe(editor.name);
    expect(article?.version).toBe(1);
  });

  it("detects English, and keeps a language chosen by the editor", async () => {
    const editor = await makeUser("editor");
    const detected = await createArticle({ actor: editor, input: input({ body: ENGLISH }) });
    expect((await getArticleById(detected))?.language).toBe("en");
    const chosen = await createArticle({ actor: editor, input: input({ body: ENGLISH, language: "other" }) });
    expect((await getArticleById(chosen))?.language).toBe("other");
  });

  it("stores empty optional fields as null and trims the rest", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: input({ title: "  Titre  ", outlet: " ", url: "", publishedAt: "" }),
    });
    const article = await getArticleById({ id });
    expect(article).toMatchObject({ title: "Titre", outlet: null, url: null, publishedAt: null });
    const full = await createArticle({
      actor: editor,
      input: input({ outlet: "Le Courrier", url: "https://example.org/a", publishedAt: "2026-11-24" }),
    });
    expect(await getArticleById(full)).toMatchObject({
      outlet: "Le Courrier",
      url: "https://example.org/a",
      publishedAt: "2026-11-24",
    });
  });

  it("converts an HTML body to text paragraphs and drops scripts", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: input({
        bodyFormat: "html",
        body: "<p>Le <b>Kremlin</b> affirme <a href='https://example.org'>ceci</a>.</p><script>alert(1)</script><p>Kyiv n'a pas commenté.</p>",
      }),
    });
    expect((await getArticleById({ id }))?.body).toBe("Le Kremlin affirme ceci.\n\nKyiv n'a pas commenté.");
  });

  it.each([
    ["an empty text body", { body: "" }],
    ["a body of spaces and line breaks", { body: " \r\n\t\n " }],
    ["a body of control characters", { body: "\u0000\u0007\uFEFF" }],
    [
      "an HTML body without text",
      { body: "<script>alert(1)</script><img src='x.png'>", bodyFormat: "html" as const },
    ],
  ])("refuses %s with a body field error and writes nothing", async (_, extra) => {
    const editor = await makeUser("editor");
    const before = await countArticles();
    const error = await refusal(createArticle({ actor: editor, input: input(extra) }));
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors?.body).toEqual(["bodyRequired"]);
    expect(await countArticles()).toBe(before);
  });

  it("refuses a body longer than the limit after normalisation and writes nothing", async () => {
    const editor = await makeUser("editor");
    const before = await countArticles();
    const error = await refusal(
      createArticle({ actor: editor, input: input({ body: "x".repeat(MAX_BODY_LENGTH + 1) }) }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors?.body).toEqual(["bodyTooLong"]);
    expect(await countArticles()).toBe(before);
  });

  it("refuses a raw body over twice the limit before normalising it", async () => {
    const editor = await makeUser("editor");
    const error = await refusal(
      createArticle({ actor: editor, input: input({ body: " ".repeat(MAX_BODY_LENGTH * 2) + "x" }) }),
    );
    expect(error.fieldErrors?.body).toEqual(["bodyTooLong"]);
  });

  it("accepts a body at the limit, and one over it only before normalisation", async () => {
    const editor = await makeUser("editor");
    const exact = await createArticle({ actor: editor, input: input({ body: "x".repeat(MAX_BODY_LENGTH) }) });
    expect((await getArticleById(exact))?.body.length).toBe(MAX_BODY_LENGTH);
    // 190 lines of 1,000 letters with trailing spaces and CRLF: 228,000+ characters in, about 190,000 stored.
    const padded = Array.from({ length: 190 }, () => "y".repeat(1000) + " ".repeat(200)).join("\r\n\r\n");
    expect(padded.length).toBeGreaterThan(MAX_BODY_LENGTH);
    const loose = await createArticle({ actor: editor, input: input({ body: padded }) });
    expect((await getArticleById(loose))?.body.length).toBe(190 * 1000 + 189 * 2);
  });

  it("refuses invalid metadata with field errors", async () => {
    const editor = await makeUser("editor");
    const error = await refusal(
      createArticle({
        actor: editor,
        input: input({
          title: " ",
          url: "javascript:alert(1)",
          publishedAt: "24/11/2026",
          language: "de" as "fr",
        }),
      }),
    );
    expect(error.fieldErrors).toMatchObject({
      title: ["required"],
      url: expect.arrayContaining(["invalidUrl"]),
      publishedAt: expect.arrayContaining(["invalidDate"]),
      language: expect.any(Array),
    });
  });

  it("refuses an actor whose role is unknown", async () => {
    const before = await countRows(getDb(), articles);
    const error = await refusal(
      createArticle({ actor: { id: 1, role: "guest" as "editor" }, input: input() }),
    );
    expect(error.code).toBe("forbidden");
    expect(await countRows(getDb(), articles)).toBe(before);
  });
});

describe("updateArticle", () => {
  it("changes the metadata and the body while no claim is anchored, and bumps the version", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({ actor: editor, input: input() });
    await updateArticle({
      actor: editor,
      input: {
        id,
        version: 1,
        title: "Nouveau",
        outlet: "AFP",
        url: "",
        language: "en",
        publishedAt: "2026-01-02",
        body: "Autre\r\ntexte",
      },
    });
    expect(await getArticleById({ id })).toMatchObject({
      title: "Nouveau",
      outlet: "AFP",
      language: "en",
      publishedAt: "2026-01-02",
      body: "Autre\n\ntexte",
      version: 2,
    });
  });

  it("changes the metadata of an article with claims and keeps its body", async () => {
    const editor = await makeUser("editor");
    const original = input();
    const { id } = await createArticle({ actor: editor, input: original });
    const body = (await getArticleById({ id }))!.body;
    await createClaim({ actor: editor, input: claimInput(id, body, "Kyiv n'a pas commenté") });
    await updateArticle({
      actor: editor,
      input: { id, version: 1, title: "Renommé", outlet: "", url: "", language: "fr", publishedAt: "" },
    });
    expect(await getArticleById({ id })).toMatchObject({ title: "Renommé", body, version: 2 });
  });

  it("refuses a stale version with a conflict and keeps the newer write", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({ actor: editor, input: input() });
    const meta = { outlet: "", url: "", language: "fr" as const, publishedAt: "" };
    await updateArticle({ actor: editor, input: { id, version: 1, title: "Premier", ...meta } });
    const error = await refusal(
      updateArticle({ actor: editor, input: { id, version: 1, title: "Second", ...meta } }),
    );
    expect(error.code).toBe("conflict");
    expect((await getArticleById({ id }))?.title).toBe("Premier");
  });

  it("refuses a missing article", async () => {
    const editor = await makeUser("editor");
    const error = await refusal(
      updateArticle({
        actor: editor,
        input: { id: 999_999, version: 1, title: "T", outlet: "", url: "", language: "fr", publishedAt: "" },
      }),
    );
    expect(error.code).toBe("not_found");
  });
});

describe("listArticles", () => {
  it("finds articles by a word of the title, ignoring ASCII case", async () => {
    const editor = await makeUser("editor");
    await createArticle({ actor: editor, input: input({ title: "Grève des contrôleurs à Orly" }) });
    await createArticle({ actor: editor, input: input({ title: "Orly : reprise du trafic" }) });
    await createArticle({ actor: editor, input: input({ title: "Budget de la Défense" }) });
    const found = await listArticles({ q: "orly" });
    expect(found.items.map((a) => a.title).sort()).toEqual([
      "Grève des contrôleurs à Orly",
      "Orly : reprise du trafic",
    ]);
    expect(found.total).toBe(2);
  });

  it("treats % and _ in the search as plain characters", async () => {
    const editor = await makeUser("editor");
    await createArticle({ actor: editor, input: input({ title: "Inflation : hausse de 100% en un an" }) });
    await createArticle({ actor: editor, input: input({ title: "Inflation : hausse de 1000 euros" }) });
    await createArticle({ actor: editor, input: input({ title: "Inflation : code_postal" }) });
    expect((await listArticles({ q: "100%" })).items.map((a) => a.title)).toEqual([
      "Inflation : hausse de 100% en un an",
    ]);
    expect((await listArticles({ q: "code_p" })).items.map((a) => a.title)).toEqual([
      "Inflation : code_postal",
    ]);
    expect((await listArticles({ q: "Inflation : hausse" })).total).toBe(2);
  });

  it("sorts by creation, title and publication date", async () => {
    const editor = await makeUser("editor");
    const titles = ["Tri b", "Tri C", "Tri a"];
    const dates = ["2026-01-02", "", "2026-03-04"];
    for (const [i, title] of titles.entries()) {
      await createArticle({ actor: editor, input: input({ title, publishedAt: dates[i] }) });
    }
    const order = async (sort: "newest" | "oldest" | "title" | "published") =>
      (await listArticles({ q: "Tri ", sort })).items.map((a) => a.title);
    expect(await order("newest")).toEqual(["Tri a", "Tri C", "Tri b"]);
    expect(await order("oldest")).toEqual(["Tri b", "Tri C", "Tri a"]);
    expect(await order("title")).toEqual(["Tri a", "Tri b", "Tri C"]);
    expect(await order("published")).toEqual(["Tri a", "Tri b", "Tri C"]);
  });

  it("pages by 20 and keeps a page beyond the end on the last page", async () => {
    const editor = await makeUser("editor");
    for (let i = 1; i <= 25; i++) {
      await createArticle({ actor: editor, input: input({ title: `Page ${String(i).padStart(2, "0")}` }) });
    }
    const first = await listArticles({ q: "Page ", sort: "title" });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    const second = await listArticles({ q: "Page ", sort: "title", page: 2 });
    expect(second.items.map((a) => a.title)).toEqual(["Page 21", "Page 22", "Page 23", "Page 24", "Page 25"]);
    expect((await listArticles({ q: "Page ", sort: "title", page: 9 })).page).toBe(2);
    const empty = await listArticles({ q: "zzzz-nothing" });
    expect(empty).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
  });

  it("filters on verified: every claim approved, and at least one", async () => {
    const editor = await makeUser("editor");
    const reviewer = await makeUser("reviewer");
    const text = "Kyiv n'a pas commenté";
    const verified = await createArticle({ actor: editor, input: input({ title: "Filtre vérifié" }) });
    const pending = await createArticle({ actor: editor, input: input({ title: "Filtre en cours" }) });
    await createArticle({ actor: editor, input: input({ title: "Filtre vide" }) });
    const body = (await getArticleById(verified))!.body;
    const claim = await createClaim({
      actor: editor,
      input: claimInput(verified.id, body, text, { verdict: "confirmed", submit: true }),
    });
    await approveClaim({ actor: reviewer, id: claim.id });
    await createClaim({ actor: editor, input: claimInput(pending.id, body, text) });

    const titles = async (v: "yes" | "no" | "all") =>
      (await listArticles({ q: "Filtre", verified: v, sort: "title" })).items.map((a) => a.title);
    expect(await titles("yes")).toEqual(["Filtre vérifié"]);
    expect(await titles("no")).toEqual(["Filtre en cours", "Filtre vide"]);
    expect(await titles("all")).toHaveLength(3);
    const [item] = (await listArticles({ q: "Filtre vérifié" })).items;
    expect(item?.progress).toMatchObject({ total: 1, verified: true, byStage: { approved: 1 } });
  });
});
