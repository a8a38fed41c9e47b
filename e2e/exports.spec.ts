import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { DEMO_ARTICLE } from "@/db/demo";
import { expect, test, untilHydrated } from "./fixtures";
import { createArticle } from "@/lib/data/articles";
import { approveClaim, createClaim } from "@/lib/data/claims";
import { createDemoArticle } from "@/lib/data/seed";
import { getUserCredentialsByEmail, setUserLocale } from "@/lib/data/users";
import { CSV_COLUMNS } from "@/lib/export/csv";
import { parseCsv } from "@/test/export-fixtures";
import type { Role } from "@/lib/review/model";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { signIn } from "./helpers";

// The demo article as the seed writes it, in a copy of our own: the other specs keep the seed
// article's claims in the stages they expect. Its two claims in review are approved by the admin,
// who did not rate them; the draft stays a draft.
let articleId = 0;
let englishArticleId = 0;
const BULK_DAY = "2019-03-14";
const BULK_ARTICLES = 4;

type Actor = { id: number; role: Role };

async function actor(key: keyof typeof ACCOUNTS): Promise<Actor> {
  const user = await getUserCredentialsByEmail({ email: ACCOUNTS[key].email });
  if (!user) throw new Error(`missing demo account ${key}`);
  return { id: user.id, role: user.role };
}

async function verifiedEnglishArticle(editor: Actor, reviewer: Actor, publishedAt: string, title: string) {
  const body = "The Kremlin said its forces took 12 villages.\n\nKyiv did not respond to these claims.";
  const { id } = await createArticle({
    actor: editor,
    input: {
      title,
      outlet: "The Morning Wire",
      url: "",
      language: "en",
      publishedAt,
      body,
      bodyFormat: "text",
    },
  });
  const quote = "The Kremlin said its forces took 12 villages.";
  const claim = await createClaim({
    actor: editor,
    input: {
      articleId: id,
      start: 0,
      end: quote.length,
      quote,
      statement: "Russian forces took 12 villages.",
      speaker: "the Kremlin",
      verdict: "uncommented",
      verdictNote: "",
      silentParty: "Kyiv",
      sources: [],
      rightOfReply: {
        kind: "notContacted",
        reason: "Kyiv's spokespeople are not reachable during the offensive.",
      },
      submit: true,
    },
  });
  await approveClaim({ actor: reviewer, id: claim.id });
  return id;
}

test.beforeAll(async () => {
  const editor = await actor("editor");
  const reviewer = await actor("reviewer");
  const admin = await actor("admin");
  const demo = await createDemoArticle({ editor, reviewer });
  articleId = demo.articleId;
  for (const claim of demo.claims) {
    if (claim.stage === "in_review") await approveClaim({ actor: admin, id: claim.id });
  }
  englishArticleId = await verifiedEnglishArticle(
    editor,
    reviewer,
    "2026-11-20",
    "Kremlin claims 12 villages",
  );
  for (let i = 1; i <= BULK_ARTICLES; i += 1) {
    await verifiedEnglishArticle(editor, reviewer, BULK_DAY, `Bulk export article ${i}`);
  }
  closeDb();
});

test.afterAll(async () => {
  // The language switch is saved on the account: leave it as the other specs expect.
  await setUserLocale({ id: (await actor("reviewer")).id, locale: null });
  closeDb();
});

const APPROVED_STATEMENTS = [
  "La DGAC annonce l'annulation de 40 % des vols à Orly mardi.",
  "Il manquerait plus de 1 200 contrôleurs aériens en France.",
  "Ryanair dit avoir annulé 420 vols touchant 75 000 passagers depuis dimanche.",
];
const DRAFT_STATEMENT = "Le service minimum serait garanti à 90 % pour les long-courriers.";
const FILE_STEM = "2026-11-24-greve-du-controle-aerien-des-milliers-de-vols-annules-le";

async function downloadFrom(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { download, text: fs.readFileSync(file, "utf8") };
}

