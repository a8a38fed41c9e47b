import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getArticleById, updateArticle } from "./articles";
import {
  approveClaim,
  createClaim,
  deleteClaim,
  getClaimById,
  getClaimHistory,
  listClaimsForArticle,
  returnClaim,
  submitClaim,
  updateClaim,
} from "./claims";
import { claimInput, makeArticle, makeUser, rawSql, refusal, SAMPLE_BODY } from "@/test/data-helpers";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";

async function setup() {
  const editor = await makeUser("editor", "Ana");
  const reviewer = await makeUser("reviewer", "Ben");
  const article = await makeArticle(editor);
  return { editor, reviewer, article };
}

describe("claims data layer", () => {
  it("creates a claim anchored to its span with a created event", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, QUOTE, {
        speaker: "le Kremlin",
        sources: [{ url: "https://example.org/a", title: "Source A" }],
      }),
    });
    expect(claim.quote).toBe(QUOTE);
    expect(claim.stage).toBe("draft");
    expect(claim.sources).toEqual([
      expect.objectContaining({ kind: "web", url: "https://example.org/a", title: "Source A", file: null }),
    ]);
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.map((h) => h.type)).toEqual(["created"]);
    expect(history[0]?.actor.name).toBe("Ana");
    expect(history[0]?.after).toMatchObject({ speaker: "le Kremlin", quote: QUOTE });
  });

  it("refuses a span that does not match the body and writes nothing", async () => {
    const { editor, article } = await setup();
    const input = { ...claimInput(article.id, SAMPLE_BODY, QUOTE), start: 1 };
    const error = await refusal(createClaim({ actor: editor, input }));
    expect(error.code).toBe("invalid_input");
    expect(await listClaimsForArticle({ articleId: article.id })).toEqual([]);
  });

  it("records before and after when a verdict is set, and the rater", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    const updated = await updateClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, QUOTE),
        id: claim.id,
        version: claim.version,
        verdict: "uncommented",
        silentParty: "Kyiv",
      },
    });
    expect(updated.version).toBe(claim.version + 1);
    expect(updated.ratedBy?.name).toBe("Ana");
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.at(-1)).toMatchObject({
      type: "rated",
      before: { verdict: "unrated", silentParty: null },
      after: { verdict: "uncommented", silentParty: "Kyiv" },
    });
  });

  it("refuses a stale version with who changed it and keeps their change", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    const base = { ...claimInput(article.id, SAMPLE_BODY, QUOTE), id: claim.id, version: claim.version };
    await updateClaim({ actor: reviewer, input: { ...base, statement: "Ben's wording" } });
    const error = await refusal(
      updateClaim({ actor: editor, input: { ...base, statement: "Ana's wording" } }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("Ben");
    expect((await getClaimById({ id: claim.id }))?.statement).toBe("Ben's wording");
  });

  it("sends an approved claim back to draft when its wording changes", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, QUOTE, { verdict: "confirmed", submit: true }),
    });
    expect(claim.stage).toBe("in_review");
    const approved = await approveClaim({ actor: reviewer, id: claim.id });
    expect(approved.stage).toBe("approved");
    const edited = await updateClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, QUOTE, { verdict: "confirmed" }),
        id: claim.id,
        version: approved.version,
        statement: "New",
      },
    });
    expect(edited.stage).toBe("draft");
    expect(edited.approvedBy).toBeNull();
  });

  it("refuses approval by the person who set the verdict", async () => {
    const { editor, article } = await setup();
    const rater = await makeUser("reviewer", "Rae");
    const claim = await createClaim({
      actor: rater,
      input: claimInput(article.id, SAMPLE_BODY, QUOTE, { verdict: "disputed", submit: true }),
    });
    const error = await refusal(approveClaim({ actor: rater, id: claim.id }));
    expect(error.code).toBe("four_eyes");
    expect(error.status).toBe(403);
    expect((await getClaimById({ id: claim.id }))?.stage).toBe("in_review");
    expect(editor.id).not.toBe(rater.id);
  });

  it("returns a claim with a note and lets the editor resubmit", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, QUOTE, { verdict: "confirmed", submit: true }),
    });
    const returned = await returnClaim({ actor: reviewer, input: { id: claim.id, note: "Add the source" } });
    expect(returned).toMatchObject({ stage: "draft", returnNote: "Add the source" });
    const resubmitted = await submitClaim({ actor: editor, id: claim.id });
    expect(resubmitted.stage).toBe("in_review");
    const types = (await getClaimHistory({ claimId: claim.id })).map((h) => h.type);
    expect(types).toEqual(["created", "submitted", "returned", "submitted"]);
  });

  it("keeps the history of a deleted claim", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    await deleteClaim({ actor: editor, id: claim.id, version: claim.version });
    expect(await getClaimById({ id: claim.id })).toBeUndefined();
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.map((h) => h.type)).toEqual(["created", "deleted"]);
  });

  it("refuses to edit or delete events in the database itself", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    await expect(
      rawSql(sql`UPDATE claim_events SET note = 'x' WHERE claim_id = ${claim.id}`),
    ).rejects.toThrow(/append-only/);
    await expect(rawSql(sql`DELETE FROM claim_events WHERE claim_id = ${claim.id}`)).rejects.toThrow(
      /append-only/,
    );
  });

  it("makes a changed body a new revision and re-anchors the claims on it", async () => {
    const { editor, article } = await setup();
    const before = await getArticleById({ id: article.id });
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, QUOTE) });
    await updateArticle({
      actor: editor,
      input: {
        id: article.id,
        version: before!.version,
        title: "T",
        outlet: "",
        url: "",
        language: "fr",
        publishedAt: "",
        body: `Mis à jour.\n\n${SAMPLE_BODY}`,
      },
    });
    expect((await getArticleById({ id: article.id }))?.body).toBe(`Mis à jour.\n\n${SAMPLE_BODY}`);
    const moved = await getClaimById({ id: claim.id });
    expect(moved).toMatchObject({ anchorState: "exact", anchorRevision: 2, quote: QUOTE, start: 13 });
  });
});
