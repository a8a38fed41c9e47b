import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { createClaim } from "@/lib/data/claims";
import { getUserById, getUserCredentialsByEmail } from "@/lib/data/users";

const HOSTILE_TITLE = `<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> \u202bعاجل: الكرملين يعلن\u202c`;
const HOSTILE_STATEMENT = `Le ministère dit <b>non</b> <script>window.__pwned=2</script> <img src=y onerror="window.__pwned=2"> — \u05d4\u05e6\u05d4\u05e8\u05d4 '; DROP TABLE claims; --`;
const HOSTILE_BODY = `${HOSTILE_STATEMENT}\n\nKyiv n'a pas commenté.`;

let hostileArticleId = 0;
let hostileClaimId = 0;

test.beforeAll(async () => {
  const editor = (await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email }))!;
  const actor = { id: editor.id, role: editor.role };
  const article = await createArticle({
    actor,
    input: {
      title: HOSTILE_TITLE,
      outlet: "<i>Outlet</i>",
      url: "",
      language: "fr",
      publishedAt: "",
      body: HOSTILE_BODY,
      bodyFormat: "text",
    },
  });
  hostileArticleId = article.id;
  const claim = await createClaim({
    actor,
    input: {
      articleId: article.id,
      start: 0,
      end: HOSTILE_STATEMENT.length,
      quote: HOSTILE_STATEMENT,
      statement: HOSTILE_STATEMENT,
      speaker: "<script>window.__pwned=3</script>",
      verdict: "disputed",
      verdictNote: '"><svg onload="window.__pwned=4">',
      silentParty: "",
      sources: [{ url: "https://example.org/?q=<script>", title: "<u>source</u>" }],
      submit: false,
    },
  });
  hostileClaimId = claim.id;
  closeDb();
});

function nonceOf(policy: string | undefined): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
}

test("every response carries the security headers, pages a fresh nonce that is on every script", async ({
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"];
  expectSecurityHeaders(first.headers(), "page");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(nonceOf(policy)).not.toBe(nonceOf(second.headers()["content-security-policy"]));

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(policy)}"`);

  const redirect = await request.get("/articles", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect.headers(), "redirect");

  const api = await request.get("/api/auth/session");
  expectSecurityHeaders(api.headers(), "route handler");

  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(chunk).toBeDefined();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset.headers(), "static file");
  expect(asset.headers()["content-security-policy"]).toContain("object-src 'none'");
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "editor");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
});

/** Captures the server action the language switch sends, to replay it. */
async function captureLanguageAction(page: Page, language: "Français" | "English") {
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: language }).click(),
  ]);
  await expect(page.getByRole("button", { name: language })).toHaveAttribute("aria-pressed", "true");
  return { url: action.url(), headers: action.headers(), body: action.postData() ?? "" };
}

async function localeOf(email: string) {
  const user = await getUserCredentialsByEmail({ email });
  closeDb();
  return (await getUserById({ id: user!.id }).finally(closeDb))?.locale;
}

test("a cross-site server action is refused and changes nothing; the same call from the site works", async ({
  page,
}) => {
  await signIn(page, "reviewer");
  const captured = await captureLanguageAction(page, "Français");
  await captureLanguageAction(page, "English");
  expect(await localeOf(ACCOUNTS.reviewer.email)).toBe("en");

  const replay = (origin: string) =>
    page.request.post(captured.url, {
      headers: {
        "next-action": captured.headers["next-action"]!,
        "content-type": captured.headers["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin,
      },
      data: captured.body,
      maxRedirects: 0,
    });

  const refused = await replay("https://evil.example");
  expect(refused.status()).toBe(403);
  expect(await localeOf(ACCOUNTS.reviewer.email)).toBe("en");

  const allowed = await replay(new URL(captured.url).origin);
  expect(allowed.status()).toBe(200);
  expect(await localeOf(ACCOUNTS.reviewer.email)).toBe("fr");
  await captureLanguageAction(page, "English");
});

test("a cross-site call to a route handler is refused and the session stays", async ({ page }) => {
  await signIn(page, "editor");
  const refused = await page.request.post("/api/auth/signout", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    form: { callbackUrl: "/sign-in" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  await page.goto("/articles");
  await expect(page.getByTestId("current-user")).toHaveText(ACCOUNTS.editor.name);
});

test("hostile text in an article and a claim is shown as text and never runs", async ({ page }) => {
  await signIn(page, "editor");
  for (const path of [
    "/articles",
    `/articles/${hostileArticleId}`,
    `/articles/${hostileArticleId}/claims/${hostileClaimId}`,
  ]) {
    await page.goto(path);
    await expect(page.getByText("<script>window.__pwned=1</script>", { exact: false }).first()).toBeVisible();
    expect(await page.locator('img[src="x"], img[src="y"], svg[onload]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  await page.goto(`/articles/${hostileArticleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("عاجل: الكرملين يعلن");
  await expect(page.getByTestId("claim-list")).toContainText("'; DROP TABLE claims; --");
  await expect(page.getByTestId("article-body")).toContainText('<img src=y onerror="window.__pwned=2">');
  await page
    .getByTestId("claim-list")
    .getByRole("button", { name: /Le ministère dit/ })
    .click();
  await expect(page.getByTestId("claim-list")).toContainText('"><svg onload="window.__pwned=4">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

async function failSignIn(page: Page, email: string) {
  await page.getByLabel(/^(Email|Adresse e-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill("not-the-password");
  const submit = page.getByRole("button", { name: /^(Sign in|Se connecter)$/ });
  await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
    ),
    submit.click(),
  ]);
  await expect(submit).toBeEnabled();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
}

async function fromAddress(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return { context, page: await context.newPage() };
}

test("after five failures for one account, sign-in is refused with the time to try again", async ({
  browser,
}) => {
  const { context, page } = await fromAddress(browser, "203.0.113.21");
  await page.goto("/sign-in");
  for (let i = 0; i < 5; i++) {
    await failSignIn(page, ACCOUNTS.editor.email.replace("editor", "throttle-en"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  }
  await failSignIn(page, ACCOUNTS.editor.email.replace("editor", "throttle-en"));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Too many attempts\. Try again after \d{2}:\d{2}\.$/,
  );
  await context.close();
});

test("the throttled message is in French for a French desk", async ({ browser }) => {
  const { context, page } = await fromAddress(browser, "203.0.113.22");
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Connexion au desk" })).toBeVisible();
  for (let i = 0; i < 6; i++) await failSignIn(page, "throttle-fr@claimdesk.local");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Trop de tentatives\. Réessayez après \d{2}:\d{2}\.$/,
  );
  await context.close();
});

test("after twenty failures from one address, even a right password from it is refused; others sign in", async ({
  browser,
}) => {
  const { context, page } = await fromAddress(browser, "203.0.113.23");
  await page.goto("/sign-in");
  for (let i = 0; i < 20; i++) await failSignIn(page, `spray-${i}@claimdesk.local`);
  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many attempts\./);
  await context.close();

  const other = await fromAddress(browser, "203.0.113.24");
  await signIn(other.page, "admin");
  await other.context.close();
});
