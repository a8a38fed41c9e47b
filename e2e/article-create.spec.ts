import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const SEED_ARTICLE = path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt");

/** Each run makes its own titles, so that re-runs against one server never find an older article. */
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function expectListed(page: Page, title: string, language: string) {
  await page.goto(`/articles?q=${encodeURIComponent(title)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(3)).toHaveText(language);
}

async function articleIdFromUrl(page: Page): Promise<number> {
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

async function createThroughForm(page: Page, title: string): Promise<number> {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Article text")
    .fill("Le Kremlin affirme que ses forces ont pris le contrôle de plusieurs villages.");
  await page.getByRole("button", { name: "Create article" }).click();
  return articleIdFromUrl(page);
}

test.describe("creating an article", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "editor");
    await page.goto("/articles/new");
    await expect(page.getByRole("heading", { name: "New article", level: 1 })).toBeVisible();
  });

  test("an editor creates an article by uploading the seed file", async ({ page }) => {
    const title = `Zelensky accuse la Russie ${stamp()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Outlet").fill("Euronews");
    await page.getByLabel("Link", { exact: true }).fill("https://fr.euronews.com/2025/07/20/zelensky");
    await page.getByLabel("Publication date").fill("2025-07-20");
    await expect(page.getByLabel("Article language")).toHaveValue("");

    await page.getByTestId("article-file").setInputFiles(SEED_ARTICLE);
    await expect(page.getByRole("status")).toHaveText("Loaded the text of “seed-article-fr.txt”.");
    const body = page.getByLabel("Article text");
    await expect(body).toHaveValue(/^Le président ukrainien Volodymyr Zelensky/);
    // Blank-line paragraphs, as stored: the file's runs of empty lines are gone.
    expect(await body.inputValue()).not.toMatch(/\n{3,}/);
    await expect(page.getByTestId("body-count")).toHaveText(/^[\d,]+ of 200,000 characters$/);
    await expect(page.getByText("Detected so far: French.")).toBeVisible();

    await page.getByRole("button", { name: "Create article" }).click();
    await articleIdFromUrl(page);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText(/^Euronews · July 20, 2025 · French/)).toBeVisible();
    await expectListed(page, title, "French");
  });

  test("an editor creates an article by pasting HTML from a web page", async ({ page }) => {
    const title = `Air traffic strike ${stamp()}`;
    await page.getByLabel("Title").fill(title);
    const body = page.getByLabel("Article text");
    await body.focus();
    await body.evaluate((el) => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        [
          "<meta charset='utf-8'><h2>Strike grounds flights</h2>",
          "<p>The <b>civil aviation authority</b> said on Monday that <a href='https://example.org'>forty per cent</a> of flights would be cancelled.</p>",
          "<script>window.pwned = true</script>",
          "<p>The transport ministry did not comment on the figures.</p>",
        ].join(""),
      );
      data.setData("text/plain", "plain fallback that must not be used");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(body).toHaveValue(
      "Strike grounds flights\n\nThe civil aviation authority said on Monday that forty per cent of flights would be cancelled.\n\nThe transport ministry did not comment on the figures.",
    );
    await expect(page.getByRole("status")).toHaveText(
      "The pasted formatting was removed; the paragraphs were kept.",
    );
    expect(await page.evaluate(() => "pwned" in window)).toBe(false);

    await page.getByRole("button", { name: "Create article" }).click();
    await articleIdFromUrl(page);
    await expectListed(page, title, "English");
  });

  test("an empty body shows the error next to the field and keeps what was typed", async ({ page }) => {
    await page.getByLabel("Title").fill("Un titre sans texte");
    await page.getByLabel("Link", { exact: true }).fill("not a link");
    await page.getByRole("button", { name: "Create article" }).click();

    const body = page.getByLabel("Article text");
    await expect(page.locator("#body-error")).toHaveText("Paste or upload the article text.");
    await expect(body).toHaveAttribute("aria-invalid", "true");
    await expect(body).toHaveAttribute("aria-describedby", /body-error/);
    await expect(page.locator("#url-error")).toHaveText(
      "Enter a full web address starting with http:// or https://.",
    );
    await expect(page).toHaveURL(/\/articles\/new$/);
    await expect(page.getByLabel("Title")).toHaveValue("Un titre sans texte");

    await body.fill("Le Kremlin affirme que ses forces ont pris le contrôle de plusieurs villages.");
    await expect(page.locator("#body-error")).toHaveCount(0);
  });

  test("a file of another type or over 2 MB is refused with a clear message", async ({ page }) => {
    await page.getByTestId("article-file").setInputFiles({
      name: "article.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4"),
    });
    await expect(page.locator("#body-error")).toHaveText(
      "“article.pdf” cannot be loaded: only .txt, .md and .html files can.",
    );
    await page.getByTestId("article-file").setInputFiles({
      name: "huge.txt",
      mimeType: "text/plain",
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "a"),
    });
    await expect(page.locator("#body-error")).toHaveText(
      "“huge.txt” is larger than 2 MB. Paste the text instead, or split the article.",
    );
    await expect(page.getByLabel("Article text")).toHaveValue("");
  });

  test("an HTML file dropped on the text box is read as a page: too short for an article, its whole text is offered", async ({
    page,
  }) => {
    const body = page.getByLabel("Article text");
    const drop = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      const html =
        "<html><body><p>Moscou affirme avoir pris <i>Mirne</i>.</p><p>Kyiv n'a pas commenté.</p></body></html>";
      data.items.add(new File([html], "depeche.html", { type: "text/html" }));
      return data;
    });
    await body.dispatchEvent("dragover", { dataTransfer: drop });
    await expect(page.getByText("Drop the file to load its text")).toBeVisible();
    await body.dispatchEvent("drop", { dataTransfer: drop });
    await expect(page.getByText("Nothing on this page looks like an article")).toBeVisible();
    await page.getByRole("button", { name: "Use the page’s whole text anyway" }).click();
    await expect(body).toHaveValue("Moscou affirme avoir pris Mirne.\n\nKyiv n'a pas commenté.");
  });

  test("a body over 200,000 characters is counted and refused before sending", async ({ page }) => {
    await page.getByLabel("Title").fill("Trop long");
    const body = page.getByLabel("Article text");
    await body.fill("x".repeat(200_001));
    await expect(page.getByTestId("body-count")).toHaveText("200,001 of 200,000 characters: 1 too many");
    await page.getByRole("button", { name: "Create article" }).click();
    await expect(page.locator("#body-error")).toHaveText(
      "The body is longer than 200,000 characters; split the article.",
    );
    await expect(page).toHaveURL(/\/articles\/new$/);
  });
});

