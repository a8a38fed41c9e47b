import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { signIn } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { getUserCredentialsByEmail } from "@/lib/data/users";

const FIXTURE = fs.readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
  "utf8",
);
let articleId = 0;

test.beforeAll(async () => {
  const editor = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  articleId = (
    await createArticle({
      actor: { id: editor!.id, role: editor!.role },
      input: {
        title: "Suggestions",
        outlet: "",
        url: "",
        language: "fr",
        publishedAt: "",
        body: FIXTURE,
        bodyFormat: "text",
      },
    })
  ).id;
  closeDb();
});

test("suggested claims are shown in place, accepted with their speaker and no-comment verdict, or dismissed", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await page.getByRole("button", { name: "Suggest claims" }).click();
  const panel = page.getByTestId("suggestions");
  await expect(panel.getByRole("heading", { name: /suggestions/ })).toBeVisible();
  await expect(page.locator("[data-testid=article-body] [data-suggestion]").first()).toBeVisible();

  // The Moscow claim carries Kyiv's silence; the no-comment sentence itself is not suggested.
  const moscow = panel.getByRole("listitem").filter({ hasText: "Moscou dit contrôler" });
  await expect(moscow).toContainText("Suggested: Kyiv did not comment.");
  await expect(panel.getByRole("listitem").filter({ hasText: "Kyiv n'a pas commenté" })).toHaveCount(0);
  await moscow.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("1 claim added as draft.");

  // The thanks score below the threshold: hidden until asked for, then dismissed.
  const thanks = panel.getByRole("listitem").filter({ hasText: "Je suis reconnaissant" });
  await expect(thanks).toHaveCount(0);
  await panel.getByRole("button", { name: /^Show \d+ more below the threshold$/ }).click();
  await expect(thanks).toContainText("Below the threshold: unlikely to be a claim.");
  await thanks.getByRole("button", { name: "Dismiss" }).click();
  await expect(thanks).toHaveCount(0);
  await panel.getByRole("button", { name: /^Hide the \d+ below the threshold$/ }).click();

  await page.getByLabel("Accept all scoring at least").fill("0.8");
  const acceptAll = panel.getByRole("button", { name: /^Accept \d+$/ });
  const count = Number(/\d+/.exec((await acceptAll.textContent()) ?? "")?.[0]);
  await acceptAll.click();
  // While accepting, a progress line is a second status; wait for the report of all of them.
  await expect(page.getByRole("status").filter({ hasText: "added as draft" })).toContainText(
    `${count} claim`,
  );
  await expect(page.getByText(/^Accepting \d+ of \d+…$/)).toHaveCount(0);

  await panel.getByRole("button", { name: "Back to claims" }).click();
  const list = page.getByTestId("claim-list");
  // Accepting is not rating: the claim is unrated, nobody is its rater, the verdict a proposal.
  const accepted = list.locator("li", { hasText: "Moscou" }).first();
  await expect(accepted).toContainText("Unrated");
  await expect(accepted).not.toContainText("No comment");
  await accepted.getByRole("button").first().click();
  await expect(accepted).toContainText("Not rated yet");
  await expect(list.locator("li", { hasText: "1 800 drones" })).toContainText("Volodymyr Zelensky");

  await accepted.getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("claim-form");
  const proposal = form.getByTestId("verdict-proposal");
  await expect(proposal).toContainText("No comment");
  await expect(proposal).toContainText("Kyiv did not comment");
  await expect(form.getByLabel("Unrated")).toBeChecked();
  // The person picks the proposed verdict: now it is theirs, and they are its rater.
  await proposal.getByRole("button", { name: "Use this verdict" }).click();
  await expect(form.getByLabel("No comment")).toBeChecked();
  await expect(form.getByLabel("Who did not comment")).toHaveValue("Kyiv");
  await expect(proposal).toHaveCount(0);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");
  const saved = list.locator("li", { hasText: "Moscou" }).first();
  await expect(saved).toContainText("Rated no comment by Ana Martin");

  await saved.getByRole("link", { name: "History" }).click();
  const timeline = page.getByTestId("claim-timeline");
  await expect(timeline.getByTestId("history-origin")).toHaveText(
    "from a suggestion of the analyser (proposed: no comment; not a verdict)",
  );
  await expect(timeline.locator("li").nth(1)).toContainText("rated no comment by Ana Martin");
});
