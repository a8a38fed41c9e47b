// A failed call is never silent (issue 13, items 3, 4 and 8): in the queue, an approval that gets
// no answer because the network dropped brings the claim back with why and a way to try again; the
// API answers unknown paths, unimplemented methods and loose ids with problem+json.
import { expect, test } from "./fixtures";
import { createToken } from "@/lib/data/tokens";
import { actor, claimState, closeDb, queuedClaims } from "./queue-data";
import { signIn } from "./helpers";

test.afterAll(() => closeDb());

test("an approval that gets no answer brings the claim back with a retry, which then approves it", async ({
  browser,
}) => {
  const fixture = await queuedClaims(["editor"], "Offline approval");
  const [claim] = fixture.claims as [(typeof fixture.claims)[0]];
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, "reviewer");
  await page.goto(fixture.queueUrl);
  await expect(page.locator("[data-keyboard=on]")).toBeAttached();
  const line = page.getByTestId("queue-item").filter({ hasText: claim.statement });
  await expect(line).toBeVisible();

  await context.setOffline(true);
  await line.getByRole("button", { name: /^Approve/ }).click();
  // Hidden at once, as an approval is; back as soon as the call fails, saying why.
  await expect(line).toBeVisible();
  await expect(line).toContainText("The desk did not answer");
  const notice = page.getByTestId("queue-notice");
  await expect(notice).toContainText("The desk did not answer");
  expect((await claimState(claim.id)).stage).toBe("in_review");

  await context.setOffline(false);
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(notice).toContainText(`Approved: “${claim.statement}”`);
  await expect(line).toHaveCount(0);
  await expect.poll(async () => (await claimState(claim.id)).stage).toBe("approved");
  await context.close();
});

test("the French queue says it in French", async ({ browser }) => {
  const fixture = await queuedClaims(["editor"], "Approbation hors ligne");
  const [claim] = fixture.claims as [(typeof fixture.claims)[0]];
  // Signed in in English (the sign-in helper reads English labels), then the desk set to French.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, "reviewer");
  await context.addCookies([
    { name: "claimdesk-locale", value: "fr", url: test.info().project.use.baseURL! },
  ]);
  await page.goto(fixture.queueUrl);
  await expect(page.locator("[data-keyboard=on]")).toBeAttached();
  const line = page.getByTestId("queue-item").filter({ hasText: claim.statement });
  await context.setOffline(true);
  await line.getByRole("button", { name: /^Approuver/ }).click();
  await expect(line).toContainText("Le desk n’a pas répondu");
  await expect(page.getByTestId("queue-notice").getByRole("button", { name: "Réessayer" })).toBeVisible();
  await context.setOffline(false);
  await context.close();
});

test("the API answers unknown paths, other methods and loose ids with problem+json", async ({ request }) => {
  const unknown = await request.get("/api/v1/articels");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toBe("application/problem+json");
  expect(await unknown.json()).toMatchObject({ code: "not_found", reason: "unknown_path" });

  const deep = await request.post("/api/v1/claims/1/approve/now", { data: {} });
  expect(deep.status()).toBe(404);
  expect(deep.headers()["content-type"]).toBe("application/problem+json");

  const wrongMethod = await request.delete("/api/v1/health");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await wrongMethod.json()).toMatchObject({
    code: "method_not_allowed",
    allow: ["GET", "HEAD", "OPTIONS"],
  });

  const options = await request.fetch("/api/v1/claims/1", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, PATCH, DELETE, OPTIONS");

  const { token } = await createToken({ actor: await actor("editor"), input: { name: "loose ids" } });
  const article = (await queuedClaims(["editor"], "Loose ids")).articleId;
  const authorization = `Bearer ${token}`;
  expect((await request.get(`/api/v1/articles/${article}`, { headers: { authorization } })).status()).toBe(
    200,
  );
  for (const id of [
    `0x${article.toString(16)}`,
    `0${article}`,
    `+${article}`,
    `${article}.0`,
    `${article}e0`,
    `%20${article}`,
  ]) {
    const loose = await request.get(`/api/v1/articles/${id}`, { headers: { authorization } });
    expect(loose.status(), id).toBe(400);
    expect(loose.headers()["content-type"], id).toBe("application/problem+json");
  }
});
