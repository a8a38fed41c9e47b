// Importing an article from a link: the page is served by a server this spec starts on 127.0.0.1
// (the e2e server's FETCH_ALLOW_HOSTS lets the desk fetch from loopback), the preview shows the
// extracted article and its details, the editor saves it and asks for claim suggestions.
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/articles");
const REUTERS = fs.readFileSync(path.join(FIXTURES, "en-reuters-israel-tank-journalists.html"));
const REUTERS_TEXT = fs.readFileSync(path.join(FIXTURES, "en-reuters-israel-tank-journalists.txt"), "utf8");
const HEADLINE = "Israeli tank 'likely' fired machine gun at reporters after deadly shelling, report finds";

let server: http.Server;
let origin = "";

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/world/israeli-tank")
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(REUTERS);
    else if (req.url === "/report.pdf")
      res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.4");
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("an editor imports an article from a link, checks the preview, saves it and gets claim suggestions", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");

  // A link that is not a web page: a clear refusal, nothing filled in.
  const address = page.getByLabel("Address of the web page");
  await address.fill(`${origin}/report.pdf`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "This link is not a web page: only HTML pages can be imported.",
  );
  await expect(page.getByLabel("Title")).toHaveValue("");

  await address.fill(`${origin}/world/israeli-tank`);
  await address.press("Enter");
  const preview = page.getByTestId("import-preview");
  await expect(
    preview.getByRole("heading", { name: "Imported article: check it before saving" }),
  ).toBeVisible();
  await expect(preview).toContainText("Reuters");
  await expect(preview).toContainText("March 7, 2024");
  await expect(preview).toContainText("Maya Gebeily, Anthony Deutsch");
  await expect(preview).toContainText(
    "https://www.reuters.com/world/middle-east/israeli-tank-likely-scenario-fired-machine-gun-reporters-after-deadly-shelling-2024-03-07/",
  );

  // The form is filled in with the details and exactly the article's text.
  await expect(page.getByLabel("Title")).toHaveValue(HEADLINE);
  await expect(page.getByLabel("Outlet")).toHaveValue("Reuters");
  await expect(page.getByLabel("Link", { exact: true })).toHaveValue(
    /^https:\/\/www\.reuters\.com\/world\/middle-east\//,
  );
  await expect(page.getByLabel("Publication date")).toHaveValue("2024-03-07");
  await expect(page.getByLabel("Article language")).toHaveValue("en");
  await expect(page.getByLabel("Authors")).toHaveValue("Maya Gebeily, Anthony Deutsch");
  const body = page.getByLabel("Article text");
  await expect(body).toHaveValue(REUTERS_TEXT.trimEnd());

  // The form with its preview has no serious accessibility violations.
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);

  // The page's whole text is one click away, and the article another.
  await preview.getByRole("button", { name: "Use the page’s whole text instead" }).click();
  await expect(body).toHaveValue(/Breakingviews/);
  await preview.getByRole("button", { name: "Use the extracted article again" }).click();
  await expect(body).toHaveValue(REUTERS_TEXT.trimEnd());

  // The editor corrects a detail before saving.
  const title = `${HEADLINE} (${Date.now().toString(36)})`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(
    page.getByText(/^Reuters · Maya Gebeily, Anthony Deutsch · March 7, 2024 · English/),
  ).toBeVisible();
  const stored = page.getByTestId("article-body");
  await expect(stored).toContainText("An Israeli tank crew killed a Reuters reporter");
  await expect(stored).not.toContainText("opens new tab");
  await expect(stored).not.toContainText("Skip to main content");

  await page.getByRole("button", { name: "Suggest claims" }).click();
  const panel = page.getByTestId("suggestions");
  await expect(panel.getByRole("heading", { name: /suggestions/ })).toBeVisible();
  const suggestions = panel.getByRole("listitem");
  await expect(suggestions.first()).toBeVisible();
  const count = await suggestions.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(60);
  await expect(panel).not.toContainText("Skip to main content");
  // The suggestions are the article's sentences (no "Skip to main content" among them): the first
  // claim of the lead paragraph is accepted as a draft.
  const lead = suggestions.filter({ hasText: "An Israeli tank crew killed a Reuters reporter" });
  await expect(lead).toHaveCount(1);
  await lead.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("1 claim added as draft.");
});

test("an editor uploads a saved web page and gets only its article, with its details", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page
    .getByTestId("article-file")
    .setInputFiles(path.join(FIXTURES, "fr-lemonde-previsions-commission-europeenne.html"));
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("From “fr-lemonde-previsions-commission-europeenne.html”");
  await expect(preview).toContainText("Cécile Ducourtieux");
  await expect(page.getByLabel("Title")).toHaveValue(
    "Les sombres perspectives économiques de la Commission européenne",
  );
  await expect(page.getByLabel("Outlet")).toHaveValue("Le Monde");
  await expect(page.getByLabel("Publication date")).toHaveValue("2019-05-07");
  await expect(page.getByLabel("Article language")).toHaveValue("fr");
  const text = fs.readFileSync(
    path.join(FIXTURES, "fr-lemonde-previsions-commission-europeenne.txt"),
    "utf8",
  );
  await expect(page.getByLabel("Article text")).toHaveValue(text.trimEnd());
});
