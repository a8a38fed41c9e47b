import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

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

const PAGES = ["/articles", "/articles?q=zzzz"];

for (const path of PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, "editor");
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

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
