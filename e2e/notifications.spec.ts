// Notifications and webhooks, lean: the editor's inbox count rises when a reviewer returns her
// claim (arranged through the data layer), she reads it and marks it read; an admin adds a webhook
// and sends a test, and the delivery log shows the attempt (to an internal address, refused
// before any connection: nothing leaves the machine).
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { actor, closeDb, queuedClaims } from "./queue-data";
import { returnClaim } from "@/lib/data/claims";

test.afterAll(async () => {
  await closeDb();
});

// On a machine shared with other work a step can take seconds: the test as a whole gets two minutes.
test.setTimeout(120_000);

const count = async (page: import("@playwright/test").Page) => {
  const badge = page.getByTestId("inbox-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
};

test("the inbox count rises when a reviewer returns a claim, and falls when it is read", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/inbox");
  const before = await count(page);
  const { claims, title } = await queuedClaims(["editor"], "Inbox test");
  await returnClaim({
    actor: await actor("reviewer"),
    input: { id: claims[0]!.id, note: "Which prefecture? Add the source." },
  });
  await page.reload();
  await expect(page.getByTestId("inbox-count")).toHaveText(String(before + 1));
  const item = page.getByTestId("inbox-item").filter({ hasText: title });
  await expect(item).toContainText("Ben Okafor returned a claim");
  await expect(item).toContainText("Which prefecture? Add the source.");
  await item.getByRole("button", { name: /Mark read/ }).click();
  await expect(item.getByRole("button", { name: /Mark read/ })).toHaveCount(0);
  expect(await count(page)).toBe(before);
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claims[0]!.id}`));
});

test("an admin adds a webhook, sends a test and sees it in the delivery log", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/webhooks");
  // An internal address is refused when it is registered (WEBHOOK_ALLOW_HOSTS names none here).
  const internal = `http://127.0.0.1:3321/hook-${Date.now().toString(36)}`;
  await page.getByLabel("URL").fill(internal);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText(/private or internal network, where the desk sends no webhooks/)).toBeVisible();
  await expect(page.getByTestId("webhook").filter({ hasText: internal })).toHaveCount(0);
  // A name that resolves nowhere is accepted, and its test fails visibly.
  const url = `http://cms-${Date.now().toString(36)}.example.invalid/hook`;
  await page.getByLabel("URL").fill(url);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText(/Its secret, shown this once: whsec_/)).toBeVisible();
  const hook = page.getByTestId("webhook").filter({ hasText: url });
  await hook.getByRole("button", { name: "Send a test" }).click();
  await expect(hook.getByText(/Test not delivered: /)).toBeVisible();
  const log = hook.getByTestId("delivery-log");
  await expect(log).toContainText("Test");
  await expect(log).toContainText("Failed");
});
