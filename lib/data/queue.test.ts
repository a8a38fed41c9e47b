import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REVIEW_LOCK_MS } from "@/lib/review";
import {
  approveClaim,
  createClaim,
  getClaimById,
  getClaimHistory,
  returnClaim,
  setReviewTaken,
  submitClaim,
  updateClaim,
} from "./claims";
import {
  approveEach,
  countQueue,
  countReturnedTo,
  listQueue,
  listQueueFacets,
  listReturnedTo,
  QUEUE_FACET_ARTICLES,
} from "./queue";
import { claimInput, makeArticle, makeUser, refusal } from "@/test/data-helpers";

const BODY = [
  "Le Kremlin affirme que ses forces ont pris 12 villages dans la région de Donetsk cette semaine.",
  "Kyiv n'a pas commenté ces affirmations. Selon l'état-major ukrainien, les combats continuent près de Pokrovsk.",
  "Le ministre a déclaré que l'aide arriverait « avant la fin du mois ».",
].join("\n\n");
const Q1 = "ses forces ont pris 12 villages";
const Q2 = "les combats continuent près de Pokrovsk";
const Q3 = "l'aide arriverait « avant la fin du mois »";

let people: Awaited<ReturnType<typeof makePeople>>;

async function makePeople() {
  return {
    ana: await makeUser("editor", "Ana"),
    eve: await makeUser("editor", "Eve"),
    ben: await makeUser("reviewer", "Ben"),
    rae: await makeUser("reviewer", "Rae"),
  };
}

