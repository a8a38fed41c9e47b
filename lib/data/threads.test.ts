import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/lib/data/tables";
import { claimInput, makeArticle, makeUser, rawSql, refusal } from "@/test/data-helpers";
import { createClaim, getClaimById, getClaimHistory, returnClaim, submitClaim, updateClaim } from "./claims";
import { getDb } from "./connection";
import { getArticleById } from "./articles";
import {
  addMessage,
  assignClaim,
  assignEach,
  countMyWork,
  editMessage,
  getArticleOwner,
  getMyWork,
  getThread,
  getThreadDigest,
  listMentionable,
  listThreadDigests,
  setArticleOwner,
} from "./threads";
import { MESSAGE_MAX } from "@/lib/validation/threads";
import { listInbox } from "./notifications";

const BODY =
  "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté ces affirmations.\n\nLe ministre parle de 300 blessés.";
const Q1 = "ses forces ont pris 12 villages";
const Q2 = "Kyiv n'a pas commenté ces affirmations.";
const Q3 = "Le ministre parle de 300 blessés.";

type Person = Awaited<ReturnType<typeof makeUser>>;
let ana: Person, ben: Person, rae: Person, gone: Person;

/** The handle of a test account ("@editor-3"): its e-mail's local part. */
async function handle(person: Person): Promise<string> {
  const [row] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, person.id));
  return `@${row!.email.split("@")[0]}`;
}

beforeAll(async () => {
  ana = await makeUser("editor", "Ana");
  ben = await makeUser("reviewer", "Ben");
  rae = await makeUser("reviewer", "Rae");
  gone = await makeUser("reviewer", "Gone");
  await getDb().update(users).set({ active: false }).where(eq(users.id, gone.id));
});

/** A claim rated by Ana and in the queue. */
async function queued(quote = Q1) {
  const article = await makeArticle(ana, BODY);
  const claim = await createClaim({
    actor: ana,
    input: claimInput(article.id, BODY, quote, { verdict: "confirmed", speaker: "Le Kremlin" }),
  });
  const submitted = await submitClaim({ actor: ana, id: claim.id, version: claim.version });
  return { articleId: article.id, claim: submitted };
}

