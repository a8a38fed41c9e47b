import type { Browser, Page } from "@playwright/test";
import { closeDb } from "./data";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { createUser } from "@/lib/data/users";

const PASSWORD = "a-known-password-1";

/** A fresh editor for one test, made through the data layer like the demo accounts. */
async function makeEditor(label: string) {
  const email = `${label}-${Date.now()}@claimdesk.local`;
  const user = await createUser({ email, name: `Person ${label}`, role: "editor", password: PASSWORD });
  closeDb();
  return { email, name: user.name, password: PASSWORD };
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

function row(page: Page, email: string) {
  return page.getByTestId(`account-${email}`);
}

test("the last admin cannot demote themselves", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const self = row(page, "admin@claimdesk.local");
  await self.getByLabel("Role of Chloé Dubois").selectOption("editor");
  await self.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "This is the last active admin. Make another account admin first.",
  );
  await page.reload();
  await expect(row(page, "admin@claimdesk.local").getByLabel("Role of Chloé Dubois")).toHaveValue("admin");
  await expect(self.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
});

test("an admin creates an account whose password is shown once and signs in", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const email = `nina-${Date.now()}@claimdesk.local`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nina Petrova");
  await page.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Account created for Nina Petrova.");
  const revealed = page.getByTestId("revealed-password");
  await expect(revealed).toContainText(`Password for ${email}`);
  const password = (await revealed.locator("code").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(row(page, email)).toContainText("Nina Petrova");
  await expect(page.getByTestId("admin-audit").getByRole("listitem").first()).toContainText(
    "Chloé Dubois created the account of Nina Petrova",
  );

  const nina = await newPage(browser);
  await signInWith(nina.page, email, password);
  await expect(nina.page.getByTestId("current-user")).toHaveText("Nina Petrova");
  await expect(nina.page.getByText("Reviewer", { exact: true })).toBeVisible();
  await nina.context.close();

  await page.reload();
  await expect(page.getByTestId("revealed-password")).toHaveCount(0);
});

test("deactivating an account ends its open session at once and refuses its sign-in", async ({
  page,
  browser,
}) => {
  const person = await makeEditor("leaver");
  const them = await newPage(browser);
  await signInWith(them.page, person.email, person.password);
  await expect(them.page.getByTestId("current-user")).toHaveText(person.name);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await row(page, person.email).getByRole("button", { name: "Deactivate" }).click();
  await expect(row(page, person.email)).toContainText(
    "Deactivate Person leaver? Their sessions and API tokens stop working at once.",
  );
  await row(page, person.email).getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    `${person.name} is deactivated. Their sessions and tokens no longer work.`,
  );
  await expect(row(page, person.email)).toContainText("Deactivated");

  await them.page.goto("/articles");
  await expect(them.page).toHaveURL(/\/sign-in/);
  await signInWith(them.page, person.email, person.password);
  await expect(them.page.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is incorrect.",
  );

  await row(page, person.email).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${person.name} can sign in again.`);
  await signInWith(them.page, person.email, person.password);
  await expect(them.page.getByTestId("current-user")).toHaveText(person.name);
  await them.context.close();
  await expect(page.getByTestId("admin-audit")).toContainText(`Chloé Dubois deactivated ${person.name}`);
  await expect(page.getByTestId("admin-audit")).toContainText(`Chloé Dubois reactivated ${person.name}`);
});

test("a role change applies to an open session at once", async ({ page, browser }) => {
  const person = await makeEditor("promoted");
  const them = await newPage(browser);
  await signInWith(them.page, person.email, person.password);
  await expect(them.page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await row(page, person.email).getByLabel(`Role of ${person.name}`).selectOption("admin");
  await row(page, person.email).getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${person.name} is now Admin.`);

  await them.page.reload();
  await expect(them.page.getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(page.getByTestId("admin-audit")).toContainText(
    `changed the role of ${person.name} (Editor → Admin)`,
  );
  // Leave one admin again, as the other specs expect.
  await page.reload();
  await row(page, person.email).getByLabel(`Role of ${person.name}`).selectOption("editor");
  await row(page, person.email).getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${person.name} is now Editor.`);
  await them.context.close();
});

test("resetting a password ends the sessions and gives a new password once", async ({ page, browser }) => {
  const person = await makeEditor("forgetful");
  const them = await newPage(browser);
  await signInWith(them.page, person.email, person.password);
  await expect(them.page.getByTestId("current-user")).toHaveText(person.name);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await row(page, person.email).getByRole("button", { name: "Reset password" }).click();
  await row(page, person.email).getByRole("button", { name: "Confirm" }).click();
  const revealed = page.getByTestId("revealed-password");
  await expect(revealed).toContainText(`Password for ${person.email}`);
  const password = (await revealed.locator("code").textContent())!.trim();

  await them.page.goto("/articles");
  await expect(them.page).toHaveURL(/\/sign-in/);
  await signInWith(them.page, person.email, password);
  await expect(them.page.getByTestId("current-user")).toHaveText(person.name);
  await them.context.close();
});

test("an editor sees no Admin link and is refused the accounts page", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
});

test("a user changes their own password and language; their other sessions end", async ({
  page,
  browser,
}) => {
  const person = await makeEditor("settings");
  const elsewhere = await newPage(browser);
  await signInWith(elsewhere.page, person.email, person.password);
  await expect(elsewhere.page.getByTestId("current-user")).toHaveText(person.name);

  await signInWith(page, person.email, person.password);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("my-new-password-2");
  await page.getByLabel("New password again").fill("my-new-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is incorrect.")).toBeVisible();

  await page.getByLabel("Current password").fill(person.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Password changed. Your other sessions are signed out.",
  );

  // This browser stays signed in; the other one is signed out.
  await page.reload();
  await expect(page.getByTestId("current-user")).toHaveText(person.name);
  await elsewhere.page.goto("/articles");
  await expect(elsewhere.page).toHaveURL(/\/sign-in/);
  await signInWith(elsewhere.page, person.email, "my-new-password-2");
  await expect(elsewhere.page.getByTestId("current-user")).toHaveText(person.name);
  await elsewhere.context.close();

  await page.getByLabel("Français").check();
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte" })).toBeVisible();
  await expect(page.getByText("Langue enregistrée.")).toBeVisible();
  await expect(page.getByText("Mot de passe changé. Vos autres sessions sont déconnectées.")).toBeVisible();
});
