// The page an unexpected failure shows (app/error.tsx), produced for real in the production build:
// a server this spec owns, on a PostgreSQL server this spec owns and stops while a signed-in editor
// browses. No route or switch of the product exists for the test. The page is in the reader's
// language (English, then French), says nothing is lost, and its retry brings the page back once the
// database is up again; a retry while it is still down shows the error page again, not a blank one.
// PostgreSQL only (E2E_DB=postgres), as e2e/pg-restart.spec.ts.
//
// app/global-error.tsx (a failure of the root layout itself) has no spec: the root layout reads only
// the message files and the language, and the language falls back to the cookie when the account
// cannot be read, so nothing but a test-only hook could make it fail.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_POSTGRES } from "./env";
import { freshDeskDatabase, prepareDatabase, startServer } from "./own-server";
import { startPostgres } from "../test/pg-server";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";

const PORT = Number(process.env.E2E_PG_RESTART_PORT ?? 3197);
const PG_PORT = Number(process.env.E2E_PG_RESTART_PG_PORT ?? 5441);
const PASSWORD = "error-page-password-1";

test.skip(!E2E_POSTGRES, "PostgreSQL only: run with E2E_DB=postgres");

const WORDS = {
  en: { title: "Something went wrong", retry: "Try again", home: "Go to the articles" },
  fr: { title: "Une erreur est survenue", retry: "Réessayer", home: "Aller aux articles" },
} as const;

async function expectErrorPage(page: Page, locale: "en" | "fr") {
  const alert = page.getByRole("alert").filter({ hasText: WORDS[locale].title });
  await expect(alert.getByRole("heading", { level: 1, name: WORDS[locale].title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(alert.getByRole("button", { name: WORDS[locale].retry })).toBeEnabled();
  await expect(alert.getByRole("link", { name: WORDS[locale].home })).toHaveAttribute("href", "/articles");
  // The reference the server's log carries, never the error's own text.
  await expect(alert).toContainText(locale === "fr" ? "Référence" : "Reference");
  await expect(alert).not.toContainText(/ECONNREFUSED|connect|Failed query|terminating/i);
  return alert;
}

test("a page that fails on the server shows the localised error page, whose retry brings it back once the database is up", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const postgres = await startPostgres({ port: PG_PORT });
  const db = await freshDeskDatabase("errorpage", postgres.url("postgres"));
  let app: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const [editor] = await prepareDatabase(db, [{ role: "editor", tokens: 0, password: PASSWORD }]);
    app = await startServer({ port: PORT, databasePath: db.file, env: db.env });
    const base = app.baseUrl;

    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(editor!.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/articles`);
    await expect(page.locator("main h1")).toHaveText("Articles");

    // The database goes away; the next page the editor opens cannot be rendered.
    postgres.halt();
    const response = await page.goto(`${base}/queue`);
    expect(response?.status(), "a failed render answers 500, not 200").toBe(500);
    await expectErrorPage(page, "en");

    // In French, for a desk set to French (its cookie: the account itself cannot be read now).
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: "fr", url: base }]);
    await page.reload();
    const alert = await expectErrorPage(page, "fr");

    // Retrying while the database is still down shows the error page again, still usable.
    await alert.getByRole("button", { name: WORDS.fr.retry }).click();
    await expect(alert.getByRole("button", { name: WORDS.fr.retry })).toBeEnabled({ timeout: 30_000 });
    await expectErrorPage(page, "fr");

    // The database is back: the same retry renders the page, without reloading the document.
    postgres.resume();
    const marker = await page.evaluate(() => {
      (window as unknown as { errorPageMarker: number }).errorPageMarker = 1;
      return 1;
    });
    await alert.getByRole("button", { name: WORDS.fr.retry }).click();
    await expect(page.locator("main h1")).toHaveText("File de relecture", { timeout: 30_000 });
    await expect(page.getByRole("alert").filter({ hasText: WORDS.fr.title })).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { errorPageMarker?: number }).errorPageMarker),
    ).toBe(marker);
  } finally {
    await app?.kill("SIGTERM");
    await db.remove();
    postgres.stop();
  }
});
