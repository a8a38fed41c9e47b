// Issue 13, item 16: every page usable at 360 px (and 390), in English and in French: nothing
// wider than the screen, the whole navigation and the language switch on screen. With
// SCREENSHOTS=1 each page is also saved to test-results/screens/ to be looked at.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, setLocaleCookie } from "./helpers";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { createArticle } from "@/lib/data/articles";
import { createClaim, returnClaim, submitClaim } from "@/lib/data/claims";
import { getUserCredentialsByEmail } from "@/lib/data/users";

// The demo article is the first one the fresh test database gets (id 1), its first claim id 1.
const PAGES = [
  "/articles",
  "/articles/new",
  "/articles/1",
  "/articles/1?claim=1",
  "/articles/1/edit",
  "/articles/1/claims/1",
  "/articles/1/summary",
  "/queue",
  "/queue?tab=returned",
  "/search",
  "/search?q=greve",
  "/speakers",
  "/speakers/DGAC",
  "/insights",
  "/exports",
  "/settings/tokens",
  "/settings/api",
  "/settings/account",
  "/admin/users",
];

const WIDTHS = [360, 390];
/** Two rows: the logo, the search and the menu button, then the tools (each row about 36 px). */
const HEADER_MAX_HEIGHT = 100;
/** An admin's navigation: articles, my work, queue, speakers, insights, exports, settings, accounts, webhooks. */
const NAV_LINKS = 9;
const LOCALES = ["en", "fr"] as const;

async function switchLocale(page: Page, locale: (typeof LOCALES)[number]) {
  // Through the language switch, as a person does: it saves the account's language too, which
  // wins over the cookie (an earlier spec may have left this account's language set).
  await page.goto("/articles");
  await page
    .getByRole("banner")
    .getByRole("button", { name: locale === "fr" ? "Français" : "English" })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) return false;
        // Inside a horizontal scroll container, wider content is reachable by scrolling.
        for (let p = el.parentElement; p; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (/(auto|scroll|hidden)/.test(style.overflowX) && p.getBoundingClientRect().right <= width + 1)
            return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

for (const locale of LOCALES) {
  for (const width of WIDTHS) {
    test(`every page fits ${width} px in ${locale}`, async ({ page }) => {
      // Nineteen pages, each with its menu opened and closed: minutes on two busy cores.
      test.setTimeout(300_000);
      await page.setViewportSize({ width, height: 780 });
      await signIn(page, "admin");
      await switchLocale(page, locale);
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.locator("main h1").first()).toBeVisible();
        // Pages that open on a claim scroll to it; the header is checked from the top.
        await page.waitForTimeout(400);
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
        if (process.env.SCREENSHOTS) {
          const name = path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
          await page.screenshot({
            path: `test-results/screens/${locale}-${width}-${name}.png`,
            fullPage: true,
          });
        }
        const result = await overflow(page);
        // Soft: one run reports every page that does not fit, not just the first.
        expect
          .soft(result.scrollWidth, `${path}: wider than the screen (${result.wide.join(", ")})`)
          .toBeLessThanOrEqual(result.width);
        // The header takes two rows at most: the logo, the search and the menu button; the tools.
        const header = (await page.getByRole("banner").boundingBox())!;
        expect
          .soft(header.height, `${path}: the header is more than two rows high`)
          .toBeLessThanOrEqual(HEADER_MAX_HEIGHT);
        // The whole navigation (behind the menu button) and the language switch are on screen, none cut off.
        const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
        await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        const nav = page.getByRole("navigation", {
          name: locale === "fr" ? "Navigation principale" : "Main navigation",
        });
        await expect(nav).toBeVisible();
        expect.soft(await nav.getByRole("link").count(), `${path}: the navigation's links`).toBe(NAV_LINKS);
        for (const link of await nav.getByRole("link").all()) {
          const box = (await link.boundingBox())!;
          expect.soft(box.x, `${path}: a navigation link starts off screen`).toBeGreaterThanOrEqual(0);
          expect.soft(box.x + box.width, `${path}: a navigation link is cut off`).toBeLessThanOrEqual(width);
          expect
            .soft(box.y + box.height, `${path}: a navigation link is below the screen`)
            .toBeLessThanOrEqual(780);
        }
        await page.keyboard.press("Escape");
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
        await expect
          .soft(
            page.getByRole("banner").getByRole("group", { name: locale === "fr" ? "Langue" : "Language" }),
            path,
          )
          .toBeInViewport();
      }
    });
  }
}

