import { describe, expect, it } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { createClaim, getClaimById } from "@/lib/data/claims";
import { claimInput, makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import { GET as listRevisions, POST as postRevision } from "./articles/[id]/revisions/route";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";

describe("/api/v1/articles/{id}/revisions", () => {
  it("posts a revision, re-anchors the claims, says when nothing changed, and lists them", async () => {
    const editor = await makeTokenUser("editor");
    const article = await makeArticle(editor);
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    const params = { id: String(article.id) };
    const path = `/articles/${article.id}/revisions`;
    const body = SAMPLE_BODY.replace("12 villages", "14 villages");
    const added = await call(postRevision, {
      method: "POST",
      path,
      params,
      token: editor.token,
      body: { body },
    });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({
      added: true,
      revision: 2,
      anchors: { exact: 0, changed: 1, ambiguous: 0, orphaned: 0 },
    });
    expect((await getClaimById({ id: claim.id }))?.anchorState).toBe("changed");
    const same = await call(postRevision, {
      method: "POST",
      path,
      params,
      token: editor.token,
      body: { body },
    });
    expect(same.status).toBe(200);
    expect(same.json).toEqual({ added: false, revision: 2, anchors: null });
    const list = await call(listRevisions, { path, params, token: editor.token });
    expect(list.status).toBe(200);
    expect(
      (list.json as { items: { number: number; source: string }[] }).items.map((r) => [r.number, r.source]),
    ).toEqual([
      [2, "paste"],
      [1, "creation"],
    ]);
  });

  it("is a clear 4xx for an unknown article, a stale version and an empty body", async () => {
    const editor = await makeTokenUser("editor");
    const article = await makeArticle(editor);
    const path = `/articles/${article.id}/revisions`;
    const missing = await call(listRevisions, {
      path: "/articles/999999/revisions",
      params: { id: "999999" },
      token: editor.token,
    });
    expect(missing.status).toBe(404);
    const stale = await call(postRevision, {
      method: "POST",
      path,
      params: { id: String(article.id) },
      token: editor.token,
      body: { body: "Autre texte.", version: 99 },
    });
    expect(stale.status).toBe(409);
    const empty = await call(postRevision, {
      method: "POST",
      path,
      params: { id: String(article.id) },
      token: editor.token,
      body: { body: "   " },
    });
    expect(empty.status).toBe(400);
  });
});
