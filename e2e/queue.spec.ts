// The review queue in two (or three) browsers at once. In the main flow the editor creates, rates
// and submits her claim in the article page; the other claims a test needs (50 for the keyboard
// run, ones rated by a given reviewer) are prepared through the data layer (e2e/fixtures.ts).
// Every decision after that goes through the queue's UI.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { approveAs, claimState, closeDb, queuedClaims } from "./queue-data";
import { selectText, signIn, type AccountKey } from "./helpers";

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
const focusedStatement = (page: Page) => focusedItem(page).locator("[id$='-statement']");
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

test.afterAll(() => closeDb());

test("an editor rates and submits a claim; her approval is refused; a reviewer approves with the keyboard and returns one that comes back with its note", async ({
  browser,
}) => {
  // Two older claims already wait: one of Ana's, and one Ben rated himself.
  const fixture = await queuedClaims(["editor", "reviewer"], "Two pairs of eyes", { spare: 1 });
  const [older, bens] = fixture.claims as [(typeof fixture.claims)[0], (typeof fixture.claims)[0]];
  const ana = await session(browser, "editor");
  const ben = await session(browser, "reviewer");

  // Ana claims a sentence of the article, rates it and submits it to the queue, in the article page.
  const quote = fixture.spares[0]!;
  const statement = `Écoles fermées jusqu'à lundi ${fixture.title}`;
  await ana.page.goto(`/articles/${fixture.articleId}`);
  await selectText(ana.page, quote);
  await ana.page.getByTestId("add-claim-from-selection").click();
  const form = ana.page.getByTestId("claim-form");
  await form.getByLabel("Statement").fill(statement);
  await form.getByLabel("Speaker").fill("la mairie");
  await form.getByText("Confirmed", { exact: true }).click();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ana.page.getByRole("status")).toHaveText("Claim saved.");
  await ana.page.getByRole("button", { name: "Submit to queue" }).click();
  await expect(ana.page.getByRole("status")).toHaveText("Claim submitted to the review queue.");

  // Ana sees the queue read-only: reviewers approve.
  await openQueue(ana.page, fixture.queueUrl);
  await expect(items(ana.page)).toHaveCount(3);
  await expect(items(ana.page).nth(2)).toContainText(statement);
  await expect(ana.page.getByTestId("read-only-note")).toContainText("Reviewers approve or return claims");
  await expect(ana.page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);

  // Ben rated one of them himself: its Approve button is unavailable, and says why.
  await openQueue(ben.page, fixture.queueUrl);
  const own = item(ben.page, bens.statement);
  await expect(own.getByRole("button", { name: /^Approve/ })).toBeDisabled();
  await expect(own.getByTestId("four-eyes-reason")).toHaveText(
    "You rated this claim; another reviewer must approve it.",
  );

  // j moves down the queue (oldest first); a on his own claim is refused with the reason.
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(older.statement);
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(bens.statement);
  await ben.page.keyboard.press("a");
  await expect(notice(ben.page)).toContainText("You rated this claim; another reviewer must approve it.");
  await expect(items(ben.page)).toHaveCount(3);

  // j to Ana's new claim, a approves it, and focus moves on to the claim before it.
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(statement);
  const approveCall = await captureAction(ben.page, () => ben.page.keyboard.press("a"));
  await expect(notice(ben.page)).toContainText(`Approved: “${statement}”`);
  await expect(items(ben.page)).toHaveCount(2);
  await expect(focusedItem(ben.page)).toContainText(bens.statement);

  // The server refuses anyway: the editor may not approve at all, the rater not his own verdict.
  const olderNow = await claimState(older.id);
  expect(await callAction(ana.context, approveCall, { id: older.id, version: olderNow.version })).toContain(
    '"code":"forbidden"',
  );
  const bensNow = await claimState(bens.id);
  expect(await callAction(ben.context, approveCall, { id: bens.id, version: bensNow.version })).toContain(
    '"code":"four_eyes"',
  );
  expect((await claimState(older.id)).stage).toBe("in_review");
  expect((await claimState(bens.id)).stage).toBe("in_review");

  // k back to the oldest; r opens the note; the note is required; letters typed there are text.
  await ben.page.keyboard.press("k");
  await expect(focusedItem(ben.page)).toContainText(older.statement);
  await ben.page.keyboard.press("r");
  const note = ben.page.getByLabel("Why does it go back?");
  await expect(note).toBeFocused();
  await ben.page.keyboard.press("Enter");
  await expect(item(ben.page, older.statement).getByRole("alert")).toHaveText(
    "Write a note: the editor needs to know what to fix.",
  );
  const why = "Which bridges? Name the prefecture's source, and check the count (a j k x o).";
  await note.pressSequentially(why);
  await expect(items(ben.page)).toHaveCount(2);
  await ben.page.keyboard.press("Enter");
  await expect(notice(ben.page)).toContainText(`Returned to the editor: “${older.statement}”`);
  await expect(items(ben.page)).toHaveCount(1);

  // The returned claim waits for Ana, with the note, a link to fix it and a way to resubmit.
  await ana.page.goto("/queue?tab=returned");
  const back = ana.page.getByTestId("returned-item").filter({ hasText: older.statement });
  await expect(back.getByTestId("return-note")).toHaveText(why);
  await expect(back).toContainText("Returned by Ben Okafor");
  await expect(back.getByRole("link", { name: "Fix in article" })).toHaveAttribute(
    "href",
    `/articles/${fixture.articleId}?claim=${older.id}`,
  );
  await back.getByRole("button", { name: "Resubmit" }).click();
  await expect(notice(ana.page)).toContainText(`Back in the queue: “${older.statement}”`);
  await expect(back).toHaveCount(0);

  // Back in Ben's queue, now the newest; he approves it with the keyboard.
  await openQueue(ben.page, fixture.queueUrl);
  await expect(items(ben.page)).toHaveCount(2);
  await expect(items(ben.page).nth(1)).toContainText(older.statement);
  await ben.page.keyboard.press("j");
  await ben.page.keyboard.press("j");
  await expect(focusedItem(ben.page)).toContainText(older.statement);
  await ben.page.keyboard.press("a");
  await expect(notice(ben.page)).toContainText(`Approved: “${older.statement}”`);
  await expect.poll(async () => (await claimState(older.id)).stage).toBe("approved");
  expect((await claimState(older.id)).events).toEqual([
    "created",
    "submitted",
    "returned",
    "submitted",
    "approved",
  ]);

  await approveAs("admin", bens.id);
  await ana.context.close();
  await ben.context.close();
});

