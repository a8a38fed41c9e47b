import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimEvents, claims } from "@/lib/data/tables";
import { call, makeTokenUser } from "@/test/api-helpers";
import { createClaim, getClaimById } from "@/lib/data/claims";
import { getDb } from "@/lib/data/connection";
import { makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import {
  apiClaimDetailSchema,
  apiClaimSchema,
  apiProblemSchema,
  apiQueuePageSchema,
} from "@/lib/validation/api";
import { POST as postClaim } from "./articles/[id]/claims/route";
import { POST as approve } from "./claims/[id]/approve/route";
import { POST as returnClaim } from "./claims/[id]/return/route";
import { DELETE as deleteClaim, GET as getClaim, PATCH as patchClaim } from "./claims/[id]/route";
import { POST as submit } from "./claims/[id]/submit/route";
import { GET as getQueue } from "./queue/route";

const KREMLIN = "Le Kremlin affirme que ses forces ont pris 12 villages.";
const KYIV = "Kyiv n'a pas commenté ces affirmations.";

type Person = Awaited<ReturnType<typeof makeTokenUser>>;

let people: Promise<{ editor: Person; reviewer: Person; admin: Person }> | undefined;

/** The same three accounts for the whole file (hashing passwords is slow), a fresh article each time. */
async function desk() {
  people ??= (async () => ({
    editor: await makeTokenUser("editor", "Ana"),
    reviewer: await makeTokenUser("reviewer", "Ben"),
    admin: await makeTokenUser("admin", "Chloé"),
  }))();
  const accounts = await people;
  return { ...accounts, article: await makeArticle(accounts.editor) };
}

async function addClaim(who: Person, articleId: number, body: Record<string, unknown>) {
  return call(postClaim, {
    method: "POST",
    path: `/articles/${articleId}/claims`,
    token: who.token,
    params: { id: String(articleId) },
    body,
  });
}

/** A claim rated by `who` and sent to the queue. */
async function queuedClaim(who: Person, articleId: number) {
  const res = await addClaim(who, articleId, {
    quote: KREMLIN,
    statement: "12 villages",
    verdict: "disputed",
    submit: true,
  });
  expect(res.status).toBe(201);
  return apiClaimSchema.parse(res.json);
}

function onClaim(id: number) {
  return { params: { id: String(id) }, path: `/claims/${id}` };
}

/** The claim row and its event count: a refused call must leave both as they were. */
async function stateOf(id: number) {
  const db = getDb();
  return {
    row: (await db.select().from(claims).where(eq(claims.id, id)).limit(1))[0],
    events: (await db.select().from(claimEvents).where(eq(claimEvents.claimId, id))).length,
  };
}

describe("POST /api/v1/articles/{id}/claims", () => {
  it("anchors a quote sent without offsets where it occurs, and names the claim in Location", async () => {
    const { editor, article } = await desk();
    const res = await addClaim(editor, article.id, { quote: KYIV, statement: "Kyiv did not comment." });
    expect(res.status).toBe(201);
    const claim = apiClaimSchema.parse(res.json);
    expect(res.headers.get("location")).toBe(`/api/v1/claims/${claim.id}`);
    expect(claim).toMatchObject({
      start: SAMPLE_BODY.indexOf(KYIV),
      end: SAMPLE_BODY.indexOf(KYIV) + KYIV.length,
      verdict: "unrated",
      stage: "draft",
      speaker: null,
      createdBy: { id: editor.id, name: "Ana" },
    });
  });

  it("takes explicit offsets, a verdict, sources, and sends the claim to the queue", async () => {
    const { editor, article } = await desk();
    const start = SAMPLE_BODY.indexOf(KREMLIN);
    const res = await addClaim(editor, article.id, {
      start,
      end: start + KREMLIN.length,
      quote: KREMLIN,
      statement: "Russia says it took 12 villages.",
      speaker: "le Kremlin",
      verdict: "disputed",
      verdictNote: "No independent confirmation.",
      sources: [{ url: "https://example.org/isw", title: "ISW" }],
      submit: true,
    });
    expect(res.status).toBe(201);
    expect(apiClaimSchema.parse(res.json)).toMatchObject({
      stage: "in_review",
      speaker: "le Kremlin",
      ratedBy: { id: editor.id },
      sources: [{ url: "https://example.org/isw", title: "ISW" }],
    });
  });

  it("accepts a quote sent in decomposed Unicode (NFD), with or without offsets, and stores it as the body (NFC)", async () => {
    const { editor, article } = await desk();
    const decomposed = KYIV.normalize("NFD");
    expect(decomposed).not.toBe(KYIV);
    const anchored = await addClaim(editor, article.id, {
      quote: decomposed,
      statement: "Kyiv did not comment.",
    });
    expect(anchored.status).toBe(201);
    expect(apiClaimSchema.parse(anchored.json)).toMatchObject({
      quote: KYIV,
      start: SAMPLE_BODY.indexOf(KYIV),
      end: SAMPLE_BODY.indexOf(KYIV) + KYIV.length,
    });
    const start = SAMPLE_BODY.indexOf(KYIV);
    const withOffsets = await addClaim(editor, article.id, {
      start,
      end: start + KYIV.length,
      quote: decomposed,
      statement: "Kyiv n’a pas commenté.".normalize("NFD"),
    });
    expect(withOffsets.status).toBe(201);
    expect(apiClaimSchema.parse(withOffsets.json)).toMatchObject({
      quote: KYIV,
      statement: "Kyiv n’a pas commenté.",
    });
  });

  it("refuses a NUL character in any text field with a field error, and saves nothing", async () => {
    const { editor, article } = await desk();
    const res = await addClaim(editor, article.id, {
      quote: KYIV,
      statement: "Kyiv\u0000 did not comment.",
      speaker: "\u0000",
      verdictNote: "note\u0000",
    });
    expect(res.status).toBe(400);
    const detail =
      "This text contains a null character (U+0000), which cannot be stored. Remove it, or paste the text again from its source.";
    expect(apiProblemSchema.parse(res.json).errors).toEqual(
      expect.arrayContaining([
        { field: "statement", code: "nulCharacter", detail },
        { field: "speaker", code: "nulCharacter", detail },
        { field: "verdictNote", code: "nulCharacter", detail },
      ]),
    );
    expect(await getDb().select().from(claims).where(eq(claims.articleId, article.id))).toEqual([]);
  });

  it("refuses a quote that is not in the text, a span that does not match it, and an unknown article", async () => {
    const { editor, article } = await desk();
    const missing = await addClaim(editor, article.id, { quote: "Paris brûle-t-il ?", statement: "x" });
    expect(missing.status).toBe(400);
    expect(apiProblemSchema.parse(missing.json).errors).toEqual([
      { field: "quote", code: "spanMismatch", detail: "The quote no longer matches the article text." },
    ]);
    const wrongSpan = await addClaim(editor, article.id, { start: 0, end: 5, quote: KYIV, statement: "x" });
    expect(wrongSpan.status).toBe(400);
    const unknown = await addClaim(editor, 999_999, { quote: KYIV, statement: "x" });
    expect(unknown.status).toBe(404);
  });

  it("refuses to queue a claim without a verdict, or an uncommented one without the silent party", async () => {
    const { editor, article } = await desk();
    const unrated = await addClaim(editor, article.id, { quote: KYIV, statement: "x", submit: true });
    expect(unrated.status).toBe(400);
    expect(apiProblemSchema.parse(unrated.json).code).toBe("needs_verdict");
    const silent = await addClaim(editor, article.id, {
      quote: KYIV,
      statement: "x",
      verdict: "uncommented",
    });
    expect(silent.status).toBe(400);
    expect(apiProblemSchema.parse(silent.json).errors?.[0]).toMatchObject({
      field: "silentParty",
      code: "silentPartyRequired",
    });
    expect(await getDb().select().from(claims).where(eq(claims.articleId, article.id))).toEqual([]);
  });
});

describe("GET /api/v1/claims/{id}", () => {
  it("returns the claim with its sources and its history", async () => {
    const { editor, reviewer, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      path: `/claims/${claim.id}/approve`,
      body: { version: claim.version },
    });
    const res = await call(getClaim, { token: editor.token, ...onClaim(claim.id) });
    expect(res.status).toBe(200);
    const detail = apiClaimDetailSchema.parse(res.json);
    expect(detail.stage).toBe("approved");
    expect(detail.approvedBy).toEqual({ id: reviewer.id, name: "Ben" });
    expect(detail.history.map((h) => h.type)).toEqual(["created", "submitted", "approved"]);
    expect(detail.history[2]?.actor).toEqual({ id: reviewer.id, name: "Ben" });
  });

  it("answers 404 for an unknown claim", async () => {
    const { editor } = await desk();
    const res = await call(getClaim, { token: editor.token, ...onClaim(987_654) });
    expect(res.status).toBe(404);
  });
});

