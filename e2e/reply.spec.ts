// Right of reply, end to end: ask a party for comment on a claim, move the server's clock past the
// deadline (lib/clock.ts, no waiting), see the request overdue on the claim, the queue and the
// article page, log the reply, re-rate, and export the newsroom sentence in French and English.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { createArticle } from "@/lib/data/articles";
import { createClaim, getClaimById, updateClaim } from "@/lib/data/claims";
import { createCommentRequest, getRightOfReply } from "@/lib/data/comment-requests";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { noCommentSentence } from "@/lib/reply/wording";
import type { Language, Role } from "@/lib/review/model";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { E2E_CLOCK_FILE } from "./env";
import { signIn } from "./helpers";

const HOUR = 3_600_000;
type Actor = { id: number; role: Role };
let editor: Actor;

function setClock(offsetMs: number) {
  fs.writeFileSync(E2E_CLOCK_FILE, String(offsetMs));
}

async function silentClaim(language: Language, body: string, quote: string) {
  const { id: articleId } = await createArticle({
    actor: editor,
    input: {
      title: `Right of reply ${language} ${Date.now()}`,
      outlet: "Le Courrier",
      url: "",
      language,
      publishedAt: "2026-12-01",
      body,
      bodyFormat: "text",
    },
  });
  const start = body.indexOf(quote);
  const claim = await createClaim({
    actor: editor,
    input: {
      articleId,
      start,
      end: start + quote.length,
      quote,
      statement: quote,
      speaker: "the Kremlin",
      verdict: "uncommented",
      verdictNote: "",
      silentParty: "Kyiv",
      sources: [],
    },
  });
  return { articleId, claimId: claim.id };
}

test.beforeAll(async () => {
  const user = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  if (!user) throw new Error("missing demo editor");
  editor = { id: user.id, role: user.role };
  setClock(0);
});

test.afterAll(async () => {
  setClock(0);
  await closeDb();
});

test("ask, pass the deadline, see it overdue, log the reply, re-rate, export in French", async ({ page }) => {
  const body = "Le Kremlin affirme avoir pris 12 villages.\n\nKyiv n'a pas réagi.";
  const { articleId, claimId } = await silentClaim("fr", body, "Le Kremlin affirme avoir pris 12 villages.");
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}/claims/${claimId}`);
  const panel = page.getByTestId("right-of-reply");
  await panel.getByLabel("Press office").fill("Presidential office");
  await panel.getByLabel("E-mail", { exact: true }).fill("press@president.gov.ua");
  await panel.getByRole("button", { name: "Record the request" }).click();
  const request = panel.getByTestId("comment-request");
  await expect(request).toContainText("Asked Kyiv by e-mail");
  await expect(request).toContainText("Waiting");

  // Six hours later on the server's clock: the 4-hour deadline passed two hours ago.
  setClock(6 * HOUR);
  await page.reload();
  await expect(request).toContainText("Overdue");
  await expect(request).toContainText("overdue by 2 h");
  await page.goto("/queue?reply=overdue");
  await expect(page.getByTestId("reply-queue-item").filter({ hasText: "Le Kremlin affirme" })).toContainText(
    "Overdue",
  );

  // The export, at publication time, says Kyiv did not respond, from the recorded date.
  const record = await getRightOfReply({ claimId, now: new Date() });
  const french = noCommentSentence("Kyiv", record.requests, "fr", getEnv().TIME_ZONE);
  expect(french).toMatch(
    /^Kyiv n'avait pas répondu à notre sollicitation, envoyée le .+ au moment de la publication$/,
  );
  const md = await page.request.get(`/articles/${articleId}/export?format=md&unapproved=1`);
  expect(await md.text()).toContain(`${french}.`);

  // The reply arrives: logged on the claim, which is flagged and stays with its editor.
  await page.goto(`/articles/${articleId}/claims/${claimId}`);
  await panel.getByRole("button", { name: "Log the reply" }).click();
  await panel.getByLabel("What they said").fill("Le village reste sous contrôle ukrainien.");
  await panel.getByRole("button", { name: "Save the reply" }).click();
  await expect(panel.getByTestId("reply-received")).toBeVisible();
  await expect(request).toContainText("Answered");
  await expect(page.getByTestId("claim-timeline")).toContainText("reply logged by");
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("article-right-of-reply")).toContainText("Reply received");

  // Re-rated in the light of the reply: the flag goes.
  const claim = (await getClaimById({ id: claimId }))!;
  await updateClaim({
    actor: editor,
    input: {
      id: claimId,
      version: claim.version,
      start: claim.start,
      end: claim.end,
      quote: claim.quote,
      statement: claim.statement,
      speaker: claim.speaker ?? "",
      verdict: "disputed",
      verdictNote: "Kyiv dit garder le contrôle du village.",
      silentParty: "",
      sources: [],
    },
  });
  await page.goto(`/articles/${articleId}/claims/${claimId}`);
  await expect(panel.getByTestId("reply-received")).toHaveCount(0);
  const json = await (
    await page.request.get(`/articles/${articleId}/export?format=json&unapproved=1`)
  ).json();
  expect(JSON.stringify(json)).toContain("Le village reste sous contrôle ukrainien.");
});

test("exports the English sentence from the recorded request", async ({ page }) => {
  const body = "The Kremlin said its forces took 12 villages.\n\nKyiv did not respond.";
  const { articleId, claimId } = await silentClaim(
    "en",
    body,
    "The Kremlin said its forces took 12 villages.",
  );
  // Asked at 14:00 in the desk's zone on 1 December 2026.
  await createCommentRequest({
    actor: editor,
    input: {
      claimId,
      party: "Kyiv",
      channel: "email",
      askedAt: "2026-12-01T14:00",
      deadline: "2026-12-01T18:00",
    },
    now: new Date("2026-12-01T16:00:00Z"),
  });
  await signIn(page, "editor");
  const md = await page.request.get(`/articles/${articleId}/export?format=md&unapproved=1`);
  expect(await md.text()).toContain(
    "Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of publication.",
  );
});