describe("a claim's thread", () => {
  it("keeps messages oldest first, with their mentions, in the claim's history", async () => {
    const { claim } = await queued();
    const first = await addMessage({
      actor: ben,
      input: { claimId: claim.id, body: `Which source? ${await handle(ana)}, ${await handle(rae)}.` },
    });
    expect(first.mentionedIds.sort()).toEqual([ana.id, rae.id].sort());
    await addMessage({ actor: ana, input: { claimId: claim.id, body: "The ministry's statement." } });
    const thread = await getThread({ claimId: claim.id });
    expect(thread.map((m) => [m.author.name, m.body, m.kind])).toEqual([
      ["Ben", `Which source? ${await handle(ana)}, ${await handle(rae)}.`, "message"],
      ["Ana", "The ministry's statement.", "message"],
    ]);
    expect(thread[0]!.mentions.map((m) => m.name).sort()).toEqual(["Ana", "Rae"]);
    const history = await getClaimHistory({ claimId: claim.id });
    const posted = history.filter((e) => e.type === "message_posted");
    expect(posted).toHaveLength(2);
    expect(posted[0]).toMatchObject({ actor: { name: "Ben" }, after: { mentions: expect.any(Array) } });
    // A message changes no field of the claim: its version and stage stay.
    expect(await getClaimById({ id: claim.id })).toMatchObject({
      version: claim.version,
      stage: "in_review",
    });
  });

  it("keeps the earlier text of an edited message, and mentions only the newly mentioned", async () => {
    const { claim } = await queued();
    const { message } = await addMessage({
      actor: ben,
      input: { claimId: claim.id, body: `Check the figure ${await handle(ana)}` },
    });
    const edited = await editMessage({
      actor: ben,
      input: { messageId: message.id, body: `Check the figure ${await handle(ana)} ${await handle(rae)}` },
    });
    expect(edited.mentionedIds).toEqual([rae.id]);
    expect(edited.message.body).toContain(await handle(rae));
    expect(edited.message.earlier.map((v) => v.body)).toEqual([`Check the figure ${await handle(ana)}`]);
    expect(edited.message.editedAt).not.toBeNull();
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.at(-1)).toMatchObject({
      type: "message_edited",
      before: { messageId: message.id, text: `Check the figure ${await handle(ana)}` },
    });
    // Someone else's message is not theirs to edit.
    const other = await refusal(
      editMessage({ actor: ana, input: { messageId: message.id, body: "Mine now" } }),
    );
    expect(other).toMatchObject({ code: "forbidden", details: { reason: "message_edit_forbidden" } });
  });

  it("refuses mentions of deactivated accounts, too long or empty messages, and unknown claims", async () => {
    const { claim } = await queued();
    const deactivated = await refusal(
      addMessage({ actor: ben, input: { claimId: claim.id, body: `Ask ${await handle(gone)}` } }),
    );
    expect(deactivated).toMatchObject({
      code: "invalid_input",
      details: { reason: "mention_deactivated", name: "Gone" },
    });
    const long = await refusal(
      addMessage({ actor: ben, input: { claimId: claim.id, body: "x".repeat(MESSAGE_MAX + 1) } }),
    );
    expect(long).toMatchObject({ code: "invalid_input", fieldErrors: { body: ["messageTooLong"] } });
    const empty = await refusal(addMessage({ actor: ben, input: { claimId: claim.id, body: "  \n " } }));
    expect(empty.fieldErrors).toEqual({ body: ["messageRequired"] });
    expect(
      await refusal(addMessage({ actor: ben, input: { claimId: 999_999, body: "Hello" } })),
    ).toMatchObject({
      code: "not_found",
    });
    // Exactly at the limit is fine; an e-mail address and an unknown handle are plain text.
    const ok = await addMessage({
      actor: ben,
      input: { claimId: claim.id, body: `${"y".repeat(MESSAGE_MAX - 30)} press@gov.ua @nobody-here` },
    });
    expect(ok.mentionedIds).toEqual([]);
    expect((await getThread({ claimId: claim.id })).map((m) => m.id)).toEqual([ok.message.id]);
  });

  it("is append-only in the database itself", async () => {
    const { claim } = await queued();
    await addMessage({ actor: ben, input: { claimId: claim.id, body: "Kept forever" } });
    await expect(rawSql(sql`UPDATE claim_message_versions SET body = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(rawSql(sql`DELETE FROM claim_messages`)).rejects.toThrow(/append-only/);
    await expect(rawSql(sql`DELETE FROM claim_mentions`)).rejects.toThrow(/append-only/);
    expect((await getThread({ claimId: claim.id }))[0]!.body).toBe("Kept forever");
  });

  it("offers active accounts only to the autocomplete", async () => {
    const names = (await listMentionable()).map((m) => m.name);
    expect(names).toContain("Ana");
    expect(names).not.toContain("Gone");
  });
});

describe("returning and resubmitting", () => {
  it("starts the thread with the return note and shows the reviewer what changed since", async () => {
    const { claim } = await queued();
    const returned = await returnClaim({
      actor: ben,
      input: { id: claim.id, version: claim.version, note: "Name the speaker precisely and add a source." },
    });
    let thread = await getThread({ claimId: claim.id });
    expect(thread.map((m) => [m.kind, m.author.name, m.body])).toEqual([
      ["return", "Ben", "Name the speaker precisely and add a source."],
    ]);
    expect((await countMyWork({ userId: ana.id })).returned).toBeGreaterThanOrEqual(1);
    expect((await getMyWork({ userId: ana.id })).returned.map((c) => c.id)).toContain(claim.id);

    await addMessage({ actor: ana, input: { claimId: claim.id, body: "Done: the Kremlin's spokesman." } });
    const updated = await updateClaim({
      actor: ana,
      input: {
        ...claimInput(returned.articleId, BODY, Q1, {
          verdict: "confirmed",
          speaker: "Dmitri Peskov",
          sources: [{ url: "https://example.org/tass", title: "TASS" }],
        }),
        id: claim.id,
        version: returned.version,
      },
    });
    // While in draft, nothing is "since you returned it" yet.
    expect((await getThreadDigest({ claimId: claim.id })).sinceReturned).toBeNull();
    await submitClaim({ actor: ana, id: claim.id, version: updated.version });

    const digest = await getThreadDigest({ claimId: claim.id });
    expect(digest.sinceReturned).toMatchObject({
      returnedBy: { name: "Ben" },
      note: "Name the speaker precisely and add a source.",
      fields: ["speaker", "sources"],
    });
    expect(digest.count).toBe(2);
    expect(digest.last.map((m) => m.body)).toEqual([
      "Name the speaker precisely and add a source.",
      "Done: the Kremlin's spokesman.",
    ]);
    thread = await getThread({ claimId: claim.id });
    expect(thread).toHaveLength(2);
    // The resubmission answers the return: no longer "returned to me".
    expect((await getMyWork({ userId: ana.id })).returned.map((c) => c.id)).not.toContain(claim.id);
  });

  it("gives digests for many claims in one call, empty for claims without messages", async () => {
    const a = await queued(Q1);
    const b = await queued(Q2);
    await addMessage({ actor: ben, input: { claimId: a.claim.id, body: "One" } });
    await addMessage({ actor: ben, input: { claimId: a.claim.id, body: "Two" } });
    await addMessage({ actor: ben, input: { claimId: a.claim.id, body: "Three" } });
    const digests = await listThreadDigests({ claimIds: [a.claim.id, b.claim.id] });
    expect(digests.get(a.claim.id)).toMatchObject({ count: 3, sinceReturned: null });
    expect(digests.get(a.claim.id)!.last.map((m) => m.body)).toEqual(["Two", "Three"]);
    expect(digests.get(b.claim.id)).toMatchObject({ count: 0, last: [] });
  });
});

describe("assignment", () => {
  it("gives a claim in review to a reviewer, in its history, without moving its version", async () => {
    const { claim } = await queued();
    const outcome = await assignClaim({ actor: rae, input: { id: claim.id, assigneeId: ben.id } });
    expect(outcome.assignedId).toBe(ben.id);
    expect(outcome.claim.version).toBe(claim.version);
    expect((await getMyWork({ userId: ben.id })).assigned.map((c) => c.id)).toContain(claim.id);
    expect((await countMyWork({ userId: ben.id })).assigned).toBeGreaterThanOrEqual(1);
    // Again to the same person: nothing new to tell.
    expect(
      (await assignClaim({ actor: rae, input: { id: claim.id, assigneeId: ben.id } })).assignedId,
    ).toBeNull();
    await assignClaim({ actor: rae, input: { id: claim.id, assigneeId: null } });
    const events = (await getClaimHistory({ claimId: claim.id })).filter((e) => e.type === "assigned");
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ assignedTo: null }, { assignedTo: { id: ben.id, name: "Ben" } }],
      [{ assignedTo: { id: ben.id, name: "Ben" } }, { assignedTo: null }],
    ]);
    expect((await getMyWork({ userId: ben.id })).assigned.map((c) => c.id)).not.toContain(claim.id);
  });

  it("refuses the rater (four eyes), editors, deactivated accounts, drafts, and assigning as an editor", async () => {
    const { claim } = await queued();
    const reviewerRater = await makeUser("reviewer", "Rater");
    const article = await makeArticle(reviewerRater, BODY);
    const own = await createClaim({
      actor: reviewerRater,
      input: claimInput(article.id, BODY, Q3, { verdict: "disputed" }),
    });
    await submitClaim({ actor: reviewerRater, id: own.id, version: own.version });
    expect(
      await refusal(assignClaim({ actor: rae, input: { id: own.id, assigneeId: reviewerRater.id } })),
    ).toMatchObject({ code: "four_eyes", details: { reason: "assign_own_verdict" } });
    expect(
      await refusal(assignClaim({ actor: rae, input: { id: claim.id, assigneeId: ana.id } })),
    ).toMatchObject({
      details: { reason: "assignee_not_reviewer" },
    });
    expect(
      await refusal(assignClaim({ actor: rae, input: { id: claim.id, assigneeId: gone.id } })),
    ).toMatchObject({
      details: { reason: "assignee_deactivated", name: "Gone" },
    });
    expect(
      await refusal(assignClaim({ actor: ana, input: { id: claim.id, assigneeId: ben.id } })),
    ).toMatchObject({
      code: "forbidden",
      details: { reason: "assign_forbidden" },
    });
    const draft = await createClaim({ actor: ana, input: claimInput(article.id, BODY, Q2) });
    expect(
      await refusal(assignClaim({ actor: rae, input: { id: draft.id, assigneeId: ben.id } })),
    ).toMatchObject({
      code: "wrong_stage",
    });
    expect((await getClaimById({ id: claim.id }))!.version).toBe(claim.version);
  });

  it("assigns in bulk, each claim on its own", async () => {
    const a = await queued(Q1);
    const b = await queued(Q2);
    const benRated = await makeArticle(ben, BODY);
    const own = await createClaim({
      actor: ben,
      input: claimInput(benRated.id, BODY, Q3, { verdict: "confirmed" }),
    });
    await submitClaim({ actor: ben, id: own.id, version: own.version });
    const { outcomes, assigned } = await assignEach({
      actor: rae,
      input: { ids: [a.claim.id, b.claim.id, own.id, a.claim.id], assigneeId: ben.id },
    });
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
      [a.claim.id, true],
      [b.claim.id, true],
      [own.id, false],
    ]);
    expect(outcomes[2]).toMatchObject({ code: "four_eyes", details: { reason: "assign_own_verdict" } });
    expect(assigned).toEqual([a.claim.id, b.claim.id]);
    const mine = (await getMyWork({ userId: ben.id })).assigned.map((c) => c.id);
    expect(mine).toEqual(expect.arrayContaining([a.claim.id, b.claim.id]));
    expect(mine).not.toContain(own.id);
  });
});

describe("article owners and my work", () => {
  it("makes the creator the owner, and lets an editor give the article to someone else", async () => {
    const article = await makeArticle(ana, BODY);
    expect(await getArticleOwner({ articleId: article.id })).toEqual({ id: ana.id, name: "Ana" });
    const before = (await getArticleById({ id: article.id }))!.version;
    const eve = await makeUser("editor", "Eve");
    const given = await setArticleOwner({ actor: ana, input: { articleId: article.id, ownerId: eve.id } });
    expect(given).toMatchObject({ owner: { id: eve.id }, changed: true });
    expect((await getArticleById({ id: article.id }))!.version).toBe(before);
    expect((await getMyWork({ userId: eve.id })).articles.map((a) => a.id)).toEqual([article.id]);
    expect((await getMyWork({ userId: ana.id })).articles.map((a) => a.id)).not.toContain(article.id);
    expect(
      await refusal(setArticleOwner({ actor: ana, input: { articleId: article.id, ownerId: gone.id } })),
    ).toMatchObject({ details: { reason: "assignee_deactivated" } });
    expect(
      await refusal(setArticleOwner({ actor: ana, input: { articleId: 999_999, ownerId: eve.id } })),
    ).toMatchObject({ code: "not_found" });
  });

  it("lists my articles with their progress, and my mentions newest first", async () => {
    const zoe = await makeUser("editor", "Zoe");
    const article = await makeArticle(zoe, BODY);
    const c = await createClaim({
      actor: zoe,
      input: claimInput(article.id, BODY, Q1, { verdict: "confirmed" }),
    });
    await submitClaim({ actor: zoe, id: c.id, version: c.version });
    await addMessage({ actor: ben, input: { claimId: c.id, body: `First ${await handle(zoe)}` } });
    await addMessage({ actor: rae, input: { claimId: c.id, body: `Second ${await handle(zoe)}` } });
    const work = await getMyWork({ userId: zoe.id });
    expect(work.articles).toEqual([
      expect.objectContaining({ id: article.id, total: 1, inReview: 1, approved: 0, returned: 0 }),
    ]);
    expect(work.mentions.map((m) => [m.by.name, m.excerpt, m.articleTitle])).toEqual([
      ["Rae", `Second ${await handle(zoe)}`, "Test article"],
      ["Ben", `First ${await handle(zoe)}`, "Test article"],
    ]);
    expect(work.mentions[0]).toMatchObject({ claimId: c.id, articleId: article.id });
  });
});

describe("who is told", () => {
  it("tells the people a message mentions, the reviewer a claim is given to, and a new owner", async () => {
    const { articleId, claim } = await queued();
    const inbox = async (person: Person) =>
      (await listInbox(person.id)).filter((n) => n.claimId === claim.id || n.articleId === articleId);
    await addMessage({ actor: ben, input: { claimId: claim.id, body: `Source? ${await handle(ana)}` } });
    expect((await inbox(ana)).map((n) => [n.kind, n.note])).toEqual([
      ["mentioned", `Source? ${await handle(ana)}`],
    ]);
    // The author is never told of their own message.
    expect(await inbox(ben)).toEqual([]);
    await assignEach({ actor: rae, input: { ids: [claim.id], assigneeId: ben.id } });
    expect((await inbox(ben)).map((n) => n.kind)).toEqual(["assigned"]);
    await setArticleOwner({ actor: ana, input: { articleId, ownerId: rae.id } });
    expect((await inbox(rae)).map((n) => [n.kind, n.claimId])).toEqual([["assigned", null]]);
  });
});