describe("PATCH /api/v1/claims/{id}", () => {
  it("changes only the fields sent and bumps the version", async () => {
    const { editor, article } = await desk();
    const created = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "Kyiv silent", speaker: "AFP" })).json,
    );
    const res = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(created.id),
      body: { version: created.version, verdict: "uncommented", silentParty: "Kyiv" },
    });
    expect(res.status).toBe(200);
    const claim = apiClaimSchema.parse(res.json);
    expect(claim).toMatchObject({
      statement: "Kyiv silent",
      speaker: "AFP",
      verdict: "uncommented",
      silentParty: "Kyiv",
      version: created.version + 1,
      ratedBy: { id: editor.id },
    });
  });

  it("re-anchors a new quote sent without offsets", async () => {
    const { editor, article } = await desk();
    const created = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "x" })).json,
    );
    const res = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(created.id),
      body: { version: created.version, quote: KREMLIN },
    });
    expect(res.status).toBe(200);
    expect(apiClaimSchema.parse(res.json)).toMatchObject({ quote: KREMLIN, start: 0, end: KREMLIN.length });
  });

  it("answers 409 with the current claim to a stale version, and saves nothing", async () => {
    const { editor, reviewer, article } = await desk();
    const created = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "first" })).json,
    );
    const first = await call(patchClaim, {
      method: "PATCH",
      token: reviewer.token,
      ...onClaim(created.id),
      body: { version: created.version, statement: "Ben's wording" },
    });
    expect(first.status).toBe(200);
    const before = await stateOf(created.id);
    const stale = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(created.id),
      body: { version: created.version, statement: "Ana's wording", quote: KREMLIN },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    const problem = apiProblemSchema.parse(stale.json);
    expect(problem).toMatchObject({ status: 409, code: "conflict", by: "Ben" });
    expect(problem.detail).toMatch(/Changed by Ben/);
    expect(problem.current).toMatchObject({
      id: created.id,
      statement: "Ben's wording",
      version: created.version + 1,
    });
    expect(await stateOf(created.id)).toEqual(before);
  });

  it("sends an approved claim back to draft when its verdict changes", async () => {
    const { editor, reviewer, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const approved = apiClaimSchema.parse(
      (
        await call(approve, {
          method: "POST",
          token: reviewer.token,
          ...onClaim(claim.id),
          body: { version: claim.version },
        })
      ).json,
    );
    const res = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(claim.id),
      body: { version: approved.version, verdict: "confirmed" },
    });
    expect(apiClaimSchema.parse(res.json)).toMatchObject({ stage: "draft", approvedBy: null });
  });

  it("answers 400 without a version", async () => {
    const { editor, article } = await desk();
    const created = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "x" })).json,
    );
    const res = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(created.id),
      body: { statement: "y" },
    });
    expect(res.status).toBe(400);
    expect(apiProblemSchema.parse(res.json).errors?.map((e) => e.field)).toEqual(["version"]);
  });
});

