// The review queue in two (or three) browsers at once. Claims are prepared through the data layer
// (e2e/fixtures.ts) as the editor Ana rating and submitting them: the article page where she does
// that through the UI is not on main yet. Every decision after that goes through the queue's UI.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { actor, claimState, queuedClaims } from "./fixtures";
import { signIn, type AccountKey } from "./helpers";

type Session = { context: BrowserContext; page: Page };

async function session(browser: Browser, who: AccountKey): Promise<Session> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/** Opens the queue and waits until the keyboard shortcuts are live (the page is hydrated). */
async function openQueue(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("[data-keyboard=on]")).toBeAttached();
}

const items = (page: Page) => page.getByTestId("queue-item");
const item = (page: Page, text: string) => items(page).filter({ hasText: text });
const focusedItem = (page: Page) => page.locator("[data-testid=queue-item]:focus");
const notice = (page: Page) => page.getByTestId("queue-notice");

type CapturedAction = { url: string; action: string; contentType: string };

/** Runs `trigger` and returns the server-action request it made, to replay it by hand. */
async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    trigger(),
  ]);
  const headers = request.headers();
  return {
    url: request.url(),
    action: headers["next-action"]!,
    contentType: headers["content-type"] ?? "text/plain",
  };
}

/** Calls the same server action directly, bypassing the UI and its disabled buttons. */
async function callAction(
  context: BrowserContext,
  captured: CapturedAction,
  input: unknown,
): Promise<string> {
  const origin = new URL(captured.url).origin;
  const response = await context.request.post(captured.url, {
    headers: {
      "next-action": captured.action,
      "content-type": captured.contentType,
      accept: "text/x-component",
      origin,
    },
    data: JSON.stringify([input]),
  });
  return response.text();
}

async function approveDirectly(who: AccountKey, id: number) {
  const { approveClaim } = await import("@/lib/data/claims");
  await approveClaim({ actor: await actor(who), id });
}

