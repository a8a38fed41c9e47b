import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("an editor creates an API token, uses it, sees it used, and revokes it", async ({ page, request }) => {
  const name = `E2E script ${Date.now()}`;
  await signIn(page, "editor");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "API tokens" })
    .click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const panel = page.getByTestId("new-token");
  await expect(panel.getByRole("heading", { name: "Copy your new token now" })).toBeVisible();
  const token = await panel.getByLabel("New token").inputValue();
  expect(token).toMatch(/^cd_[0-9a-f]{8}_/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("Never");
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).not.toContainText(token.slice(12));

  const ok = await request.get("/api/v1/articles", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const page1 = (await ok.json()) as { items: { title: string }[]; nextCursor: string | null };
  expect(page1.items.map((a) => a.title)).toContain(
    "Grève du contrôle aérien : des milliers de vols annulés, le gouvernement sous pression",
  );

  await page.reload();
  await expect(row).not.toContainText("Never");
  await expect(panel).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke the token “${name}”` }).click();
  await row.getByRole("button", { name: "Revoke now" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);

  const refused = await request.get("/api/v1/articles", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
  expect(await refused.json()).toMatchObject({ status: 401, code: "unauthenticated" });
});

test("the API reference lists the endpoints from the OpenAPI document", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const openapi = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(openapi.openapi).toBe("3.1.0");

  await signIn(page, "reviewer");
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  for (const path of Object.keys(openapi.paths)) {
    await expect(page.getByRole("heading", { level: 3 }).filter({ hasText: path }).first()).toBeVisible();
  }
  await page
    .getByRole("link", { name: /\/claims\/\{id\}\/approve/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#approveClaim$/);
});

test("an admin sees and can revoke the tokens of other accounts", async ({ page }) => {
  const name = `Editor's CMS ${Date.now()}`;
  await signIn(page, "editor");
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out once the sign-in page shows, not when the click is sent.
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, "admin");
  await page.goto("/settings/tokens");
  const others = page.getByRole("region", { name: "Tokens of other accounts" });
  const row = others.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("Ana Martin");
  await row.getByRole("button", { name: `Revoke the token “${name}”` }).click();
  await row.getByRole("button", { name: "Revoke now" }).click();
  await expect(row).toContainText("Revoked");
});