test("a reviewer acting on a claim another reviewer just decided sees who did", async ({ browser }) => {
  const fixture = await queuedClaims(["editor", "editor"], "Contention");
  const [one, two] = fixture.claims as [(typeof fixture.claims)[0], (typeof fixture.claims)[0]];
  const ben = await session(browser, "reviewer");
  const chloe = await session(browser, "admin");
  // Ben acts before the live channel tells his page (e2e/live.spec.ts): here it never does.
  await ben.context.route("**/api/live**", (route) => route.abort());
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
  // Typed before the note field has rendered and taken the focus, "o" would open the claim.
  await expect(ben.page.getByLabel("Why does it go back?")).toBeFocused();
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

  await approveAs("admin", claim.id);
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

test("the server renders the first lines; the others appear after hydration and j / ArrowDown reach the last, which a approves", async ({
  page,
}) => {
  const fixture = await queuedClaims(
    Array.from({ length: 16 }, () => "editor" as const),
    "Below the fold",
  );
  await signIn(page, "reviewer");
  // The server's HTML: the first 12 lines (components/queue/queue-board.tsx SERVER_LINES), then a note.
  const html = await (await page.request.get(fixture.queueUrl)).text();
  expect(html.match(/data-testid="queue-item"/g) ?? []).toHaveLength(12);
  expect(html).toContain("4 more claims below, shown once the page has loaded");

  await openQueue(page, fixture.queueUrl);
  await expect(items(page)).toHaveCount(16);
  await expect(page.getByTestId("queue-more")).toHaveCount(0);
  const last = fixture.claims.at(-1)!;
  await expect(items(page).last()).toContainText(last.statement);

  await page.keyboard.press("j");
  await expect(focusedStatement(page)).toHaveText(fixture.claims[0]!.statement);
  // Lines 2 to 8 with j, 9 to 16 with ArrowDown (the focus is on a line).
  for (let line = 2; line <= 8; line++) await page.keyboard.press("j");
  for (let line = 9; line <= 16; line++) await page.keyboard.press("ArrowDown");
  await expect(focusedStatement(page)).toHaveText(last.statement);
  await expect(focusedItem(page)).toBeInViewport();
  await page.keyboard.press("ArrowUp");
  await expect(focusedStatement(page)).toHaveText(fixture.claims[14]!.statement);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("a");
  await expect(items(page)).toHaveCount(15);
  await expect(notice(page)).toContainText("Approved");
  await expect.poll(async () => (await claimState(last.id)).stage).toBe("approved");
  // The focus goes back up to the line before, the last one left.
  await expect(focusedStatement(page)).toHaveText(fixture.claims[14]!.statement);
  for (const claim of fixture.claims.slice(0, -1)) await approveAs("admin", claim.id);
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

  await approveAs("reviewer", chloes.id);
  await chloe.context.close();
});

test("? lists the shortcuts in a dialog that Escape closes, and o opens the claim in its article", async ({
  page,
}) => {
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

  // o opens the focused claim in its article.
  await page.keyboard.press("j");
  await page.keyboard.press("o");
  const [claim] = fixture.claims;
  await expect(page).toHaveURL(new RegExp(`/articles/${fixture.articleId}\\?claim=${claim!.id}$`));
  await expect(
    page.getByTestId("claim-list").locator(`[data-claim-id="${claim!.id}"] [aria-expanded=true]`),
  ).toBeVisible();
  await approveAs("admin", fixture.claims[0]!.id);
});
