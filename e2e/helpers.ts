import { expect, type Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";

export type AccountKey = keyof typeof ACCOUNTS;

export async function signIn(page: Page, who: AccountKey, path = "/sign-in") {
  const account = ACCOUNTS[who];
  await page.goto(path);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
}

/**
 * Shows the desk in `locale` through the language cookie (the account's saved language, if any,
 * still wins): unlike the language switch, it changes nothing for the specs that follow.
 */
export async function setLocaleCookie(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, domain: "127.0.0.1", path: "/" }]);
}

/** Selects the given words of the article body with a real DOM range, as a mouse drag does, and releases. */
export async function selectText(page: Page, text: string) {
  await page.getByTestId("article-body").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let full = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      full += (n as Text).data;
    }
    const at = full.indexOf(wanted);
    if (at < 0) throw new Error(`not in body: ${wanted}`);
    const locate = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error("offset out of range");
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + wanted.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, text);
}