describe("DELETE /api/v1/claims/{id}", () => {
  it("deletes with the version in the query or in the body, and keeps the history", async () => {
    const { editor, article } = await desk();
    const a = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "a" })).json,
    );
    const b = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KREMLIN, statement: "b" })).json,
    );
    const byQuery = await call(deleteClaim, {
      method: "DELETE",
      token: editor.token,
      params: { id: String(a.id) },
      path: `/claims/${a.id}?version=${a.version}`,
    });
    expect(byQuery.status).toBe(204);
    expect(byQuery.text).toBe("");
    const byBody = await call(deleteClaim, {
      method: "DELETE",
      token: editor.token,
      ...onClaim(b.id),
      body: { version: b.version },
    });
    expect(byBody.status).toBe(204);
    expect(await getClaimById({ id: a.id })).toBeUndefined();
    const history = await getDb().select().from(claimEvents).where(eq(claimEvents.claimId, a.id));
    expect(history.map((e) => e.type)).toEqual(["created", "deleted"]);
  });

  it("answers 400 without a version and 409 with a stale one", async () => {
    const { editor, article } = await desk();
    const a = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "a" })).json,
    );
    const none = await call(deleteClaim, { method: "DELETE", token: editor.token, ...onClaim(a.id) });
    expect(none.status).toBe(400);
    expect(apiProblemSchema.parse(none.json).errors?.[0]?.field).toBe("version");
    const stale = await call(deleteClaim, {
      method: "DELETE",
      token: editor.token,
      params: { id: String(a.id) },
      path: `/claims/${a.id}?version=${a.version + 5}`,
    });
    expect(stale.status).toBe(409);
    expect(await getClaimById({ id: a.id })).toBeDefined();
  });

  it("lets only a reviewer or an admin delete an approved claim", async () => {
    const { editor, reviewer, admin, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const approved = apiClaimSchema.parse(
      (
        await call(approve, {
          method: "POST",
          token: reviewer.token,
          ...onClaim(claim.id),
          body: { version: claim.version },
        })
      ).json,
    );
    const before = await stateOf(claim.id);
    const refused = await call(deleteClaim, {
      method: "DELETE",
      token: editor.token,
      ...onClaim(claim.id),
      body: { version: approved.version },
    });
    expect(refused.status).toBe(403);
    expect(await stateOf(claim.id)).toEqual(before);
    const allowed = await call(deleteClaim, {
      method: "DELETE",
      token: admin.token,
      ...onClaim(claim.id),
      body: { version: approved.version },
    });
    expect(allowed.status).toBe(204);
  });
});

