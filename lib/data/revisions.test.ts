// Living articles on both databases: revisions are numbered and append-only, each one re-anchors
// the claims, and every state a claim can be left in is settled by a person.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleById, listArticles } from "./articles";
import { approveClaim, createClaim, getClaimById, getClaimHistory, submitClaim } from "./claims";
import { addRevision, getRevisionBody, listRevisions, resolveAnchor } from "./revisions";
import { ARTICLE } from "@/lib/text/reanchor.cases";
import { previewFromHtml } from "@/lib/intake";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import { claimInput, makeArticle, makeUser, rawSql, refusal } from "@/test/data-helpers";

const FIGURE = "la Russie avait tiré plus de 1 800 drones sur l'Ukraine";
const ODESSA = "trois personnes ont été tuées à Odessa";

let page = `<html><head><title>Kyiv</title></head><body><article>${ARTICLE.split("\n\n")
  .map((p) => `<p>${p}</p>`)
  .join("")}</article></body></html>`;
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
});
afterAll(() => server.close());
const fetchOptions = () => ({ allowHosts: ["127.0.0.1"] });

async function setup() {
  const editor = await makeUser("editor", "Ana");
  const reviewer = await makeUser("reviewer", "Ben");
  const article = await makeArticle(editor, ARTICLE);
  return { editor, reviewer, article };
}

type Person = Awaited<ReturnType<typeof makeUser>>;

async function approved(editor: Person, reviewer: Person, articleId: number, body: string, quote: string) {
  const claim = await createClaim({
    actor: editor,
    input: claimInput(articleId, body, quote, { verdict: "confirmed", submit: true }),
  });
  return approveClaim({ actor: reviewer, id: claim.id });
}

