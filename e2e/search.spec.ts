import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { closeDb } from "./data";
import { selectText, signIn, setLocaleCookie } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { ACCOUNTS } from "./accounts";

// The demo workspace: one French article on an air traffic control strike, one approved claim
// ("La DGAC annonce l'annulation de 40 % des vols à Orly mardi.") and three others. It is article 1;
// other specs add copies of it, so results are matched on their link into article 1.
const DEMO_LINK = 'a[href^="/articles/1?"]';

test("an editor searches from the navigation without accents and opens a result", async ({ page }) => {
  await signIn(page, "editor");
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: "Search claims and articles" });
  await expect(box).toBeFocused();
  await page.keyboard.type("controleurs");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=controleurs$/);
  await expect(page.getByRole("heading", { name: "Search", exact: true })).toBeVisible();
  const claims = page.getByTestId("claim-results");
  const result = claims
    .getByRole("link", { name: "Il manquerait plus de 1 200 contrôleurs aériens en France." })
    .and(page.locator(DEMO_LINK));
  await expect(result).toBeVisible();
  await expect(result.locator("mark")).toHaveText("contrôleurs");
  // The marks carry no class: the results list styles them (a pale amber, not the browser's yellow).
  await expect(result.locator("mark")).toHaveCSS("padding-left", "2px");
  await expect(result.locator("mark")).not.toHaveCSS("background-color", "rgb(255, 255, 0)");
  await expect(
    page
      .getByTestId("article-results")
      .getByRole("link", { name: /Grève du contrôle aérien/ })
      .first(),
  ).toBeVisible();

  await result.click();
  await expect(page).toHaveURL(/\/articles\/\d+\?claim=\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Grève du contrôle aérien/ })).toBeVisible();
});

