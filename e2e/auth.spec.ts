import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { signIn } from "./helpers";

test("a wrong password and an unknown email get the same clear error", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("The email or password is incorrect.");

  await page.getByLabel("Email").fill("nobody@claimdesk.local");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an editor signs in, sees the shell, and signs out", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await expect(page.getByText("Editor", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Farticles/);
});

test("an anonymous deep link comes back after signing in", async ({ page }) => {
  await page.goto("/articles?sort=title&verified=no");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(ACCOUNTS.reviewer.email);
  await page.getByLabel("Password").fill(ACCOUNTS.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles\?sort=title&verified=no$/);
  await expect(page.getByLabel("Sort by")).toHaveValue("title");
});

test("the interface switches to French and stays French for the account", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
