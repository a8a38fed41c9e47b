import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { selectText, signIn, setLocaleCookie } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { getUserCredentialsByEmail } from "@/lib/data/users";

const FIXTURE = fs.readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
  "utf8",
);

let articleId = 0;
let frenchArticleId = 0;

test.beforeAll(async () => {
  const editor = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  const article = await createArticle({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      title: "Zelensky accuse la Russie",
      outlet: "Fixture",
      url: "",
      language: "",
      publishedAt: "",
      body: FIXTURE,
      bodyFormat: "text",
    },
  });
  articleId = article.id;
  const french = await createArticle({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      title: "Zelensky accuse la Russie (formulaire)",
      outlet: "Fixture",
      url: "",
      language: "fr",
      publishedAt: "",
      body: FIXTURE,
      bodyFormat: "text",
    },
  });
  frenchArticleId = french.id;
  closeDb();
});

async function addClaim(
  page: Page,
  selection: string,
  fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void>,
) {
  await selectText(page, selection);
  await page.getByTestId("add-claim-from-selection").click();
  const form = page.getByTestId("claim-form");
  await expect(form).toBeVisible();
  await fill(form);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");
}

test("an editor breaks the seed article into claims, rates, edits and reads the history", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByText("No claims yet")).toBeVisible();

  // A selection that starts and ends mid-word is snapped to whole words.
  await selectText(
    page,
    "a Russie a tiré plus de 1 800 drones, plus de 1 200 bombes aériennes guidées et 83 missi",
  );
  await page.getByTestId("add-claim-from-selection").click();
  const form = page.getByTestId("claim-form");
  await expect(form.getByLabel("Quote")).toHaveValue(
    "la Russie a tiré plus de 1 800 drones, plus de 1 200 bombes aériennes guidées et 83 missiles",
  );
  await expect(form.getByLabel("Statement")).toHaveValue(/^la Russie a tiré plus de 1 800 drones/);
  await form.getByLabel("Speaker").fill("Volodymyr Zelensky");
  await form.getByText("Disputed", { exact: true }).click();
  await form.getByRole("button", { name: "Add source" }).click();
  await form.getByLabel("Source 1 address").fill("https://x.com/ZelenskyyUa");
  await form.getByLabel("Source 1 title").fill("Publication sur X");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");

  await addClaim(
    page,
    "Moscou dit contrôler un peu plus des deux tiers de la région de Donetsk",
    async (f) => {
      await f.getByLabel("Speaker").fill("Moscou");
      await f.getByText("No comment", { exact: true }).click();
      await f.getByRole("button", { name: "Save", exact: true }).click();
      await expect(f.getByText("Name who did not comment, for example “Kyiv”.")).toBeVisible();
      await f.getByLabel("Who did not comment").fill("Kyiv");
    },
  );

  // Overlapping the second claim is allowed.
  await addClaim(
    page,
    "des deux tiers de la région de Donetsk, y compris la ville de Donetsk elle-même",
    async (f) => {
      await f.getByLabel("Speaker").fill("Moscou");
    },
  );

  const list = page.getByTestId("claim-list");
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(page.locator("mark[data-claims]")).not.toHaveCount(0);
  await expect(page.locator('mark[data-claims*=" "]')).toHaveCount(1);

  // Clicking a highlight selects its claim in the list.
  await page.locator("mark", { hasText: "1 800 drones" }).click();
  const selected = list.locator("li", { has: page.locator('button[aria-expanded="true"]') });
  await expect(selected).toContainText("Volodymyr Zelensky");
  await expect(selected).toContainText("Publication sur X");

  // Edit it.
  await selected.getByRole("button", { name: "Edit" }).click();
  await form.getByLabel("Statement").fill("Zelensky dit que la Russie a tiré 1 800 drones en une semaine.");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");
  await expect(list).toContainText("Zelensky dit que la Russie a tiré 1 800 drones en une semaine.");

  // History.
  await list.locator("li", { hasText: "Zelensky dit que" }).getByRole("link", { name: "History" }).click();
  const timeline = page.getByTestId("claim-timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("listitem").first()).toContainText("created by Ana Martin");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("edited by Ana Martin");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText(
    "Zelensky dit que la Russie a tiré 1 800 drones",
  );
});