for (const locale of LOCALES) {
  test(`the phone header's menu works from the keyboard and closes on navigation, in ${locale}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 780 });
    await signIn(page, "admin");
    await switchLocale(page, locale);
    const banner = page.getByRole("banner");
    const menu = banner.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", {
      name: locale === "fr" ? "Navigation principale" : "Main navigation",
    });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-controls", /.+/);
    // Tab to the button, open it with Enter; the links follow it in the tab order.
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    const height = (await banner.boundingBox())!.height;
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link").first()).toBeFocused();
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    expect((await banner.boundingBox())!.height).toBeLessThan(height);
    // Space opens it again; following a link closes it on the new page.
    await page.keyboard.press("Space");
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: locale === "fr" ? /File de relecture/ : /Review queue/ }).click();
    await expect(page).toHaveURL(/\/queue$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
}

test("at 1366 px the navigation is a row of the header, with no menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "admin");
  for (const locale of LOCALES) {
    await switchLocale(page, locale);
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("button", { name: "Menu" })).toBeHidden();
    const nav = page.getByRole("navigation", {
      name: locale === "fr" ? "Navigation principale" : "Main navigation",
    });
    await expect(nav.getByRole("link")).toHaveCount(NAV_LINKS);
    const links = await nav.getByRole("link").all();
    const tops = new Set(await Promise.all(links.map(async (l) => Math.round((await l.boundingBox())!.y))));
    expect([...tops], "the navigation is one row").toHaveLength(1);
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(HEADER_MAX_HEIGHT);
  }
});

test("wide pages are screenshotted at 1366 px too", async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, "only when looking at the pages");
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "admin");
  for (const locale of LOCALES) {
    await switchLocale(page, locale);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      const name = path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
      await page.screenshot({ path: `test-results/screens/${locale}-1366-${name}.png`, fullPage: true });
    }
  }
});

test("on a phone, what waits on me shows on the menu button and is read with it, in both languages", async ({
  page,
}) => {
  // A claim of the editor's, returned to them by the reviewer.
  const [editor, reviewer] = await Promise.all(
    [ACCOUNTS.editor.email, ACCOUNTS.reviewer.email].map((email) => getUserCredentialsByEmail({ email })),
  );
  const body = "The port handled 12 ships on Sunday.";
  const article = await createArticle({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      title: `Port ${Date.now()}`,
      outlet: "",
      url: "",
      language: "en",
      publishedAt: "",
      body,
      bodyFormat: "text",
    },
  });
  const claim = await createClaim({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      articleId: article.id,
      start: 0,
      end: body.length,
      quote: body,
      statement: "Twelve ships on Sunday.",
      speaker: "",
      verdict: "confirmed",
      verdictNote: "",
      silentParty: "",
      sources: [],
    },
  });
  const submitted = await submitClaim({
    actor: { id: editor!.id, role: editor!.role },
    id: claim.id,
    version: claim.version,
  });
  await returnClaim({
    actor: { id: reviewer!.id, role: reviewer!.role },
    input: { id: submitted.id, version: submitted.version, note: "Which port?" },
  });
  closeDb();

  await page.setViewportSize({ width: 390, height: 780 });
  await signIn(page, "editor");
  for (const locale of LOCALES) {
    // By the language cookie, not the switch: the switch would save the editor's language for the
    // specs that follow (search.spec.ts sets the cookie and expects it to decide).
    await setLocaleCookie(page, locale);
    await page.goto("/articles");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const banner = page.getByRole("banner");
    const menu = banner.getByRole("button", { name: "Menu" });
    const badge = menu.getByTestId("menu-work-count");
    await expect(badge).toBeVisible();
    await expect(menu).toHaveAccessibleName(
      locale === "fr"
        ? /^Menu Mon travail : \d+ affirmations? vous (est|sont) renvoyées?/
        : /^Menu My work: \d+ claims? returned to you/,
    );
    // The same number as "My work" behind the menu.
    await menu.click();
    const total = Number(await banner.getByTestId("my-work-count").textContent());
    expect(total).toBeGreaterThan(0);
    await expect(badge.locator("[aria-hidden]")).toHaveText(total > 99 ? "99+" : String(total));
    const fit = await overflow(page);
    expect(fit.scrollWidth, `wider than the screen (${fit.wide.join(", ")})`).toBeLessThanOrEqual(fit.width);
  }
});