test("an editor's claim: refused to her, approved by a reviewer with the keyboard, a returned one comes back with its note", async ({
  browser,
}) => {
  const fixture = await queuedClaims(["editor", "editor", "reviewer"], "Two pairs of eyes");
  const [first, second, bens] = fixture.claims as [
    (typeof fixture.claims)[0],
    (typeof fixture.claims)[0],
    (typeof fixture.claims)[0],
  ];
  const ana = await session(browser, "editor");
  const ben = await session(browser, "reviewer");

  // Ana sees her claims waiting, read-only.
  await openQueue(ana.page, fixture.queueUrl);
  await expect(items(ana.page)).toHaveCount(3);
  await expect(ana.page.getByTestId("read-only-note")).toContainText("Reviewers approve or return claims");
  await expect(ana.page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);

  // Ben rated one of them himself: its Approve button is unavailable, and says why.
  await openQueue(ben.page, fixture.queueUrl);
  const own = item(ben.page, bens.statement);
  await expect(own.getByRole("button", { name: /^Approve/ })).toBeDisabled();
  await expect(own.getByTestId("four-eyes-reason")).toHaveText(
    "You rated this claim; another reviewer must approve it.",
  );

  // j focuses the oldest claim, a approves it, and focus moves to the next.
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(first.statement);
  const approveCall = await captureAction(ben.page, () => ben.page.keyboard.press("a"));
  await expect(notice(ben.page)).toContainText(`Approved: “${first.statement}”`);
  await expect(focusedItem(ben.page)).toContainText(second.statement);
  expect(await claimState(first.id)).toMatchObject({ stage: "approved", approvedBy: "Ben Okafor" });

  // The server refuses anyway: the editor may not approve at all, the rater not his own verdict.
  const secondNow = await claimState(second.id);
  expect(await callAction(ana.context, approveCall, { id: second.id, version: secondNow.version })).toContain(
    '"code":"forbidden"',
  );
  const bensNow = await claimState(bens.id);
  expect(await callAction(ben.context, approveCall, { id: bens.id, version: bensNow.version })).toContain(
    '"code":"four_eyes"',
  );
  expect((await claimState(second.id)).stage).toBe("in_review");
  expect((await claimState(bens.id)).stage).toBe("in_review");

  // r opens the note on the focused claim; the note is required; letters typed there are text, not shortcuts.
  await ben.page.keyboard.press("r");
  const note = ben.page.getByLabel("Why does it go back?");
  await expect(note).toBeFocused();
  await ben.page.keyboard.press("Enter");
  await expect(item(ben.page, second.statement).getByRole("alert")).toHaveText(
    "Write a note: the editor needs to know what to fix.",
  );
  const why = "Which bridges? Name the prefecture's source, and check the count (a j k x o).";
  await note.pressSequentially(why);
  await expect(items(ben.page)).toHaveCount(2);
  await ben.page.keyboard.press("Enter");
  await expect(notice(ben.page)).toContainText(`Returned to the editor: “${second.statement}”`);
  await expect(items(ben.page)).toHaveCount(1);

  // The returned claim is waiting for Ana, with the note, a link to fix it and a way to resubmit.
  await ana.page.goto("/queue?tab=returned");
  const back = ana.page.getByTestId("returned-item").filter({ hasText: second.statement });
  await expect(back.getByTestId("return-note")).toHaveText(why);
  await expect(back).toContainText("Returned by Ben Okafor");
  await expect(back.getByRole("link", { name: "Fix in article" })).toHaveAttribute(
    "href",
    `/articles/${fixture.articleId}?claim=${second.id}`,
  );
  await back.getByRole("button", { name: "Resubmit" }).click();
  await expect(notice(ana.page)).toContainText(`Back in the queue: “${second.statement}”`);
  await expect(back).toHaveCount(0);

  // Back in Ben's queue, after his own claim (oldest first): a on his own claim is refused with the reason.
  await openQueue(ben.page, fixture.queueUrl);
  await expect(items(ben.page)).toHaveCount(2);
  await expect(items(ben.page).nth(0)).toContainText(bens.statement);
  await expect(items(ben.page).nth(1)).toContainText(second.statement);
  await ben.page.keyboard.press("j");
  await ben.page.keyboard.press("a");
  await expect(notice(ben.page)).toContainText("You rated this claim; another reviewer must approve it.");
  await expect(items(ben.page)).toHaveCount(2);
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(second.statement);
  await ben.page.keyboard.press("a");
  await expect(notice(ben.page)).toContainText(`Approved: “${second.statement}”`);
  await expect.poll(async () => (await claimState(second.id)).stage).toBe("approved");
  expect((await claimState(second.id)).events).toEqual([
    "created",
    "submitted",
    "returned",
    "submitted",
    "approved",
  ]);

  await approveDirectly("admin", bens.id);
  await ana.context.close();
  await ben.context.close();
});

test("a reviewer acting on a claim another reviewer just decided sees who did", async ({ browser }) => {
  const fixture = await queuedClaims(["editor", "editor"], "Contention");
  const [one, two] = fixture.claims as [(typeof fixture.claims)[0], (typeof fixture.claims)[0]];
  const ben = await session(browser, "reviewer");
  const chloe = await session(browser, "admin");
  await openQueue(ben.page, fixture.queueUrl);
  await openQueue(chloe.page, fixture.queueUrl);

  await item(chloe.page, one.statement)
    .getByRole("button", { name: /^Approve/ })
    .click();
  await expect(notice(chloe.page)).toContainText("Approved");
  await item(chloe.page, two.statement)
    .getByRole("button", { name: /^Return/ })
    .click();
  await chloe.page.getByLabel("Why does it go back?").fill("Source missing");
  await chloe.page.getByRole("button", { name: "Return to editor" }).click();
  await expect(notice(chloe.page)).toContainText("Returned");

  // Ben's page still shows both.
  await ben.page.keyboard.press("j");
  await ben.page.keyboard.press("a");
  await expect(notice(ben.page)).toContainText("Already approved by Chloé Dubois.");
  await expect(items(ben.page)).toHaveCount(1);
  await ben.page.keyboard.press("r");
  await ben.page.keyboard.type("Too late");
  await ben.page.keyboard.press("Enter");
  await expect(notice(ben.page)).toContainText("Already returned by Chloé Dubois.");
  await expect(items(ben.page)).toHaveCount(0);

  expect((await claimState(one.id)).events.filter((e) => e === "approved" || e === "returned")).toEqual([
    "approved",
  ]);
  expect((await claimState(two.id)).events.filter((e) => e === "approved" || e === "returned")).toEqual([
    "returned",
  ]);
  await ben.context.close();
  await chloe.context.close();
});