beforeAll(async () => {
  people = await makePeople();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Runs the next data calls at a fixed clock time, so "oldest first" does not depend on timing. */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

async function queued(
  articleId: number,
  quote: string,
  actor = people.ana,
  extra: Record<string, unknown> = {},
) {
  return createClaim({
    actor,
    input: claimInput(articleId, BODY, quote, { verdict: "confirmed", submit: true, ...extra }),
  });
}

describe("review queue", () => {
  it("submits a rated draft into the queue with a submitted event", async () => {
    const article = await makeArticle(people.ana, BODY);
    const draft = await createClaim({
      actor: people.ana,
      input: claimInput(article.id, BODY, Q1, { verdict: "disputed" }),
    });
    const before = await countQueue();
    const submitted = await submitClaim({ actor: people.ana, id: draft.id, version: draft.version });
    expect(submitted).toMatchObject({ stage: "in_review", submittedBy: { name: "Ana" } });
    expect(await countQueue()).toBe(before + 1);
    const history = await getClaimHistory({ claimId: draft.id });
    expect(history.at(-1)).toMatchObject({ type: "submitted", after: { stage: "in_review" } });
  });

  it("refuses to submit an unrated claim", async () => {
    const article = await makeArticle(people.ana, BODY);
    const draft = await createClaim({ actor: people.ana, input: claimInput(article.id, BODY, Q1) });
    const error = await refusal(submitClaim({ actor: people.ana, id: draft.id }));
    expect(error.code).toBe("needs_verdict");
    expect((await getClaimById({ id: draft.id }))?.stage).toBe("draft");
  });

  it("approves a claim seen at its version, once, with one approved event", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    const approved = await approveClaim({ actor: people.ben, id: claim.id, version: claim.version });
    expect(approved).toMatchObject({ stage: "approved", approvedBy: { name: "Ben" } });
    const again = await refusal(approveClaim({ actor: people.rae, id: claim.id, version: claim.version }));
    expect(again.code).toBe("wrong_stage");
    expect(again.message).toBe("Already approved by Ben.");
    expect(again.details).toMatchObject({ decision: "approved", by: "Ben" });
    const events = (await getClaimHistory({ claimId: claim.id })).filter((e) => e.type === "approved");
    expect(events).toHaveLength(1);
  });

  it("refuses approval by whoever set the verdict, with a 403", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1, people.rae);
    const error = await refusal(approveClaim({ actor: people.rae, id: claim.id, version: claim.version }));
    expect(error.code).toBe("four_eyes");
    expect(error.status).toBe(403);
    const byEditor = await refusal(approveClaim({ actor: people.ana, id: claim.id }));
    expect(byEditor.code).toBe("forbidden");
    expect((await getClaimById({ id: claim.id }))?.stage).toBe("in_review");
  });

  it("refuses to approve a claim that changed since the reviewer saw it", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    const edited = await updateClaim({
      actor: people.eve,
      input: {
        ...claimInput(article.id, BODY, Q1, { verdict: "confirmed" }),
        id: claim.id,
        version: claim.version,
        statement: "New wording",
        submit: true,
      },
    });
    expect(edited.stage).toBe("in_review");
    const error = await refusal(approveClaim({ actor: people.ben, id: claim.id, version: claim.version }));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("Eve");
  });

  it("returns with a required note and shows the claim under Returned to me", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q2);
    const blank = await refusal(
      returnClaim({ actor: people.ben, input: { id: claim.id, version: claim.version, note: "  " } }),
    );
    expect(blank.code).toBe("invalid_input");
    expect(blank.fieldErrors?.note).toEqual(["noteRequired"]);

    const returned = await returnClaim({
      actor: people.ben,
      input: { id: claim.id, version: claim.version, note: "Which source says so?" },
    });
    expect(returned).toMatchObject({
      stage: "draft",
      returnNote: "Which source says so?",
      returnedBy: { name: "Ben" },
    });
    const mine = await listReturnedTo({ userId: people.ana.id });
    const item = mine.find((c) => c.id === claim.id);
    expect(item).toMatchObject({ returnNote: "Which source says so?", articleTitle: "Test article" });
    expect(await listReturnedTo({ userId: people.eve.id })).not.toContainEqual(
      expect.objectContaining({ id: claim.id }),
    );
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.at(-1)).toMatchObject({ type: "returned", note: "Which source says so?" });
  });

  it("resubmits a returned claim: it leaves Returned to me and joins the queue again", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q3);
    const returned = await returnClaim({
      actor: people.ben,
      input: { id: claim.id, version: claim.version, note: "Check the date" },
    });
    const before = await countReturnedTo({ userId: people.ana.id });
    const resubmitted = await submitClaim({ actor: people.ana, id: claim.id, version: returned.version });
    expect(resubmitted).toMatchObject({ stage: "in_review", returnNote: null, returnedBy: null });
    expect(await countReturnedTo({ userId: people.ana.id })).toBe(before - 1);
    const { items } = await listQueue({ filters: { articleId: article.id } });
    expect(items.map((c) => c.id)).toEqual([claim.id]);
    const types = (await getClaimHistory({ claimId: claim.id })).map((e) => e.type);
    expect(types).toEqual(["created", "submitted", "returned", "submitted"]);
  });

  it("lists a claim returned to the person who submitted it, not only who rated it", async () => {
    const article = await makeArticle(people.ana, BODY);
    const draft = await createClaim({
      actor: people.ana,
      input: claimInput(article.id, BODY, Q1, { verdict: "disputed" }),
    });
    const sent = await submitClaim({ actor: people.eve, id: draft.id });
    await returnClaim({
      actor: people.ben,
      input: { id: sent.id, version: sent.version, note: "Say who disputes it" },
    });
    const forEve = await listReturnedTo({ userId: people.eve.id });
    const forAna = await listReturnedTo({ userId: people.ana.id });
    expect(forEve.map((c) => c.id)).toContain(draft.id);
    expect(forAna.map((c) => c.id)).toContain(draft.id);
  });

  it("a return racing an approval does not undo it", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    await approveClaim({ actor: people.ben, id: claim.id, version: claim.version });
    const error = await refusal(
      returnClaim({ actor: people.rae, input: { id: claim.id, version: claim.version, note: "Too late" } }),
    );
    expect(error.message).toBe("Already approved by Ben.");
    expect((await getClaimById({ id: claim.id }))?.stage).toBe("approved");
  });

  it("an approval racing a return says who returned it", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    await returnClaim({
      actor: people.rae,
      input: { id: claim.id, version: claim.version, note: "Wrong verdict" },
    });
    const error = await refusal(approveClaim({ actor: people.ben, id: claim.id, version: claim.version }));
    expect(error.message).toBe("Already returned by Rae.");
    expect(error.details).toMatchObject({ decision: "returned", by: "Rae" });
  });

  it("lists the queue oldest submitted first", async () => {
    const article = await makeArticle(people.ana, BODY);
    at("2026-11-24T08:00:00Z");
    const first = await queued(article.id, Q1);
    at("2026-11-24T08:05:00Z");
    const second = await queued(article.id, Q2);
    at("2026-11-24T08:10:00Z");
    const third = await queued(article.id, Q3);
    at("2026-11-24T08:15:00Z");
    const back = await returnClaim({
      actor: people.ben,
      input: { id: first.id, version: first.version, note: "Fix" },
    });
    at("2026-11-24T08:20:00Z");
    await submitClaim({ actor: people.ana, id: first.id, version: back.version });
    const { items, total } = await listQueue({ filters: { articleId: article.id } });
    expect(items.map((c) => c.id)).toEqual([second.id, third.id, first.id]);
    expect(total).toBe(3);
  });

  it("shows each quote with a few words of its paragraph around it", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q2, people.ana, { speaker: "l'état-major ukrainien" });
    const { items } = await listQueue({ filters: { articleId: article.id } });
    const item = items.find((c) => c.id === claim.id)!;
    expect(item.quote).toBe(Q2);
    expect(item.context.before).toBe(
      "Kyiv n'a pas commenté ces affirmations. Selon l'état-major ukrainien, ",
    );
    expect(item.context.after).toBe(".");
    expect(item.context.clippedAfter).toBe(false);
    expect(item.articleTitle).toBe("Test article");
  });

  it("filters by article, verdict, speaker and rater", async () => {
    const a = await makeArticle(people.ana, BODY);
    const b = await makeArticle(people.ana, BODY);
    const c1 = await queued(a.id, Q1, people.ana, { verdict: "disputed", speaker: "le Kremlin" });
    const c2 = await queued(a.id, Q2, people.eve, {
      verdict: "uncommented",
      silentParty: "Kyiv",
      rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
    });
    const c3 = await queued(b.id, Q3, people.ana, { verdict: "confirmed", speaker: "le ministre" });
    const ids = async (filters: Parameters<typeof listQueue>[0]) =>
      (await listQueue(filters)).items.map((c) => c.id).filter((id) => [c1.id, c2.id, c3.id].includes(id));

    expect(await ids({ filters: { articleId: a.id } })).toEqual([c1.id, c2.id]);
    expect(await ids({ filters: { verdict: "uncommented" } })).toEqual([c2.id]);
    expect(await ids({ filters: { speaker: "le ministre" } })).toEqual([c3.id]);
    expect(await ids({ filters: { raterId: people.eve.id } })).toEqual([c2.id]);
    expect(await ids({ filters: { raterId: people.ana.id, articleId: a.id } })).toEqual([c1.id]);
    expect(await ids({ filters: { verdict: "disputed", articleId: b.id } })).toEqual([]);

    const facets = await listQueueFacets();
    expect(facets.articles.map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(facets.speakers).toEqual(expect.arrayContaining(["le Kremlin", "le ministre"]));
    expect(facets.raters.map((r) => r.name)).toEqual(expect.arrayContaining(["Ana", "Eve"]));
  });

  it("offers the articles with the most claims waiting, and the one filtered on, in the article filter", async () => {
    const busy = await makeArticle(people.ana, BODY);
    const quiet = await makeArticle(people.ana, BODY);
    for (const quote of [Q1, Q2, Q3]) await queued(busy.id, quote);
    await queued(quiet.id, Q1);
    // Fill the article filter with articles holding two claims each: the busy one (three) stays, the quiet one (one) goes.
    for (let i = 0; i < QUEUE_FACET_ARTICLES; i++) {
      const other = await makeArticle(people.ana, BODY);
      await queued(other.id, Q1);
      await queued(other.id, Q2);
    }
    const offered = (await listQueueFacets()).articles;
    expect(offered).toHaveLength(QUEUE_FACET_ARTICLES);
    expect(offered.find((a) => a.id === busy.id)?.count).toBe(3);
    expect(offered.some((a) => a.id === quiet.id)).toBe(false);
    const titles = offered.map((a) => a.title);
    expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y)));

    const filtered = (await listQueueFacets({ articleId: quiet.id })).articles;
    expect(filtered.find((a) => a.id === quiet.id)?.count).toBe(1);
  });

  it("leaves approved and draft claims out of the queue", async () => {
    const article = await makeArticle(people.ana, BODY);
    const approved = await queued(article.id, Q1);
    await approveClaim({ actor: people.ben, id: approved.id });
    await createClaim({
      actor: people.ana,
      input: claimInput(article.id, BODY, Q2, { verdict: "confirmed" }),
    });
    const waiting = await queued(article.id, Q3);
    const { items } = await listQueue({ filters: { articleId: article.id } });
    expect(items.map((c) => c.id)).toEqual([waiting.id]);
  });

  it("takes a claim for review, shows who has it, and lets it lapse", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    at("2026-11-24T14:02:00Z");
    const taken = await setReviewTaken({ actor: people.ben, id: claim.id, taken: true });
    expect(taken.reviewTakenBy?.name).toBe("Ben");
    expect(taken.version).toBe(claim.version);

    const busy = await refusal(setReviewTaken({ actor: people.rae, id: claim.id, taken: true }));
    expect(busy.code).toBe("conflict");
    expect(busy.details).toMatchObject({ decision: "taken", by: "Ben", at: "2026-11-24T14:02:00.000Z" });
    expect(await refusal(setReviewTaken({ actor: people.rae, id: claim.id, taken: false }))).toMatchObject({
      code: "conflict",
    });

    vi.setSystemTime(new Date(Date.parse("2026-11-24T14:02:00Z") + REVIEW_LOCK_MS));
    const takenOver = await setReviewTaken({ actor: people.rae, id: claim.id, taken: true });
    expect(takenOver.reviewTakenBy?.name).toBe("Rae");

    const released = await setReviewTaken({ actor: people.rae, id: claim.id, taken: false });
    expect(released.reviewTakenBy).toBeNull();
    expect((await getClaimHistory({ claimId: claim.id })).map((e) => e.type)).toEqual([
      "created",
      "submitted",
    ]);
  });

  it("clears the take when the claim is approved", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    await setReviewTaken({ actor: people.ben, id: claim.id, taken: true });
    const approved = await approveClaim({ actor: people.ben, id: claim.id, version: claim.version });
    expect(approved.reviewTakenBy).toBeNull();
  });

  it("refuses to take a claim for an editor or outside the queue", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, Q1);
    expect((await refusal(setReviewTaken({ actor: people.ana, id: claim.id, taken: true }))).code).toBe(
      "forbidden",
    );
    await approveClaim({ actor: people.ben, id: claim.id });
    expect((await refusal(setReviewTaken({ actor: people.ben, id: claim.id, taken: true }))).code).toBe(
      "wrong_stage",
    );
  });

  it("approves several claims each on its own and reports every refusal", async () => {
    const article = await makeArticle(people.ana, BODY);
    const mine = await queued(article.id, Q1);
    const bens = await queued(article.id, Q2, people.ben);
    const decided = await queued(article.id, Q3);
    await approveClaim({ actor: people.rae, id: decided.id });
    const outcomes = await approveEach({
      actor: people.ben,
      items: [mine, bens, decided].map((c) => ({ id: c.id, version: c.version })),
    });
    expect(outcomes).toEqual([
      { id: mine.id, ok: true },
      expect.objectContaining({ id: bens.id, ok: false, code: "four_eyes" }),
      expect.objectContaining({
        id: decided.id,
        ok: false,
        code: "wrong_stage",
        details: expect.objectContaining({ decision: "approved", by: "Rae" }),
      }),
    ]);
    expect((await getClaimById({ id: mine.id }))?.approvedBy?.name).toBe("Ben");
    expect((await getClaimById({ id: bens.id }))?.stage).toBe("in_review");
  });
});
