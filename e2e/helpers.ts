import { expect, type Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";

export type AccountKey = keyof typeof ACCOUNTS;

export async function signIn(page: Page, who: AccountKey, path = "/sign-in") {
  const account = ACCOUNTS[who];
  await page.goto(path);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
}
