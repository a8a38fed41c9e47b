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
import { setLocaleCookie, signIn } from "./helpers";

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

/** Kyiv asked by e-mail on 1 December at 14:00, deadline 18:00, recorded at 16:00 UTC. */
function askedKyiv(claimId: number) {
  return createCommentRequest({
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
  await askedKyiv(claimId);
  await signIn(page, "editor");
  const md = await page.request.get(`/articles/${articleId}/export?format=md&unapproved=1`);
  expect(await md.text()).toContain(
    "Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of publication.",
  );
});

test("the claim form asks for the right of reply before an uncommented claim enters the queue", async ({
  page,
}) => {
  const body = "Moscou dit contrôler 70 % de la région.\n\nKyiv n'a pas réagi.";
  const { articleId, claimId } = await silentClaim("fr", body, "Moscou dit contrôler 70 % de la région.");
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await page
    .getByTestId("claim-list")
    .getByRole("button", { name: /Moscou dit contrôler/ })
    .click();
  await page.getByTestId("claim-list").getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("claim-form");
  const reply = form.getByTestId("claim-right-of-reply");
  await expect(reply).toContainText("a request for comment to Kyiv");

  // Nothing recorded: the server refuses to queue it, says why, and opens the request's fields.
  await form.getByRole("button", { name: "Save and submit to queue" }).click();
  await expect(form).toContainText("needs a request for comment to Kyiv");
  await expect(reply.getByLabel("We asked for comment")).toBeChecked();
  expect((await getClaimById({ id: claimId }))?.stage).toBe("draft");

  // A deadline before the request is refused on its field, and nothing is written.
  await reply.getByLabel("Asked at").fill("2026-12-01T14:00");
  await reply.getByLabel("Deadline").fill("2026-12-01T10:00");
  await form.getByRole("button", { name: "Save and submit to queue" }).click();
  await expect(reply).toContainText("The deadline must come after the request.");
  expect((await getRightOfReply({ claimId, now: new Date() })).requests).toEqual([]);

  // Marked "not contacted" with a reason, right there: saved and queued in one step.
  await reply.getByLabel("Not contacted").check();
  await reply.getByLabel("Why not").fill("Le ministère ne répond plus à la rédaction depuis 2025.");
  await form.getByRole("button", { name: "Save and submit to queue" }).click();
  await expect.poll(async () => (await getClaimById({ id: claimId }))?.stage).toBe("in_review");
  const record = await getRightOfReply({ claimId, now: new Date() });
  expect(record.notContacted).toMatchObject([
    { party: "Kyiv", reason: "Le ministère ne répond plus à la rédaction depuis 2025." },
  ]);
});

// A request recorded on the claim's page (or through the API) shows in the claim form, in the
// reader's language: the editor sees it is there, leaves "already recorded", and the claim is queued.
test("the claim form shows the right of reply already recorded, in both languages, and queues on it", async ({
  page,
}) => {
  const body = "Moscou dit contrôler 80 % de la région.\n\nKyiv n'a pas réagi.";
  const { articleId, claimId } = await silentClaim("fr", body, "Moscou dit contrôler 80 % de la région.");
  await signIn(page, "editor");
  const openForm = async (edit: string) => {
    await page.goto(`/articles/${articleId}`);
    await page
      .getByTestId("claim-list")
      .getByRole("button", { name: /Moscou dit contrôler 80/ })
      .click();
    await page.getByTestId("claim-list").getByRole("button", { name: edit, exact: true }).click();
    return page.getByTestId("claim-form");
  };

  // Nothing recorded yet: no such list.
  let form = await openForm("Edit");
  await expect(form.getByTestId("claim-right-of-reply")).toContainText("a request for comment to Kyiv");
  await expect(form.getByTestId("claim-right-of-reply-recorded")).toHaveCount(0);

  await askedKyiv(claimId);
  form = await openForm("Edit");
  const recorded = form.getByTestId("claim-right-of-reply-recorded");
  await expect(recorded).toContainText("Already recorded on this claim");
  await expect(recorded).toContainText("Asked Kyiv by e-mail on");
  await expect(recorded).toContainText("deadline 18:00");

  // The same record in French.
  await setLocaleCookie(page, "fr");
  form = await openForm("Modifier");
  await expect(form.getByTestId("claim-right-of-reply-recorded")).toContainText(
    "Déjà enregistré sur cette affirmation",
  );
  await expect(form.getByTestId("claim-right-of-reply-recorded")).toContainText(
    "Kyiv sollicité par courriel le",
  );

  // "Already recorded" is the default: submitting queues the claim without asking again.
  await expect(form.getByLabel("Déjà enregistré, ou plus tard")).toBeChecked();
  await form.getByRole("button", { name: "Enregistrer et soumettre" }).click();
  await expect.poll(async () => (await getClaimById({ id: claimId }))?.stage).toBe("in_review");
  expect((await getRightOfReply({ claimId, now: new Date() })).requests).toHaveLength(1);
});

test("a reply with a document becomes a source of the claim, in the page and in every export", async ({
  page,
}) => {
  const body = "The Kremlin said its forces took 9 villages.\n\nKyiv did not respond.";
  const { articleId, claimId } = await silentClaim(
    "en",
    body,
    "The Kremlin said its forces took 9 villages.",
  );
  const request = await askedKyiv(claimId);
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}/claims/${claimId}`);
  const panel = page.getByTestId("right-of-reply");
  await panel.getByRole("button", { name: "Log the reply" }).click();
  await panel.getByLabel("What they said").fill("Our forces hold the villages; see the statement.");
  await panel.getByLabel("Received at").fill("2026-12-01T17:30");

  // A file that is not what its name says is refused, and nothing is recorded.
  await panel.getByLabel("Document (optional)").setInputFiles({
    name: "statement.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("just some words"),
  });
  await panel.getByRole("button", { name: "Save the reply" }).click();
  await expect(panel).toContainText("does not match its name");
  expect((await getRightOfReply({ claimId, now: new Date() })).requests[0]?.reply).toBeNull();

  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  );
  await panel.getByLabel("Document (optional)").setInputFiles({
    name: "statement.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await panel.getByRole("button", { name: "Save the reply" }).click();
  await expect(panel.getByTestId("reply-received")).toBeVisible();
  await expect(panel.getByTestId("reply-document")).toContainText("statement.pdf");

  // Among the claim's sources: who, when, how, what was said, and the document.
  const source = page.getByTestId("source-list").locator('li[data-kind="reply"]');
  await expect(source).toContainText("Reply from Kyiv, 1 December at 17:30, by e-mail");
  await expect(source).toContainText("Our forces hold the villages");
  const download = source.getByTestId("source-download");
  const file = await page.request.get((await download.getAttribute("href"))!);
  expect(file.headers()["content-disposition"]).toContain("attachment");
  expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

  const json = await (
    await page.request.get(`/articles/${articleId}/export?format=json&unapproved=1`)
  ).json();
  const exported = JSON.stringify(json);
  expect(exported).toContain(`"kind":"reply"`);
  expect(exported).toContain(`"requestId":${request.id}`);
  const csv = await (await page.request.get(`/articles/${articleId}/export?format=csv&unapproved=1`)).text();
  expect(csv).toContain("Reply from Kyiv, 1 December at 17:30, by e-mail");
  expect(csv).toContain("Document: statement.pdf, SHA-256 ");
  const md = await (await page.request.get(`/articles/${articleId}/export?format=md&unapproved=1`)).text();
  expect(md).toContain("Reply from Kyiv, 1 December at 17:30, by e-mail");
});