/** Markdown escapes punctuation with backslashes; compare the text without them. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

test("the article page downloads the verified summary as Markdown and CSV", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  const menu = page.getByRole("button", { name: "Export" });

  await menu.click();
  const md = await downloadFrom(page, () => page.getByRole("link", { name: /^Markdown/ }).click());
  expect(md.download.suggestedFilename()).toBe(`${FILE_STEM}-summary.md`);
  const text = unescapeMarkdown(md.text);
  expect(text).toContain(`# ${DEMO_ARTICLE.title}`);
  for (const statement of APPROVED_STATEMENTS) expect(text).toContain(statement);
  expect(text).not.toContain(DRAFT_STATEMENT);
  // The demo asked the ministry on 23 November at 17:30: the newsroom's sentence, from that request.
  expect(text).toMatch(
    /\*Le ministère des Transports n'avait pas répondu à notre sollicitation, envoyée le 23\s+novembre à 17\s+h\s+30, au moment de la publication\.\*/,
  );
  expect(text).toContain("3 affirmations vérifiées");
  expect(text).toContain("Évalué par Ana Martin le");
  expect(text).toContain("approuvé par Chloé Dubois le");
  expect(text).toContain("approuvé par Ben Okafor le");

  // A French article: semicolons first, for French Excel; a comma on request.
  await menu.click();
  await expect(page.getByRole("radio", { name: "Semicolon ;" })).toBeChecked();
  const csv = await downloadFrom(page, () => page.getByRole("link", { name: /^CSV/ }).click());
  expect(csv.download.suggestedFilename()).toBe(`${FILE_STEM}-claims.csv`);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text.split("\r\n")[0]).toBe(`\ufeff${CSV_COLUMNS.join(";")}`);
  await menu.click();
  await page.getByRole("radio", { name: "Comma ," }).check();
  const commaCsv = await downloadFrom(page, () => page.getByRole("link", { name: /^CSV/ }).click());
  const rows = parseCsv(commaCsv.text.slice(1));
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  const statement = CSV_COLUMNS.indexOf("statement");
  expect(
    rows
      .slice(1)
      .map((row) => row[statement])
      .sort(),
  ).toEqual([...APPROVED_STATEMENTS].sort());
  const silent = rows.find((row) => row[CSV_COLUMNS.indexOf("verdict")] === "uncommented");
  expect(silent?.[CSV_COLUMNS.indexOf("silent_party")]).toBe("le ministère des Transports");
});

test("the summary page downloads JSON, ClaimReview and HTML, and embeds the ClaimReview", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}/summary`);
  const downloads = page.getByRole("list", { name: "Download" });

  const json = await downloadFrom(page, () =>
    downloads.getByRole("link", { name: "JSON", exact: true }).click(),
  );
  expect(json.download.suggestedFilename()).toBe(`${FILE_STEM}-summary.json`);
  const doc = JSON.parse(json.text) as { language: string; counts: { total: number; uncommented: number } };
  expect(doc.language).toBe("fr");
  expect(doc.counts).toMatchObject({ total: 3, uncommented: 1 });

  const jsonLd = await downloadFrom(page, () => downloads.getByRole("link", { name: "ClaimReview" }).click());
  expect(jsonLd.download.suggestedFilename()).toBe(`${FILE_STEM}-claimreview.jsonld`);
  const reviews = JSON.parse(jsonLd.text) as {
    "@type": string;
    claimReviewed: string;
    reviewRating: { "@type": string; ratingValue: number; alternateName: string };
    itemReviewed: { "@type": string; author?: { name: string } };
  }[];
  // The silence is left out of ClaimReview (only the menu's "with claims nobody answered" adds it).
  expect(reviews).toHaveLength(2);
  for (const review of reviews) {
    expect(review["@type"]).toBe("ClaimReview");
    expect(review.reviewRating["@type"]).toBe("Rating");
    expect(review.itemReviewed["@type"]).toBe("Claim");
  }
  expect(reviews.map((r) => r.reviewRating.alternateName).sort()).toEqual(["Confirmé", "Contesté"].sort());
  const disputed = reviews.find((r) => r.reviewRating.alternateName === "Contesté");
  expect(disputed?.reviewRating.ratingValue).toBeUndefined();

  const html = await downloadFrom(page, () => downloads.getByRole("link", { name: "HTML" }).click());
  expect(html.download.suggestedFilename()).toBe(`${FILE_STEM}-summary.html`);
  expect(html.text).toContain('<html lang="fr">');
  expect(html.text).toMatch(
    /Le ministère des Transports n&#39;avait pas répondu à notre sollicitation, envoyée le 23/,
  );

  const embedded = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(embedded ?? "null")).toEqual(reviews);
});

test("without APP_URL, exported links use the address the desk was opened at, and the admin page says so", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await expect(page.getByTestId("app-url-notice")).toContainText(`Exported links point at ${origin}`);
  await expect(page.getByTestId("app-url-notice")).toContainText("APP_URL");
  await page.goto(`/articles/${articleId}/summary`);
  const json = await downloadFrom(page, () =>
    page.getByRole("list", { name: "Download" }).getByRole("link", { name: "JSON", exact: true }).click(),
  );
  const doc = JSON.parse(json.text) as { verdicts: Record<string, { claims: { url: string }[] }> };
  const urls = Object.values(doc.verdicts).flatMap((group) => group.claims.map((claim) => claim.url));
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url.startsWith(`${origin}/articles/${articleId}#claim-`)).toBe(true);
});

