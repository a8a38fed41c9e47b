// Living articles: the article's link is fetched again (a page served by this spec on 127.0.0.1),
// unchanged first, then corrected: a figure (1 800 → 1 900) flags the approved claim on it as
// changed, a paragraph pasted twice makes another ambiguous; the editor settles both.
import http from "node:http";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { actor, closeDb } from "./queue-data";
import { createArticle } from "@/lib/data/articles";
import { approveClaim, createClaim, getClaimById } from "@/lib/data/claims";
import { previewFromHtml } from "@/lib/intake";

// The spec's own page server, on the helper's port range (E2E_PORT + 1).
const PAGE_PORT = Number(process.env.E2E_PORT ?? 3220) + 1;
const origin = `http://127.0.0.1:${PAGE_PORT}`;

const stamp = Date.now().toString(36);
const PARAGRAPHS = [
  `Le président ukrainien a affirmé dimanche que la Russie avait tiré plus de 1 800 drones sur l'Ukraine en une semaine (${stamp}).`,
  "Le ministère russe de la Défense a pour sa part assuré avoir abattu 42 drones au-dessus de Belgorod.",
  "Selon l'armée de l'air ukrainienne, trois personnes ont été tuées à Odessa, où un entrepôt a pris feu.",
  "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
];
const FIGURE = "la Russie avait tiré plus de 1 800 drones sur l'Ukraine";
const ODESSA = "trois personnes ont été tuées à Odessa";

const html = (paragraphs: string[]) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Drones ${stamp}</title></head><body><article><h1>Drones ${stamp}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join("")}</article></body></html>`;

let page = html(PARAGRAPHS);
let server: http.Server;
let articleId = 0;
let figureClaim = 0;
let odessaClaim = 0;

test.beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(PAGE_PORT, "127.0.0.1", resolve));
  const extracted = previewFromHtml(page);
  if (!extracted.ok) throw new Error("the page has no article");
  const body = extracted.text;
  const editor = await actor("editor");
  ({ id: articleId } = await createArticle({
    actor: editor,
    input: {
      title: `Drones ${stamp}`,
      outlet: "",
      url: `${origin}/story`,
      language: "fr",
      publishedAt: "",
      body,
    },
  }));
  const claim = async (quote: string, extra: Record<string, unknown>) => {
    const start = body.indexOf(quote);
    const made = await createClaim({
      actor: editor,
      input: {
        articleId,
        start,
        end: start + quote.length,
        quote,
        statement: quote,
        speaker: "",
        verdict: "confirmed",
        verdictNote: "",
        silentParty: "",
        sources: [],
        ...extra,
      },
    });
    return made.id;
  };
  figureClaim = await claim(FIGURE, { submit: true });
  await approveClaim({ actor: await actor("reviewer"), id: figureClaim });
  odessaClaim = await claim(ODESSA, {});
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeDb();
});

test("a corrected page becomes a revision; the changed and the ambiguous claims are settled", async ({
  page: browser,
}) => {
  await signIn(browser, "editor");
  await browser.goto(`/articles/${articleId}/revisions`);
  const form = browser.getByTestId("revision-form");
  await expect(form.getByLabel("Fetch the link again")).toBeChecked();

  // Unchanged: said so, nothing added.
  await form.getByRole("button", { name: "Add the revision" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "The text has not changed since revision 1: nothing was added.",
  );

  // The outlet corrects a figure and pastes a paragraph twice.
  const corrected = [...PARAGRAPHS];
  corrected[0] = corrected[0]!.replace("1 800", "1 900");
  corrected.splice(3, 0, corrected[2]!);
  page = html(corrected);
  await form.getByRole("button", { name: "Add the revision" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Revision 2 added. Claims: 0 unchanged, 1 changed, 1 ambiguous, 0 not found.",
  );
  await expect(browser.getByTestId("revision-list").getByRole("listitem")).toHaveCount(2);
  const diff = browser.getByTestId("revision-diff");
  await expect(diff.locator("del")).toContainText(["800"]);
  await expect(diff.locator("ins").first()).toContainText("900");

  // The article page lists both claims, and the article is no longer verified.
  await browser.goto(`/articles/${articleId}`);
  const flagged = browser.getByTestId("anchor-summary");
  await expect(flagged.getByRole("heading")).toHaveText("2 claims need re-anchoring");
  await expect(flagged).toContainText("The article changed here");

  // Changed: the old and new wording side by side, accepted.
  await browser.goto(`/articles/${articleId}/claims/${figureClaim}`);
  const panel = browser.getByTestId("anchor-panel");
  await expect(panel.getByTestId("anchor-old")).toContainText("1 800 drones");
  await expect(panel.getByTestId("anchor-new")).toContainText("1 900 drones");
  await panel.getByRole("button", { name: "Accept the new wording" }).click();
  await expect(browser.getByTestId("anchor-panel")).toHaveCount(0);

  // Ambiguous: two passages, the editor picks the second.
  await browser.goto(`/articles/${articleId}/claims/${odessaClaim}`);
  const choose = browser.getByTestId("anchor-panel");
  await expect(choose.getByRole("listitem")).toHaveCount(2);
  await choose.getByRole("button", { name: "Use passage 2" }).click();
  await expect(browser.getByTestId("anchor-panel")).toHaveCount(0);

  const [figure, odessa] = await Promise.all([
    getClaimById({ id: figureClaim }),
    getClaimById({ id: odessaClaim }),
  ]);
  expect(figure).toMatchObject({
    anchorState: "exact",
    quote: FIGURE.replace("1 800", "1 900"),
    stage: "draft",
  });
  expect(figure?.reviewReason).toBe("article_changed_here");
  expect(odessa).toMatchObject({ anchorState: "exact", quote: ODESSA, anchorRevision: 2 });
});
