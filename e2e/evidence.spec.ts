// Evidence of any kind (issue 17.8): upload a document and download it; archive a web source
// from a page this spec serves on 127.0.0.1 (allow-listed for the test server: FETCH_ALLOW_HOSTS).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { closeDb } from "./data";
import { selectText, signIn } from "./helpers";
import { createArticle } from "@/lib/data/articles";
import { getUserCredentialsByEmail } from "@/lib/data/users";

const BODY = "Le ministère affirme que 40 villages ont été repris. Kyiv n'a pas commenté ces affirmations.";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

let articleId = 0;
let server: http.Server;
let origin = "";

test.beforeAll(async () => {
  const editor = await getUserCredentialsByEmail({ email: ACCOUNTS.editor.email });
  const article = await createArticle({
    actor: { id: editor!.id, role: editor!.role },
    input: {
      title: "Villages repris",
      outlet: "",
      url: "",
      language: "fr",
      publishedAt: "",
      body: BODY,
      bodyFormat: "text",
    },
  });
  articleId = article.id;
  closeDb();
  server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Communiqué</title><p>Le ministère publie la liste des villages.</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("an editor attaches a document and an archived web page to a claim, and downloads both", async ({
  page,
}) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await selectText(page, "Le ministère affirme que 40 villages ont été repris.");
  await page.getByTestId("add-claim-from-selection").click();
  const form = page.getByTestId("claim-form");
  await expect(form).toBeVisible();

  // A document: uploaded at once, kept by the desk.
  await form.getByRole("button", { name: "Add source" }).click();
  await form.getByLabel("Kind of source 1").selectOption("document");
  await form
    .getByLabel("File for source 1")
    .setInputFiles({ name: "communiqué.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(form.getByTestId("document-kept")).toContainText("communiqué.pdf");

  // A file whose content does not match its name is refused, clearly.
  await form.getByRole("button", { name: "Add source" }).click();
  await form.getByLabel("Kind of source 2").selectOption("document");
  await form
    .getByLabel("File for source 2")
    .setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text") });
  await expect(form.getByRole("alert").filter({ hasText: "does not match" })).toBeVisible();
  await form.getByRole("button", { name: "Remove source 2" }).click();

  // A web page, archived from the local server.
  await form.getByRole("button", { name: "Add source" }).click();
  await form.getByLabel("Source 2 address").fill(`${origin}/communique`);
  await form.getByRole("button", { name: "Archive" }).click();
  await expect(form.getByTestId("snapshot-link")).toBeVisible();

  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Claim saved.");

  const list = page.getByTestId("source-list").first();
  await expect(list.locator('[data-kind="document"]')).toContainText("communiqué.pdf");
  const [document] = await Promise.all([
    page.waitForEvent("download"),
    list.locator('[data-kind="document"]').getByTestId("source-download").click(),
  ]);
  expect(document.suggestedFilename()).toBe("communiqué.pdf");
  expect(fs.readFileSync((await document.path())!).equals(PDF)).toBe(true);

  const [snapshot] = await Promise.all([
    page.waitForEvent("download"),
    list.locator('[data-kind="web"]').getByTestId("source-download").click(),
  ]);
  expect(fs.readFileSync((await snapshot.path())!, "utf8")).toContain("la liste des villages");
});
