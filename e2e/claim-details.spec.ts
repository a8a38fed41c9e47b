// The article page sends only its claims' list lines; an opened claim's details (its note, sources,
// who rated it, its thread) load when it is opened (components/workspace-claim.ts), in both
// languages, and its edit form starts from them.
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { setLocaleCookie, signIn } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { createClaim } from "@/lib/data/claims";
import { addMessage } from "@/lib/data/threads";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { claimInput } from "@/test/data-helpers";

const BODY =
  "The ministry said on Monday that 12 ships were damaged in the port. " +
  "The mayor said the port would reopen within a week.";
const QUOTE = "12 ships were damaged in the port";
const NOTE = "The harbour master's list names twelve hulls.";
const SOURCE = "Harbour registry, March";
const MESSAGE = "Checked with the harbour master by phone.";

let articleId = 0;
let claimId = 0;

test.beforeAll(async () => {
  const found = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  const editor = { id: found!.id, role: found!.role };
  articleId = (
    await createArticle({
      actor: editor,
      input: {
        title: "Details on demand",
        outlet: "",
        url: "",
        language: "en",
        publishedAt: "",
        body: BODY,
        bodyFormat: "text",
      },
    })
  ).id;
  claimId = (
    await createClaim({
      actor: editor,
      input: claimInput(articleId, BODY, QUOTE, {
        statement: "Twelve ships were damaged.",
        verdict: "confirmed",
        verdictNote: NOTE,
        sources: [{ url: "https://example.org/registry", title: SOURCE }],
      }),
    })
  ).id;
  await addMessage({ actor: editor, input: { claimId, body: MESSAGE } });
  closeDb();
});

test("the page sends the claim's line, not its details", async ({ page }) => {
  await signIn(page, "editor");
  const html = await (await page.request.get(`/articles/${articleId}`)).text();
  expect(html).toContain("Twelve ships were damaged.");
  for (const detail of [NOTE, SOURCE, MESSAGE, "example.org/registry"]) expect(html).not.toContain(detail);
});

for (const [locale, words] of [
  ["en", { rated: "Rated confirmed by Ana Martin", history: "History", edit: "Edit", note: "Verdict note" }],
  [
    "fr",
    {
      rated: "Qualifiée confirmée par Ana Martin",
      history: "Historique",
      edit: "Modifier",
      note: "Justification du verdict",
    },
  ],
] as const) {
  test(`an opened claim shows its details, in ${locale}`, async ({ page }) => {
    await signIn(page, "editor");
    await setLocaleCookie(page, locale);
    await page.goto(`/articles/${articleId}`);
    const list = page.getByTestId("claim-list");
    await expect(page.getByTestId("claim-details")).toHaveCount(0);

    // From the keyboard: the claim's line is a button.
    await list.getByRole("button", { name: /Twelve ships were damaged/ }).focus();
    await page.keyboard.press("Enter");
    const details = page.getByTestId("claim-details");
    await expect(details).toContainText(QUOTE);
    await expect(details).toContainText(NOTE);
    await expect(details.getByRole("link", { name: SOURCE })).toBeVisible();
    await expect(details).toContainText(words.rated);
    await expect(details).toContainText(MESSAGE);
    await expect(details.getByRole("link", { name: words.history })).toHaveAttribute(
      "href",
      `/articles/${articleId}/claims/${claimId}`,
    );

    // The edit form starts from the loaded details.
    await details.getByRole("button", { name: words.edit, exact: true }).click();
    await expect(page.getByLabel(words.note, { exact: true })).toHaveValue(NOTE);
  });
}