describe("article revisions", () => {
  it("keeps the body at creation as revision 1, numbers new ones, and refuses to edit them", async () => {
    const { editor, article } = await setup();
    expect((await listRevisions({ articleId: article.id })).map((r) => [r.number, r.source])).toEqual([
      [1, "creation"],
    ]);
    const body = `Mis à jour à 09h42.\n\n${ARTICLE}`;
    const outcome = await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "paste", body },
    });
    expect(outcome).toMatchObject({ added: true, revision: 2 });
    const list = await listRevisions({ articleId: article.id });
    expect(list.map((r) => r.number)).toEqual([2, 1]);
    expect(list[0]).toMatchObject({ source: "paste", createdBy: { name: "Ana" }, length: body.length });
    expect(await getRevisionBody({ articleId: article.id, number: 1 })).toBe(ARTICLE);
    expect((await getArticleById({ id: article.id }))?.body).toBe(body);
    await expect(rawSql(sql`UPDATE article_revisions SET body = 'x'`)).rejects.toThrow(/append-only/);
    await expect(rawSql(sql`DELETE FROM article_revisions`)).rejects.toThrow(/append-only/);
  });

  it("says so and adds nothing when the text is the same once normalised", async () => {
    const { editor, article } = await setup();
    const outcome = await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "paste", body: `  ${ARTICLE.replace(/\n\n/g, "\n\n\n")}  ` },
    });
    expect(outcome).toEqual({ added: false, unchanged: true, revision: 1 });
    expect(await listRevisions({ articleId: article.id })).toHaveLength(1);
  });

  it("re-fetches the article's link: unchanged adds nothing, a corrected page adds a revision", async () => {
    const editor = await makeUser("editor");
    const extracted = previewFromHtml(page);
    if (!extracted.ok) throw new Error("the test page has no article");
    const article = await makeArticle(editor, extracted.text);
    const url = `${server.origin}/story`;
    const same = await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "link", url },
      fetchOptions: fetchOptions(),
    });
    expect(same).toMatchObject({ added: false, unchanged: true });
    const before = page;
    page = page.replace("1 800 drones sur", "1 900 drones sur");
    try {
      const next = await addRevision({
        actor: editor,
        articleId: article.id,
        input: { source: "link", url },
        fetchOptions: fetchOptions(),
      });
      expect(next).toMatchObject({ added: true, revision: 2 });
      expect((await listRevisions({ articleId: article.id }))[0]).toMatchObject({
        source: "link",
        origin: url,
      });
    } finally {
      page = before;
    }
  });

  it("refuses a link that cannot be fetched, and an article without a link, writing nothing", async () => {
    const { editor, article } = await setup();
    const blocked = await refusal(
      addRevision({
        actor: editor,
        articleId: article.id,
        input: { source: "link", url: `${server.origin}/x` },
      }),
    );
    expect(blocked.code).toBe("invalid_input");
    const none = await refusal(
      addRevision({ actor: editor, articleId: article.id, input: { source: "link" } }),
    );
    expect(none.details?.reason).toBe("no_link");
    expect(await listRevisions({ articleId: article.id })).toHaveLength(1);
  });

  it("leaves an exact claim untouched: same stage, no event, offsets moved", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await approved(editor, reviewer, article.id, ARTICLE, ODESSA);
    const body = `Mis à jour à 11h05.\n\n${ARTICLE}`;
    const outcome = await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "paste", body },
    });
    expect(outcome).toMatchObject({ anchors: { exact: 1, changed: 0, ambiguous: 0, orphaned: 0 } });
    const after = await getClaimById({ id: claim.id });
    expect(after).toMatchObject({
      stage: "approved",
      anchorState: "exact",
      anchorRevision: 2,
      quote: ODESSA,
    });
    expect(body.slice(after!.start, after!.end)).toBe(ODESSA);
    expect((await getClaimHistory({ claimId: claim.id })).map((e) => e.type)).not.toContain("reanchored");
    expect((await getArticleById({ id: article.id }))?.progress.verified).toBe(true);
  });

  it("flags a corrected figure as changed: back in draft with the reason, unverified until approved again", async () => {
    const { editor, reviewer, article } = await setup();
    const claim = await approved(editor, reviewer, article.id, ARTICLE, FIGURE);
    expect((await getArticleById({ id: article.id }))?.progress.verified).toBe(true);
    const body = ARTICLE.replace("1 800 drones sur", "1 900 drones sur");
    await addRevision({ actor: editor, articleId: article.id, input: { source: "paste", body } });
    const flagged = await getClaimById({ id: claim.id });
    expect(flagged).toMatchObject({
      stage: "draft",
      anchorState: "changed",
      anchorRevision: 1,
      quote: FIGURE,
      reviewReason: "article_changed_here",
      approvedBy: null,
    });
    expect(flagged?.anchorProposal).toMatchObject({
      state: "changed",
      revision: 2,
      quote: FIGURE.replace("1 800", "1 900"),
    });
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.at(-1)).toMatchObject({
      type: "reanchored",
      before: { stage: "approved", quote: FIGURE, revision: 1 },
      after: { stage: "draft", state: "changed", revision: 2, reason: "article_changed_here" },
    });
    expect((await getArticleById({ id: article.id }))?.progress.verified).toBe(false);
    const unverified = await listArticles({ verified: "no" });
    expect(unverified.items.map((a) => a.id)).toContain(article.id);
    // Not submittable while the words are unsettled.
    expect((await refusal(submitClaim({ actor: editor, id: claim.id }))).details?.reason).toBe(
      "anchor_unresolved",
    );
    const accepted = await resolveAnchor({
      actor: editor,
      input: { id: claim.id, version: flagged!.version, how: "accepted" },
    });
    expect(accepted).toMatchObject({ anchorState: "exact", anchorRevision: 2, stage: "draft" });
    expect(body.slice(accepted.start, accepted.end)).toBe(FIGURE.replace("1 800", "1 900"));
    expect(accepted.reviewReason).toBe("article_changed_here");
    await submitClaim({ actor: editor, id: claim.id });
    const again = await approveClaim({ actor: reviewer, id: claim.id });
    expect(again.reviewReason).toBeNull();
    expect((await getArticleById({ id: article.id }))?.progress.verified).toBe(true);
    expect((await getClaimHistory({ claimId: claim.id })).map((e) => e.type)).toContain("anchor_resolved");
  });

  it("makes a duplicated sentence ambiguous, and the editor picks a candidate", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, ARTICLE, ODESSA) });
    // A bad edit pasted the paragraph twice.
    const paragraphs = ARTICLE.split("\n\n");
    paragraphs.splice(5, 0, paragraphs[4]!);
    const body = paragraphs.join("\n\n");
    const outcome = await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "paste", body },
    });
    expect(outcome).toMatchObject({ anchors: { ambiguous: 1 } });
    const flagged = await getClaimById({ id: claim.id });
    expect(flagged?.anchorState).toBe("ambiguous");
    const proposal = flagged!.anchorProposal!;
    if (proposal.state !== "ambiguous") throw new Error("expected candidates");
    expect(proposal.candidates.length).toBeGreaterThanOrEqual(2);
    const wrong = await refusal(
      resolveAnchor({
        actor: editor,
        input: { id: claim.id, version: flagged!.version, how: "picked", start: 0, end: 4 },
      }),
    );
    expect(wrong.details?.reason).toBe("not_a_candidate");
    const pick = proposal.candidates[1]!;
    const picked = await resolveAnchor({
      actor: editor,
      input: { id: claim.id, version: flagged!.version, how: "picked", start: pick.start, end: pick.end },
    });
    expect(picked).toMatchObject({
      anchorState: "exact",
      start: pick.start,
      quote: body.slice(pick.start, pick.end),
    });
  });

  it("orphans a deleted sentence: keeps its quote, and the editor selects new words", async () => {
    const { editor, article } = await setup();
    const claim = await createClaim({ actor: editor, input: claimInput(article.id, ARTICLE, ODESSA) });
    const body = ARTICLE.split("\n\n")
      .filter((p) => !p.includes("Odessa"))
      .join("\n\n");
    await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "file", html: `<p>${body.split("\n\n").join("</p><p>")}</p>`, fileName: "story.html" },
    });
    expect((await listRevisions({ articleId: article.id }))[0]).toMatchObject({
      source: "file",
      origin: "story.html",
    });
    const flagged = await getClaimById({ id: claim.id });
    expect(flagged).toMatchObject({ anchorState: "orphaned", quote: ODESSA });
    // A second revision re-anchors the orphan again from its old words: still orphaned, a second event.
    await addRevision({
      actor: editor,
      articleId: article.id,
      input: { source: "paste", body: `${body}\n\nFin.` },
    });
    const still = await getClaimById({ id: claim.id });
    expect(still).toMatchObject({ anchorState: "orphaned", quote: ODESSA, anchorRevision: 1 });
    expect(
      (await getClaimHistory({ claimId: claim.id })).filter((e) => e.type === "reanchored"),
    ).toHaveLength(2);
    const current = (await getArticleById({ id: article.id }))!.body;
    const words = "Le Kremlin n'a pas répondu";
    const start = current.indexOf(words);
    const bad = await refusal(
      resolveAnchor({
        actor: editor,
        input: {
          id: claim.id,
          version: still!.version,
          how: "selected",
          start,
          end: start + 5,
          quote: "other",
        },
      }),
    );
    expect(bad.code).toBe("invalid_input");
    const selected = await resolveAnchor({
      actor: editor,
      input: {
        id: claim.id,
        version: still!.version,
        how: "selected",
        start,
        end: start + words.length,
        quote: words,
      },
    });
    expect(selected).toMatchObject({ anchorState: "exact", quote: words, anchorRevision: 3 });
    // A stale version is a conflict, and a settled claim has nothing to settle.
    expect(
      (
        await refusal(
          resolveAnchor({ actor: editor, input: { id: claim.id, version: still!.version, how: "accepted" } }),
        )
      ).code,
    ).toBe("conflict");
    expect(
      (
        await refusal(
          resolveAnchor({
            actor: editor,
            input: { id: claim.id, version: selected.version, how: "accepted" },
          }),
        )
      ).details?.reason,
    ).toBe("anchor_not_flagged");
  });

  it("refuses a stale article version and writes nothing", async () => {
    const { editor, article } = await setup();
    const error = await refusal(
      addRevision({
        actor: editor,
        articleId: article.id,
        version: 99,
        input: { source: "paste", body: "Autre texte." },
      }),
    );
    expect(error.code).toBe("conflict");
    expect(await listRevisions({ articleId: article.id })).toHaveLength(1);
  });
});