test("half a claim typed without accents finds it, and / does not steal keys from a field", async ({
  page,
}) => {
  await signIn(page, "editor");
  const titleSearch = page.getByRole("searchbox", { name: "Search articles by title" });
  await titleSearch.click();
  await page.keyboard.type("a/b");
  await expect(titleSearch).toHaveValue("a/b");
  await expect(page.getByRole("searchbox", { name: "Search claims and articles" })).not.toBeFocused();

  await page.goto("/search");
  await page
    .getByRole("searchbox", { name: "Words to look for" })
    .fill("la dgac annonce l'annulation de 40 % des vols a orl");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const demo = page
    .getByTestId("claim-results")
    .getByRole("listitem")
    .filter({ has: page.locator(DEMO_LINK) });
  await expect(
    demo.getByRole("link", { name: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." }),
  ).toBeVisible();
  await expect(demo.getByText("Approved", { exact: true })).toBeVisible();

  await page.getByLabel("Verdict").selectOption("disputed");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/verdict=disputed/);
  // No disputed claim holds every word: the page says so and shows those holding some of them.
  await expect(page.getByText("No result holds every word")).toBeVisible();
  await expect(
    page.getByRole("link", { name: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." }),
  ).toHaveCount(0);
  const items = page.getByTestId("claim-results").getByRole("listitem");
  await expect(items.first()).toBeVisible();
  await expect(page.getByTestId("claim-results").getByText("Disputed", { exact: true })).toHaveCount(
    await items.count(),
  );
});

test("hostile search text shows a page, never an error", async ({ page }) => {
  await signIn(page, "editor");
  for (const q of ['"((', "NEAR(a b) AND OR", "speaker:* -^", "\u0301"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Search", exact: true })).toBeVisible();
  }
});

test("the similar-claims panel shows the approved claim for a reworded one", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/search");
  const panel = page.getByTestId("similar-claims");
  await expect(panel).toContainText("As you write");
  await page
    .getByLabel("Has the desk checked this already?")
    .fill("Orly : la DGAC annule 40 % des vols mardi");

  const item = panel
    .getByRole("listitem")
    .filter({ hasText: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." })
    .filter({ has: page.locator(DEMO_LINK) });
  await expect(item).toBeVisible();
  await expect(item.getByText("Confirmed")).toBeVisible();
  await expect(item).toContainText("Communiqué de la DGAC du 23 novembre");
  await expect(item).toContainText(/Approved \w+ \d+, \d{4}/);
  await expect(item.getByRole("link", { name: /Open in “Grève du contrôle aérien/ })).toHaveAttribute(
    "href",
    /^\/articles\/\d+\?claim=\d+$/,
  );
  const results = await new AxeBuilder({ page }).include("[data-testid=similar-claims]").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("the similar-claims checker in French loads its panel when the field is focused from the keyboard", async ({
  page,
}) => {
  await signIn(page, "editor");
  await setLocaleCookie(page, "fr");
  await page.goto("/search");
  const panel = page.getByTestId("similar-claims");
  // The panel's frame and hint come from the server, before its JavaScript has loaded.
  await expect(panel.getByRole("heading", { name: "Déjà vérifié ailleurs" })).toBeVisible();
  await expect(panel).toContainText("Pendant que vous écrivez");
  const field = page.getByLabel("Le desk a-t-il déjà vérifié cela\u00a0?");
  await field.focus();
  await expect(field).toBeFocused();
  await page.keyboard.type("Orly : la DGAC annule 40 % des vols mardi");
  await expect(field).toBeFocused();
  const item = panel
    .getByRole("listitem")
    .filter({ hasText: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." })
    .filter({ has: page.locator(DEMO_LINK) });
  await expect(item.getByText("Confirmée", { exact: true })).toBeVisible();
  await expect(item).toContainText(/Validée le \d+ \S+ \d{4}/);
});

test("speakers list their claims, and only reviewers see the merge controls", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("link", { name: "Speakers" }).click();
  await expect(page.getByRole("heading", { name: "Speakers" })).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByText("Reviewers and admins can merge duplicate names.")).toBeVisible();
  await page.getByRole("link", { name: "DGAC", exact: true }).click();
  await expect(page.getByRole("heading", { name: "DGAC" })).toBeVisible();
  await expect(
    page
      .getByRole("link", { name: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." })
      .and(page.locator(DEMO_LINK)),
  ).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out once the sign-in page shows, not when the click is sent.
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "reviewer");
  await page.goto("/speakers");
  await page.getByRole("checkbox", { name: "Select DGAC" }).check();
  await expect(page.getByRole("heading", { name: "Rename 1 speaker" })).toBeVisible();
  await expect(page.getByText("Approved claims stay approved")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Rename 1 speaker" })).toHaveCount(0);
});

test("insights draw their charts and keep the figures in a table", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verdicts over time" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const speakers = page.getByRole("region", { name: "Verdicts by speaker" });
  await speakers.getByText("Show the figures").click();
  await expect(speakers.getByRole("cell", { name: "DGAC" })).toBeVisible();
  await page.getByRole("link", { name: "4 weeks" }).click();
  await expect(page).toHaveURL(/weeks=4/);
});

test("writing a claim in another article shows the claim the desk already approved", async ({ page }) => {
  const editor = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  const article = await createArticle({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      title: "Orly, deuxième jour de grève",
      outlet: "Le Quotidien",
      url: "",
      language: "fr",
      publishedAt: "",
      body: "Le trafic reste perturbé. À Orly, la DGAC annule 40 % des vols mardi, a indiqué la direction.",
      bodyFormat: "text",
    },
  });
  closeDb();

  await signIn(page, "editor");
  await page.goto(`/articles/${article.id}`);
  await selectText(page, "la DGAC annule 40 % des vols mardi");
  await page.getByTestId("add-claim-from-selection").click();
  const form = page.getByTestId("claim-form");
  const item = form
    .getByTestId("similar-claims")
    .getByRole("listitem")
    .filter({ hasText: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi." })
    .filter({ has: page.locator(DEMO_LINK) });
  await expect(item).toBeVisible();
  await expect(item.getByText("Confirmed")).toBeVisible();
  await expect(item.getByRole("link", { name: /Open in “Grève du contrôle aérien/ })).toBeVisible();
});