test("a stale save shows who changed the claim and keeps what the editor typed", async ({ browser }) => {
  const ana = await browser.newContext();
  const ben = await browser.newContext();
  const pageA = await ana.newPage();
  const pageB = await ben.newPage();
  await signIn(pageA, "editor");
  await signIn(pageB, "reviewer");
  await pageA.goto(`/articles/${articleId}`);
  await pageB.goto(`/articles/${articleId}`);

  const open = async (page: Page) => {
    await page
      .getByTestId("claim-list")
      .getByRole("button", { name: /Moscou dit contrôler/ })
      .click();
    await page.getByTestId("claim-list").getByRole("button", { name: "Edit" }).click();
    return page.getByTestId("claim-form");
  };
  const formA = await open(pageA);
  const formB = await open(pageB);

  await formB.getByLabel("Verdict note").fill("Ben checked the ISW map.");
  await formB.getByRole("button", { name: "Save", exact: true }).click();
  await expect(pageB.getByRole("status")).toHaveText("Claim saved.");

  await formA.getByLabel("Verdict note").fill("Ana's own note.");
  await formA.getByRole("button", { name: "Save", exact: true }).click();
  const alert = formA.getByRole("alert");
  await expect(alert).toContainText("Ben Okafor saved this claim at");
  await expect(alert.getByTestId("conflict-verdictNote-theirs")).toHaveText("Ben checked the ISW map.");
  await expect(alert.getByTestId("conflict-verdictNote-mine")).toHaveText("Ana's own note.");
  await expect(formA.getByLabel("Verdict note")).toHaveValue("Ana's own note.");

  await alert.getByRole("button", { name: "Keep all of mine" }).click();
  await formA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(pageA.getByRole("status")).toHaveText("Claim saved.");
  await ana.close();
  await ben.close();
});

// The claim form and its words (claimForm, reply, similar, live) are not in the page: they load on
// the first click that opens the form, in the reader's language, and the form saves at once.
test("in French, the claim form loads with its words on the first click, from the keyboard, and saves", async ({
  page,
}) => {
  await signIn(page, "editor");
  await setLocaleCookie(page, "fr");
  await page.goto(`/articles/${frenchArticleId}`);
  // None of the form's words were sent with the page.
  expect(await page.content()).not.toContain("Ancrée aux mots exacts de l’article.");

  await selectText(page, "Moscou dit contrôler un peu plus des deux tiers de la région de Donetsk");
  const add = page.getByTestId("add-claim-from-selection");
  await add.focus();
  await page.keyboard.press("Enter");
  const form = page.getByTestId("claim-form");
  await expect(form.getByLabel("Citation")).toHaveValue(
    "Moscou dit contrôler un peu plus des deux tiers de la région de Donetsk",
  );
  await expect(form.getByText("Ancrée aux mots exacts de l’article.")).toBeVisible();
  await form.getByLabel("Personne citée").fill("Moscou");
  // The verdict from the keyboard (its radios are visually hidden behind their labels).
  await form.getByRole("radio", { name: "Sans commentaire" }).focus();
  await page.keyboard.press("Space");
  await expect(form.getByRole("radio", { name: "Sans commentaire" })).toBeChecked();
  // The right of reply's words (the reply namespace) came with the form.
  await expect(form.getByTestId("claim-right-of-reply")).toContainText("Droit de réponse");
  await form.getByLabel("Qui n’a pas commenté").fill("Kyiv");
  await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Affirmation enregistrée.");

  // The saved claim is open in the list; opened again to edit, the form's words are already there.
  const list = page.getByTestId("claim-list");
  await expect(list.getByRole("button", { name: /Moscou dit contrôler/ })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await list.getByRole("button", { name: "Modifier", exact: true }).click();
  await expect(form.getByLabel("Personne citée")).toHaveValue("Moscou");
  await form.getByRole("button", { name: "Annuler", exact: true }).click();
  await expect(list).toBeVisible();
});
