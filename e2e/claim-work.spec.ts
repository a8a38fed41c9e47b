// Issue 13, items 10, 11, 12 and the "Returned" badge of 17: overriding a verdict in review,
// quotes that occur more than once, the selected words highlighted while a claim is written, and
// "Submit all rated claims (N)".
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { selectText, signIn } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { createClaim } from "@/lib/data/claims";
import { claimInput } from "@/test/data-helpers";
import { getUserCredentialsByEmail } from "@/lib/data/users";

const BODY =
  "Reuters reported on Monday that the port was hit. The ministry told Reuters the damage was limited.\n\n" +
  "A second strike followed, Reuters said, citing two officials. Officials confirmed 12 ships were damaged. " +
  "The mayor said the port would reopen. The navy said it shot down 20 drones.";

const articles = { anchors: 0, override: 0, returned: 0, submitAll: 0 };
const claims = { override: 0, returned: 0 };

test.beforeAll(async () => {
  const found = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  const editor = { id: found!.id, role: found!.role };
  const make = async (title: string) =>
    (
      await createArticle({
        actor: editor,
        input: {
          title,
          outlet: "",
          url: "",
          language: "en",
          publishedAt: "",
          body: BODY,
          bodyFormat: "text",
        },
      })
    ).id;
  articles.anchors = await make("Anchors");
  articles.override = await make("Override");
  articles.returned = await make("Returned");
  articles.submitAll = await make("Submit all");
  const inReview = (articleId: number) =>
    createClaim({
      actor: editor,
      input: claimInput(articleId, BODY, "Officials confirmed 12 ships were damaged.", {
        verdict: "confirmed",
        verdictNote: "The port authority's list.",
        submit: true,
      }),
    });
  claims.override = (await inReview(articles.override)).id;
  claims.returned = (await inReview(articles.returned)).id;
  for (const [quote, verdict] of [
    ["Officials confirmed 12 ships were damaged.", "confirmed"],
    ["The mayor said the port would reopen.", "disputed"],
    ["A second strike followed", "confirmed"],
    ["The navy said it shot down 20 drones.", "unrated"],
  ] as const) {
    await createClaim({ actor: editor, input: claimInput(articles.submitAll, BODY, quote, { verdict }) });
  }
  closeDb();
});

function occurrenceOffsets(word: string): number[] {
  const found: number[] = [];
  for (let i = BODY.indexOf(word); i !== -1; i = BODY.indexOf(word, i + 1)) found.push(i);
  return found;
}

async function draftHighlight(page: Page) {
  return page.getByTestId("article-body").locator("[data-draft]");
}

test("a quote found several times is pinned to the occurrence the editor picks, and highlighted", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articles.anchors}`);
  await page.getByRole("button", { name: "Add claim" }).click();
  const form = page.getByTestId("claim-form");
  await form.getByLabel("Quote").fill("Reuters");

  const picker = form.getByTestId("quote-occurrences");
  await expect(picker).toContainText("These words occur 3 times in the article");
  await expect(picker.getByRole("radio")).toHaveCount(3);
  await expect(picker.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(picker.locator("li").nth(1)).toContainText("The ministry told Reuters the damage was limited");
  // Not anchored silently: nothing is highlighted, and saving asks for a choice.
  await expect(await draftHighlight(page)).toHaveCount(0);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form).toContainText("Pick which occurrence of these words the claim is about.");

  await picker.getByRole("radio", { name: "Occurrence 2 of 3" }).check();
  await expect(form).toContainText("Anchored to occurrence 2 of 3.");
  const highlight = await draftHighlight(page);
  await expect(highlight).toHaveText("Reuters");
  const second = occurrenceOffsets("Reuters")[1]!;
  await expect(highlight).toHaveAttribute("data-o", String(second));

  await form.getByLabel("Statement").fill("The ministry spoke to Reuters.");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");
  await expect(page.getByTestId("article-body").locator("mark[data-claims]")).toHaveAttribute(
    "data-o",
    String(second),
  );
  await expect(await draftHighlight(page)).toHaveCount(0);

  // Words selected in the article stay highlighted while the new claim is written.
  await selectText(page, "The navy said it shot down 20 drones.");
  await page.getByTestId("add-claim-from-selection").click();
  await expect(form).toBeVisible();
  await form.getByLabel("Statement").fill("The navy shot down 20 drones.");
  await page.mouse.click(5, 5);
  await expect(await draftHighlight(page)).toHaveText("The navy said it shot down 20 drones.");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(await draftHighlight(page)).toHaveCount(0);
});

async function openForEdit(page: Page, articleId: number, claimId: number) {
  await signIn(page, "reviewer");
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await page.getByTestId("claim-list").getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("claim-form");
  await form.getByText("Disputed", { exact: true }).click();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  const warning = form.getByTestId("override-warning");
  await expect(warning).toContainText(
    "You are changing Ana Martin's verdict; return it with a note instead?",
  );
  return { form, warning };
}

test("a reviewer changing an editor's verdict in review is warned, and the override is on the record", async ({
  page,
}) => {
  const { warning } = await openForEdit(page, articles.override, claims.override);
  await warning.getByRole("button", { name: "Change the verdict anyway" }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");
  const item = page.getByTestId("claim-list").locator("li").first();
  await expect(item).toContainText("Rated disputed by Ben Okafor");

  await item.getByRole("link", { name: "History" }).click();
  const override = page.getByTestId("history-override");
  await expect(override).toHaveText("replacing the verdict of Ana Martin");
  await expect(page.getByTestId("claim-timeline").locator("li").last()).toContainText(
    "rated disputed by Ben Okafor",
  );
});

test("the reviewer can return the claim with a note instead; it is badged Returned", async ({ page }) => {
  const { warning } = await openForEdit(page, articles.returned, claims.returned);
  await expect(warning.getByRole("button", { name: "Return with this note" })).toBeDisabled();
  await warning.getByLabel("Note for the return").fill("The ministry says 10 ships, not 12.");
  await warning.getByRole("button", { name: "Return with this note" }).click();
  await expect(page.getByRole("status")).toHaveText("Claim returned to its editor with your note.");
  const item = page.getByTestId("claim-list").locator("li").first();
  await expect(item.locator("[data-stage]")).toHaveText("Returned");
  // Returned, not rewritten: the editor's verdict stands.
  await expect(item).toContainText("Confirmed");
});

test("Submit all rated claims sends every rated draft to the queue at once", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articles.submitAll}`);
  const button = page.getByTestId("submit-all-rated");
  await expect(button).toHaveText("Submit all rated claims (3)");
  await button.click();
  await expect(page.getByRole("status")).toHaveText("3 claims submitted to the review queue.");
  await expect(button).toHaveCount(0);
  const stages = page.getByTestId("claim-list").locator("[data-stage]");
  await expect(stages).toHaveText(["In review", "In review", "In review", "Draft"]);
});
