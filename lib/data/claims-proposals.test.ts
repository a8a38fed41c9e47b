// Issue 13, items 9, 10 and 12: a suggested verdict is a proposal, a reviewer's rewrite of an
// editor's verdict is an override on the record, and "Submit all rated claims" is one transaction.
import { describe, expect, it } from "vitest";
import {
  createClaim,
  getClaimById,
  getClaimHistory,
  listClaimsForArticle,
  submitClaim,
  submitRatedClaims,
  updateClaim,
} from "./claims";
import { claimInput, makeArticle, makeUser, refusal, SAMPLE_BODY } from "@/test/data-helpers";

const Q1 = "Le Kremlin affirme que ses forces ont pris 12 villages.";
const Q2 = "Kyiv n'a pas commenté ces affirmations.";

async function setup() {
  const editor = await makeUser("editor", "Ana Martin");
  const reviewer = await makeUser("reviewer", "Ben");
  const article = await makeArticle(editor);
  return { editor, reviewer, article };
}

describe("an accepted suggestion", () => {
  it("is created unrated with the suggested verdict as a proposal, and nobody as its rater", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q2, {
        suggestion: { verdict: "uncommented", silentParty: "Kyiv" },
      }),
    });
    expect(claim.verdict).toBe("unrated");
    expect(claim.ratedBy).toBeNull();
    expect(claim.ratedAt).toBeNull();
    expect(claim.suggestedVerdict).toBe("uncommented");
    expect(claim.suggestedSilentParty).toBe("Kyiv");
    const [created] = await getClaimHistory({ claimId: claim.id });
    expect(created).toMatchObject({
      type: "created",
      after: { origin: "suggestion", suggestedVerdict: "uncommented", verdict: "unrated" },
    });
    // It cannot go to review on the proposal alone.
    expect((await refusal(submitClaim({ actor: editor, id: claim.id }))).code).toBe("needs_verdict");
  });

  it("records the rater only when a person picks the verdict", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q1, {
        suggestion: { verdict: "disputed", silentParty: "" },
      }),
    });
    const rated = await updateClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, Q1),
        id: claim.id,
        version: claim.version,
        verdict: "disputed",
      },
    });
    expect(rated.verdict).toBe("disputed");
    expect(rated.ratedBy?.name).toBe("Ana Martin");
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.map((h) => h.type)).toEqual(["created", "rated"]);
  });

  it("is an ordinary created event when the claim was written by hand", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, Q1) });
    expect(claim.suggestedVerdict).toBeNull();
    const [created] = await getClaimHistory({ claimId: claim.id });
    expect(created?.after).not.toHaveProperty("origin");
  });
});

describe("a reviewer changing an editor's verdict", () => {
  it("is recorded as an override naming whose verdict it was", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q1, { verdict: "confirmed", submit: true }),
    });
    expect(claim.stage).toBe("in_review");
    await updateClaim({
      actor: reviewer,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, Q1),
        id: claim.id,
        version: claim.version,
        verdict: "disputed",
        verdictNote: "The ministry says 10.",
      },
    });
    const last = (await getClaimHistory({ claimId: claim.id })).at(-1);
    expect(last).toMatchObject({
      type: "rated",
      actor: { id: reviewer.id },
      before: { verdict: "confirmed" },
      after: { verdict: "disputed", override: { id: editor.id, name: "Ana Martin", stage: "in_review" } },
    });
  });

  it("is not an override when the rater changes their own verdict or nobody had rated", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q1, { verdict: "confirmed" }),
    });
    await updateClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, Q1),
        id: claim.id,
        version: claim.version,
        verdict: "disputed",
      },
    });
    const last = (await getClaimHistory({ claimId: claim.id })).at(-1);
    expect(last?.after).not.toHaveProperty("override");
  });
});

describe("submitRatedClaims", () => {
  it("submits every rated draft it is given in one go", async () => {
    const { editor, article } = await setup();
    const a = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q1, { verdict: "confirmed" }),
    });
    const b = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q2, {
        verdict: "uncommented",
        silentParty: "Kyiv",
        rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
      }),
    });
    const submitted = await submitRatedClaims({
      actor: editor,
      input: { articleId: article.id, claims: [a, b].map((c) => ({ id: c.id, version: c.version })) },
    });
    expect(submitted.map((c) => c.stage)).toEqual(["in_review", "in_review"]);
    const history = await getClaimHistory({ claimId: b.id });
    expect(history.at(-1)?.type).toBe("submitted");
  });

  it("submits none when one of them moved meanwhile or is not ready", async () => {
    const { editor, article } = await setup();
    const a = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, Q1, { verdict: "confirmed" }),
    });
    const b = await createClaim({ actor: editor, input: claimInput(article.id, SAMPLE_BODY, Q2) });
    const unready = await refusal(
      submitRatedClaims({
        actor: editor,
        input: { articleId: article.id, claims: [a, b].map((c) => ({ id: c.id, version: c.version })) },
      }),
    );
    expect(unready.code).toBe("needs_verdict");
    expect((await getClaimById({ id: a.id }))?.stage).toBe("draft");

    const stale = await refusal(
      submitRatedClaims({
        actor: editor,
        input: { articleId: article.id, claims: [{ id: a.id, version: 99 }] },
      }),
    );
    expect(stale.code).toBe("conflict");
    expect((await listClaimsForArticle({ articleId: article.id })).map((c) => c.stage)).toEqual([
      "draft",
      "draft",
    ]);
  });

  it("refuses a claim of another article", async () => {
    const { editor, article } = await setup();
    const other = await makeArticle(editor);
    const a = await createClaim({
      actor: editor,
      input: claimInput(other.id, SAMPLE_BODY, Q1, { verdict: "confirmed" }),
    });
    const error = await refusal(
      submitRatedClaims({
        actor: editor,
        input: { articleId: article.id, claims: [{ id: a.id, version: a.version }] },
      }),
    );
    expect(error.code).toBe("not_found");
    expect((await getClaimById({ id: a.id }))?.stage).toBe("draft");
  });
});