test.describe("editing an article", () => {
  async function demoArticleEditUrl(page: Page): Promise<string> {
    await page.goto("/articles?q=Gr%C3%A8ve%20du%20contr%C3%B4le%20a%C3%A9rien");
    const href = await page.getByRole("link", { name: /^Grève du contrôle aérien/ }).getAttribute("href");
    return `${href}/edit`;
  }

  test("the body of the demo article is locked because it has claims", async ({ page }) => {
    await signIn(page, "editor");
    await page.goto(await demoArticleEditUrl(page));
    await expect(page.getByRole("heading", { name: "Edit article", level: 1 })).toBeVisible();
    await expect(page.getByTestId("body-locked")).toHaveText(
      "This article has 4 claims anchored to its text, so the body can no longer be edited. You can still change the title, outlet, link, language and date.",
    );
    await expect(page.getByRole("region", { name: "Article text (read-only)" })).toContainText(
      "La Direction générale de l'aviation civile",
    );
    await expect(page.getByLabel("Article text", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Title")).toHaveValue(/^Grève du contrôle aérien/);
    await expect(page.getByLabel("Article language")).toHaveValue("fr");
    await expect(page.getByRole("link", { name: "← Back to the article" })).toHaveAttribute(
      "href",
      /^\/articles\/\d+$/,
    );
  });

  test("an editor changes the details and text of an article without claims", async ({ page }) => {
    await signIn(page, "editor");
    const title = `À corriger ${stamp()}`;
    const id = await createThroughForm(page, title);

    await page.getByRole("link", { name: "Edit details" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${id}/edit$`));
    await expect(page.getByTestId("body-locked")).toHaveCount(0);
    await page.getByLabel("Title").fill(`${title} (corrigé)`);
    await page.getByLabel("Article language").selectOption("other");
    await page
      .getByLabel("Article text")
      .fill("Le Kremlin affirme avoir pris trois villages.\n\nKyiv n'a pas commenté.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${id}$`));
    await expectListed(page, `${title} (corrigé)`, "Other");
  });

  test("a save over someone else's newer save is refused with a clear message", async ({ browser }) => {
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signIn(first, "editor");
    await signIn(second, "reviewer");
    const id = await createThroughForm(first, `Conflit ${stamp()}`);
    await first.goto(`/articles/${id}/edit`);
    await second.goto(`/articles/${id}/edit`);

    await first.getByLabel("Outlet").fill("Le Courrier du Soir");
    await first.getByRole("button", { name: "Save changes" }).click();
    await expect(first).toHaveURL(new RegExp(`/articles/${id}$`));

    await second.getByLabel("Outlet").fill("La Gazette");
    await second.getByRole("button", { name: "Save changes" }).click();
    const alert = second.getByRole("alert").filter({ hasText: "Someone else" });
    await expect(alert).toContainText("Someone else saved this article while you were editing it.");
    await expect(alert).toBeFocused();
    await expect(second.getByLabel("Outlet")).toHaveValue("La Gazette");
    await expect(second).toHaveURL(/\/edit$/);

    await second.getByRole("button", { name: "Reload the latest version" }).click();
    await expect(second.getByLabel("Outlet")).toHaveValue("Le Courrier du Soir");
    await first.context().close();
    await second.context().close();
  });
});
