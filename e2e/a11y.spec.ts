import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, setLocaleCookie } from "./helpers";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page);
});

// The demo article is the first one the fresh test database gets: id 1.
const PAGES = [
  "/articles",
  "/articles?q=zzzz",
  "/articles/new",
  "/articles/1/edit",
  "/queue",
  "/queue?tab=returned",
  "/settings/tokens",
  "/settings/api",
  "/search",
  "/search?q=greve",
  "/search?q=zzzz",
  "/speakers",
  "/speakers/DGAC",
  "/insights",
  "/articles/1/summary",
  "/articles/1/summary?unapproved=1",
  "/exports",
];

for (const path of PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    // The API reference is one page of every endpoint (about 6,000 elements): axe alone took 37 s
    // of the 60 on a busy machine.
    if (path === "/settings/api") test.slow();
    await signIn(page, "editor");
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("/queue has no serious accessibility violations for a reviewer, with the note field and the shortcut list open", async ({
  page,
}) => {
  await signIn(page, "reviewer");
  await page.goto("/queue");
  await expect(page.locator("[data-keyboard=on]")).toBeAttached();
  await expectNoSeriousViolations(page);
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await expect(page.getByLabel("Why does it go back?")).toBeFocused();
  await expectNoSeriousViolations(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the tokens page of an admin, with a new token shown, has no serious accessibility violations", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("Accessibility check");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await page.getByRole("button", { name: "Revoke the token “Accessibility check”" }).click();
  await expect(page.getByRole("button", { name: "Revoke now" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("/speakers with the merge controls has no serious accessibility violations", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/speakers");
  await page.getByRole("checkbox", { name: "Select DGAC" }).check();
  await expectNoSeriousViolations(page);
});

// Article pages: the "Original article" link in its line of text, the progress list, the claim
// list with a claim open, the claim form, and a claim's history; in both languages.
const ARTICLE_PAGES = ["/articles/1", "/articles/1?claim=1", "/articles/1/claims/1"];

for (const locale of ["en", "fr"] as const) {
  for (const path of ARTICLE_PAGES) {
    test(`${path} in ${locale} has no serious accessibility violations`, async ({ page }) => {
      await signIn(page, "editor");
      await setLocaleCookie(page, locale);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }
}

test("the article page with the claim form open on a repeated quote has no serious accessibility violations", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto("/articles/1");
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByTestId("claim-form").getByLabel("Quote").fill("contrôleurs");
  await expect(page.getByTestId("quote-occurrences")).toBeVisible();
  await expectNoSeriousViolations(page);
});

const ACCOUNT_PAGES = [
  { path: "/admin/users", who: "admin" },
  { path: "/admin/users", who: "editor" },
  { path: "/settings/account", who: "editor" },
] as const;

for (const { path, who } of ACCOUNT_PAGES) {
  test(`${path} as ${who} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, who);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

// The header on a phone: the navigation behind its menu button, closed and open, in both languages.
for (const locale of ["en", "fr"] as const) {
  test(`the phone header in ${locale}, its menu closed and open, has no serious accessibility violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 780 });
    await signIn(page, "admin");
    await setLocaleCookie(page, locale);
    await page.goto("/queue");
    const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expectNoSeriousViolations(page);
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(
      page.getByRole("navigation", { name: locale === "fr" ? "Navigation principale" : "Main navigation" }),
    ).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}