test("the summary keeps the article's language whatever the interface language", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/articles/${articleId}/summary`);
  const summary = page.locator(".summary-document");
  await expect(summary).toHaveAttribute("lang", "fr");
  await expect(summary.getByText("Synthèse vérifiée")).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Confirmé (1)" })).toBeVisible();
  await expect(
    summary.getByText(
      /^Le ministère des Transports n'avait pas répondu à notre sollicitation, envoyée le 23/,
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  await expect(page.getByText("The summary is written in the article's language (French).")).toBeVisible();

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("button", { name: "Imprimer / Enregistrer en PDF" })).toBeVisible();
  await expect(summary).toHaveAttribute("lang", "fr");
  await expect(summary.getByText("Synthèse vérifiée")).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Sans commentaire (1)" })).toBeVisible();
  await expect(page.getByText("La synthèse est rédigée")).toHaveCount(0);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
});

test("an English article gets an English summary", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${englishArticleId}/summary`);
  const summary = page.locator(".summary-document");
  await expect(summary).toHaveAttribute("lang", "en");
  await expect(summary.getByText("Verified summary")).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Did not comment (1)" })).toBeVisible();
  await expect(summary.getByText("Kyiv did not comment.")).toBeVisible();
  await expect(summary.getByText("1 claim verified: 1 without comment.")).toBeVisible();
});

test("the claims not yet approved can be added, marked as unverified", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}/summary`);
  await expect(page.getByText(DRAFT_STATEMENT)).toHaveCount(0);
  await page.getByRole("link", { name: "Include not yet approved (1)" }).click();
  await expect(page).toHaveURL(/unapproved=1/);
  const summary = page.locator(".summary-document");
  await expect(summary.getByRole("heading", { name: DRAFT_STATEMENT })).toContainText("Non vérifié");
  await expect(summary.getByRole("note")).toContainText("Document de travail");

  const md = await downloadFrom(page, () =>
    page.getByRole("list", { name: "Download" }).getByRole("link", { name: "Markdown" }).click(),
  );
  expect(md.download.suggestedFilename()).toBe(`${FILE_STEM}-summary-with-unverified.md`);
  expect(unescapeMarkdown(md.text)).toContain(`**4. ${DRAFT_STATEMENT}** *(Non vérifié)*`);
});

test("printing shows the document alone", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}/summary`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await expect(page.locator(".summary-document").getByRole("heading", { level: 1 })).toHaveText(
    DEMO_ARTICLE.title,
  );
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
});

test("the bulk export saves every verified article of a range", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { name: "Exports" })).toBeVisible();
  await untilHydrated(page);
  await page.getByLabel("From", { exact: true }).fill(BULK_DAY);
  await page.getByLabel("To", { exact: true }).fill(BULK_DAY);

  const jsonl = await downloadFrom(page, () => page.getByRole("button", { name: "Download" }).click());
  expect(jsonl.download.suggestedFilename()).toBe(`verified-articles-${BULK_DAY}.jsonl`);
  const lines = jsonl.text.trimEnd().split("\n");
  expect(lines).toHaveLength(BULK_ARTICLES);
  const titles = lines.map((line) => (JSON.parse(line) as { article: { title: string } }).article.title);
  expect(titles).toEqual(Array.from({ length: BULK_ARTICLES }, (_, i) => `Bulk export article ${i + 1}`));
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    `Saved verified-articles-${BULK_DAY}.jsonl: ${BULK_ARTICLES} articles`,
  );

  await page.getByLabel("CSV").check();
  const csv = await downloadFrom(page, () => page.getByRole("button", { name: "Download" }).click());
  expect(csv.download.suggestedFilename()).toBe(`verified-articles-${BULK_DAY}.csv`);
  const rows = parseCsv(csv.text.replace(/^\ufeff/, ""));
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows).toHaveLength(BULK_ARTICLES + 1);
  await expect(page.getByRole("main").getByRole("status")).toContainText(`${BULK_ARTICLES} claims`);

  await page.getByLabel("From", { exact: true }).fill("2019-03-15");
  await page.getByLabel("To", { exact: true }).fill("2019-03-20");
  await page.getByRole("button", { name: "Download" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "No verified article is dated within this range. Nothing was saved.",
  );

  await page.getByLabel("From", { exact: true }).fill("2019-03-21");
  await page.getByRole("button", { name: "Download" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The end of the range comes before its start.",
  );
});

test("the bulk export shows its progress and can be cancelled", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/exports");
  await page.getByLabel("From", { exact: true }).fill(BULK_DAY);
  await page.getByLabel("To", { exact: true }).fill(BULK_DAY);
  // A slow line, so that the file arrives in pieces and the page has time to show them. The
  // navigation's link prefetches finish first: on a slow line they would share its bandwidth.
  // ("networkidle" never comes: the page's live channel is a request that stays open.)
  await page.waitForFunction(
    () => {
      const seen = window as unknown as { deskResources?: number; deskQuiet?: number };
      const n = performance.getEntriesByType("resource").length;
      seen.deskQuiet = seen.deskResources === n ? (seen.deskQuiet ?? 0) + 1 : 0;
      seen.deskResources = n;
      return seen.deskQuiet >= 3;
    },
    undefined,
    { polling: 250 },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 50,
    downloadThroughput: 600,
    uploadThroughput: -1,
  });
  await page.getByRole("button", { name: "Download" }).click();
  const progress = page.getByTestId("export-progress");
  await expect(progress).toContainText(`of ${BULK_ARTICLES} articles`);
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download" })).toBeDisabled();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Export cancelled. Nothing was saved.");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
});