describe("review over the API", () => {
  it("submits a rated draft, refusing a stale version and a second submit", async () => {
    const { editor, article } = await desk();
    const draft = apiClaimSchema.parse(
      (await addClaim(editor, article.id, { quote: KYIV, statement: "x", verdict: "confirmed" })).json,
    );
    const stale = await call(submit, {
      method: "POST",
      token: editor.token,
      ...onClaim(draft.id),
      body: { version: 99 },
    });
    expect(stale.status).toBe(409);
    const ok = await call(submit, { method: "POST", token: editor.token, ...onClaim(draft.id) });
    expect(ok.status).toBe(200);
    expect(apiClaimSchema.parse(ok.json)).toMatchObject({
      stage: "in_review",
      submittedBy: { id: editor.id },
    });
    const again = await call(submit, { method: "POST", token: editor.token, ...onClaim(draft.id) });
    expect(again.status).toBe(409);
    expect(apiProblemSchema.parse(again.json).code).toBe("wrong_stage");
  });

  it("refuses an editor's approval with 403 and changes nothing", async () => {
    const { editor, article } = await desk();
    const other = await makeTokenUser("editor");
    const claim = await queuedClaim(editor, article.id);
    const before = await stateOf(claim.id);
    const res = await call(approve, {
      method: "POST",
      token: other.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(res.status).toBe(403);
    expect(apiProblemSchema.parse(res.json)).toMatchObject({ code: "forbidden", status: 403 });
    expect(await stateOf(claim.id)).toEqual(before);
  });

  it("refuses with 403 (four eyes) a reviewer approving their own verdict", async () => {
    const { reviewer, article } = await desk();
    const claim = await queuedClaim(reviewer, article.id);
    const before = await stateOf(claim.id);
    const res = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(res.status).toBe(403);
    expect(apiProblemSchema.parse(res.json)).toMatchObject({
      code: "four_eyes",
      title: "Four eyes: someone else must approve",
    });
    expect(await stateOf(claim.id)).toEqual(before);
  });

  it("approves once; a second approval gets 409 naming who approved", async () => {
    const { editor, reviewer, admin, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const ok = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(ok.status).toBe(200);
    expect(apiClaimSchema.parse(ok.json)).toMatchObject({
      stage: "approved",
      approvedBy: { id: reviewer.id },
    });
    const late = await call(approve, {
      method: "POST",
      token: admin.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(late.status).toBe(409);
    expect(apiProblemSchema.parse(late.json)).toMatchObject({ code: "wrong_stage", by: "Ben" });
  });

  it("refuses an approval without a version (400) or with a stale one (409 with the claim as it is now)", async () => {
    const { editor, reviewer, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const before = await stateOf(claim.id);
    const none = await call(approve, { method: "POST", token: reviewer.token, ...onClaim(claim.id) });
    expect(none.status).toBe(400);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    const noVersion = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      body: {},
    });
    expect(noVersion.status).toBe(400);
    expect(apiProblemSchema.parse(noVersion.json).errors?.map((e) => e.field)).toEqual(["version"]);
    expect(await stateOf(claim.id)).toEqual(before);

    // The editor rewords the claim after the reviewer read it: the reviewer's approval is of other words.
    const reworded = await call(patchClaim, {
      method: "PATCH",
      token: editor.token,
      ...onClaim(claim.id),
      body: { version: claim.version, statement: "Reworded after the reviewer read it" },
    });
    expect(reworded.status).toBe(200);
    const afterEdit = await stateOf(claim.id);
    const stale = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(stale.status).toBe(409);
    const problem = apiProblemSchema.parse(stale.json);
    expect(problem.code).toBe("conflict");
    expect(problem.current).toMatchObject({
      id: claim.id,
      statement: "Reworded after the reviewer read it",
      version: claim.version + 1,
    });
    expect(await stateOf(claim.id)).toEqual(afterEdit);
    expect(problem.reason).toBe("changed");
    expect(problem.detail).toMatch(/^Changed by Ana at .* meanwhile\. Nothing was saved\.$/);

    // The detail speaks the caller's language; the code, reason and claim stay the same.
    const french = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      headers: { "accept-language": "fr-CH, fr;q=0.9, en;q=0.8" },
      body: { version: claim.version },
    });
    expect(french.headers.get("content-language")).toBe("fr");
    expect(apiProblemSchema.parse(french.json)).toMatchObject({
      code: "conflict",
      reason: "changed",
      detail: expect.stringMatching(/^Modifiée par Ana à .* entre-temps\. Rien n’a été enregistré\.$/),
    });
  });

  it("refuses a return with a stale version: it cannot undo an approval made meanwhile", async () => {
    const { editor, reviewer, admin, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const path = `/claims/${claim.id}/return`;
    const params = { id: String(claim.id) };
    const none = await call(returnClaim, {
      method: "POST",
      token: admin.token,
      path,
      params,
      body: { note: "Source?" },
    });
    expect(none.status).toBe(400);
    expect(apiProblemSchema.parse(none.json).errors?.map((e) => e.field)).toEqual(["version"]);
    const approved = await call(approve, {
      method: "POST",
      token: reviewer.token,
      ...onClaim(claim.id),
      body: { version: claim.version },
    });
    expect(approved.status).toBe(200);
    const before = await stateOf(claim.id);
    const late = await call(returnClaim, {
      method: "POST",
      token: admin.token,
      path,
      params,
      body: { note: "Source?", version: claim.version },
    });
    expect(late.status).toBe(409);
    expect(apiProblemSchema.parse(late.json)).toMatchObject({
      by: "Ben",
      current: { id: claim.id, stage: "approved", approvedBy: { id: reviewer.id } },
    });
    expect(await stateOf(claim.id)).toEqual(before);
  });

  it("returns a claim with a note, and refuses a blank note and an editor", async () => {
    const { editor, reviewer, article } = await desk();
    const claim = await queuedClaim(editor, article.id);
    const path = `/claims/${claim.id}/return`;
    const params = { id: String(claim.id) };
    const blank = await call(returnClaim, {
      method: "POST",
      token: reviewer.token,
      path,
      params,
      body: { note: "  ", version: claim.version },
    });
    expect(blank.status).toBe(400);
    expect(apiProblemSchema.parse(blank.json).errors?.[0]).toMatchObject({
      field: "note",
      code: "noteRequired",
    });
    const byEditor = await call(returnClaim, {
      method: "POST",
      token: editor.token,
      path,
      params,
      body: { note: "no", version: claim.version },
    });
    expect(byEditor.status).toBe(403);
    const ok = await call(returnClaim, {
      method: "POST",
      token: reviewer.token,
      path,
      params,
      body: { note: "Source?", version: claim.version },
    });
    expect(ok.status).toBe(200);
    expect(apiClaimSchema.parse(ok.json)).toMatchObject({
      stage: "draft",
      returnNote: "Source?",
      returnedBy: { id: reviewer.id },
    });
  });

  it("lists the queue longest waiting first, a page at a time", async () => {
    const { editor, reviewer, article } = await desk();
    const first = await queuedClaim(editor, article.id);
    const second = await createClaim({
      actor: editor,
      input: {
        articleId: article.id,
        start: SAMPLE_BODY.indexOf(KYIV),
        end: SAMPLE_BODY.indexOf(KYIV) + KYIV.length,
        quote: KYIV,
        statement: "y",
        speaker: "",
        verdict: "uncommented",
        verdictNote: "",
        silentParty: "Kyiv",
        sources: [],
        rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
        submit: true,
      },
    });
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(getQueue, {
        path: `/queue?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        token: reviewer.token,
      });
      expect(res.status).toBe(200);
      const page = apiQueuePageSchema.parse(res.json);
      ids.push(...page.items.map((c) => c.id));
      if (page.items[0])
        expect(page.items[0].article).toEqual({ id: page.items[0].articleId, title: "Test article" });
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).toContain(second.id);
  });
});
