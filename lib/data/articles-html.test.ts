import { describe, expect, it, vi } from "vitest";
import { fixtureHtml, fixtureText } from "@/lib/intake/fixtures";
import { createArticle, getArticleById, updateArticle } from "./articles";
import { makeUser } from "@/test/data-helpers";

// jsdom parses pages of up to half a megabyte: seconds each on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const fields = { title: "T", outlet: "", url: "", language: "", publishedAt: "" } as const;

describe("createArticle with an HTML body", () => {
  it("keeps only the article of a whole web page", async () => {
    const editor = await makeUser("editor");
    const name = "en-telegraph-zimbabwe-mugabe-coup";
    const { id } = await createArticle({
      actor: editor,
      input: { ...fields, body: fixtureHtml(name).toString("utf8"), bodyFormat: "html" },
    });
    const article = await getArticleById({ id });
    expect(`${article?.body}\n`).toBe(fixtureText(name));
    expect(article?.language).toBe("en");
  });

  it("keeps every word of a fragment", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: { ...fields, body: "<h2>Accueil</h2><p>Le Kremlin affirme.</p>", bodyFormat: "html" },
    });
    expect((await getArticleById({ id }))?.body).toBe("Accueil\n\nLe Kremlin affirme.");
  });
});

describe("an article's authors", () => {
  it("are stored when given, kept by an update that leaves them out, changed by one that gives them", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: { ...fields, body: "Le Kremlin affirme.", bodyFormat: "text", authors: " Anna Kubišta " },
    });
    expect((await getArticleById({ id }))?.authors).toBe("Anna Kubišta");
    await updateArticle({ actor: editor, input: { ...fields, id, version: 1, title: "T2" } });
    expect((await getArticleById({ id }))?.authors).toBe("Anna Kubišta");
    await updateArticle({ actor: editor, input: { ...fields, id, version: 2, authors: "" } });
    expect((await getArticleById({ id }))?.authors).toBeNull();
  });
});
