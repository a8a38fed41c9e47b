// The API's side of issue 16: an export marked as publication, the versions, their files, and the
// correction note a PATCH of a published claim needs.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { approveClaim, createClaim } from "@/lib/data/claims";
import { claimInput, makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import { GET as exportArticle } from "./articles/[id]/export/route";
import { GET as listVersions } from "./articles/[id]/versions/route";
import { GET as versionFile } from "./articles/[id]/versions/[number]/route";
import { PATCH as patchClaim } from "./claims/[id]/route";

const KREMLIN = "Le Kremlin affirme que ses forces ont pris 12 villages.";

async function verified() {
  const editor = await makeTokenUser("editor", "Ana Martin");
  const reviewer = await makeTokenUser("reviewer", "Ben Okafor");
  const article = await makeArticle(editor);
  const claim = await createClaim({
    actor: editor,
    input: { ...claimInput(article.id, SAMPLE_BODY, KREMLIN), verdict: "confirmed", submit: true },
  });
  const approved = await approveClaim({ actor: reviewer, id: claim.id });
  return { editor, reviewer, article, claim: approved };
}

const exportOf = (token: string, id: number, query: string) =>
  call(exportArticle, { path: `/api/v1/articles/${id}/export?${query}`, token, params: { id: String(id) } });

describe("an API export marked as publication", () => {
  it("publishes a version once, answers with its file, and lists and serves it unchanged", async () => {
    const { editor, reviewer, article } = await verified();
    const refused = await exportOf(editor.token, article.id, "format=md&publish=true");
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: "forbidden", reason: "publish_forbidden" });
    const options = await exportOf(reviewer.token, article.id, "format=csv&separator=semicolon&publish=true");
    expect(options.status).toBe(400);

    const published = await exportOf(reviewer.token, article.id, "format=json&publish=true");
    expect(published.status).toBe(200);
    expect(published.headers.get("x-summary-version")).toBe("1");
    const hash = createHash("sha256").update(published.bytes).digest("hex");
    expect(published.headers.get("x-content-hash")).toBe(hash);
    expect(published.headers.get("content-disposition")).toMatch(/-summary-v1\.json"$/);
    // Repeated with nothing changed: the same version.
    const again = await exportOf(reviewer.token, article.id, "format=md&publish=true");
    expect(again.headers.get("x-summary-version")).toBe("1");

    const list = await call(listVersions, {
      path: `/api/v1/articles/${article.id}/versions`,
      token: editor.token,
      params: { id: String(article.id) },
    });
    expect(list.json).toMatchObject({
      items: [{ number: 1, channel: "api", contentHash: hash, publishedBy: { name: "Ben Okafor" } }],
    });
    const file = await call(versionFile, {
      path: `/api/v1/articles/${article.id}/versions/1?format=json`,
      token: editor.token,
      params: { id: String(article.id), number: "1" },
    });
    expect(file.text).toBe(published.text);
    expect(file.headers.get("etag")).toBe(`"${hash}"`);
    const missing = await call(versionFile, {
      path: `/api/v1/articles/${article.id}/versions/2`,
      token: editor.token,
      params: { id: String(article.id), number: "2" },
    });
    expect(missing.status).toBe(404);
  });

  it("refuses a PATCH of a published claim without a correction note, and takes one", async () => {
    const { editor, reviewer, article, claim } = await verified();
    await exportOf(reviewer.token, article.id, "format=md&publish=true");
    const patch = (body: Record<string, unknown>) =>
      call(patchClaim, {
        method: "PATCH",
        path: `/api/v1/claims/${claim.id}`,
        token: editor.token,
        params: { id: String(claim.id) },
        body: { version: claim.version, statement: "Le Kremlin dit avoir pris 12 villages.", ...body },
      });
    const refused = await patch({});
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ reason: "correction_note_required" });
    const fr = await call(patchClaim, {
      method: "PATCH",
      path: `/api/v1/claims/${claim.id}`,
      token: editor.token,
      params: { id: String(claim.id) },
      headers: { "accept-language": "fr" },
      body: { version: claim.version, statement: "Autre." },
    });
    expect((fr.json as { detail: string }).detail).toMatch(/note de correction/);
    const ok = await patch({ correctionNote: "Le Kremlin « dit », il n'affirme pas." });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ stage: "draft" });
  });
});