test("“I'm reviewing this” shows the others who has a claim and since when, until it is released", async ({
  browser,
}) => {
  const fixture = await queuedClaims(["editor"], "Taken");
  const [claim] = fixture.claims as [(typeof fixture.claims)[0]];
  const ben = await session(browser, "reviewer");
  const chloe = await session(browser, "admin");

  await openQueue(ben.page, fixture.queueUrl);
  await ben.page.keyboard.press("j");
  await ben.page.keyboard.press("t");
  await expect(item(ben.page, claim.statement).getByTestId("review-take")).toContainText(
    "You are reviewing this since",
  );

  await openQueue(chloe.page, fixture.queueUrl);
  const seen = item(chloe.page, claim.statement);
  await expect(seen.getByTestId("review-take")).toHaveText(
    /^Ben Okafor is reviewing this since \d{1,2}:\d{2}/,
  );
  await expect(seen.getByRole("button", { name: /I’m reviewing this/ })).toHaveCount(0);

  await ben.page.getByRole("button", { name: /^Release/ }).click();
  await expect(item(ben.page, claim.statement).getByTestId("review-take")).toHaveCount(0);
  await chloe.page.reload();
  await expect(item(chloe.page, claim.statement).getByTestId("review-take")).toHaveCount(0);

  await approveDirectly("admin", claim.id);
  await ben.context.close();
  await chloe.context.close();
});

test("a reviewer clears a queue of 50 claims with the keyboard alone", async ({ browser }) => {
  test.setTimeout(120_000);
  const fixture = await queuedClaims(
    Array.from({ length: 50 }, () => "editor" as const),
    "Fifty",
  );
  const ben = await session(browser, "reviewer");
  await openQueue(ben.page, fixture.queueUrl);
  await expect(items(ben.page)).toHaveCount(50);
  const waiting = Number(await ben.page.getByTestId("queue-count").textContent());
  expect(waiting).toBeGreaterThanOrEqual(50);

  await ben.page.keyboard.press("j");
  for (let left = 50; left > 0; left--) {
    await expect(focusedItem(ben.page)).toHaveCount(1);
    await ben.page.keyboard.press("a");
    await expect(items(ben.page)).toHaveCount(left - 1);
  }
  await expect(ben.page.getByRole("heading", { name: "No claim matches these filters" })).toBeFocused();
  for (const claim of fixture.claims) {
    await expect.poll(async () => (await claimState(claim.id)).stage).toBe("approved");
  }
  // The count in the navigation follows without a reload.
  await expect(ben.page.getByTestId("queue-count")).toHaveText(String(waiting - 50));
  await ben.context.close();
});

test("bulk approval checks each claim on its own and reports the refusals", async ({ browser }) => {
  const fixture = await queuedClaims(["editor", "admin", "editor"], "Bulk");
  const [, chloes] = fixture.claims as [unknown, (typeof fixture.claims)[0], unknown];
  const chloe = await session(browser, "admin");
  await openQueue(chloe.page, fixture.queueUrl);

  await chloe.page.keyboard.press("j");
  await chloe.page.keyboard.press("x");
  await chloe.page.keyboard.press("j");
  await chloe.page.keyboard.press("x");
  await chloe.page.keyboard.press("j");
  await chloe.page.keyboard.press("x");
  await expect(chloe.page.getByTestId("selection-count")).toHaveText("3 selected");
  await chloe.page.keyboard.press("Shift+A");

  await expect(notice(chloe.page)).toContainText(`2 approved, 1 refused: you rated “${chloes.statement}”`);
  await expect(items(chloe.page)).toHaveCount(1);
  await expect(items(chloe.page)).toContainText(chloes.statement);
  expect((await claimState(chloes.id)).stage).toBe("in_review");
  for (const claim of fixture.claims.filter((c) => c.id !== chloes.id)) {
    expect(await claimState(claim.id)).toMatchObject({ stage: "approved", approvedBy: "Chloé Dubois" });
  }

  await approveDirectly("reviewer", chloes.id);
  await chloe.context.close();
});

test("? lists the shortcuts in a dialog that Escape closes", async ({ page }) => {
  const fixture = await queuedClaims(["editor"], "Help");
  await signIn(page, "reviewer");
  await openQueue(page, fixture.queueUrl);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Approve the selected claims");
  await page.keyboard.press("j");
  await expect(focusedItem(page)).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await approveDirectly("admin", fixture.claims[0]!.id);
});
