import "server-only";
// Who is told what when a claim is decided, inside the decision's transaction: the inbox (and
// e-mail) of the people concerned, and the webhooks of the newsroom's CMS.
import { eq, sql } from "drizzle-orm";
import { articles, claims, type Claim } from "@/lib/data/tables";
import type { Actor } from "@/lib/review";
import { baseUrl } from "@/lib/notify/base-url";
import { countRows, type Tx } from "../connection";
import { notify } from "../notifications";
import { enqueueWebhook } from "../outbox";

/** Whose claim it is: who submitted it, else who set its verdict, else who made it. */
function owner(claim: Claim): number {
  return claim.submittedById ?? claim.ratedById ?? claim.createdById;
}

export async function tellReturned(tx: Tx, actor: Actor, claim: Claim, note: string): Promise<void> {
  await notify(tx, {
    kind: "returned",
    recipientIds: [owner(claim)],
    actorId: actor.id,
    articleId: claim.articleId,
    claimId: claim.id,
    note,
  });
}

export async function tellApproved(tx: Tx, actor: Actor, approved: Claim): Promise<void> {
  await notify(tx, {
    kind: "approved",
    recipientIds: [owner(approved)],
    actorId: actor.id,
    articleId: approved.articleId,
    claimId: approved.id,
  });
  // The article and how many of its claims are not approved yet, in one read.
  const [article] = await tx
    .select({
      id: articles.id,
      title: articles.title,
      url: articles.url,
      createdById: articles.createdById,
      // Written out: inside a select list drizzle names columns without their table, and "id" here
      // would be the claim's.
      open: sql<number>`(SELECT count(*) FROM claims AS c WHERE c.article_id = ${approved.articleId} AND c.stage <> 'approved')`.mapWith(
        Number,
      ),
    })
    .from(articles)
    .where(eq(articles.id, approved.articleId));
  if (!article) return;
  const base = baseUrl();
  const articleData = {
    id: article.id,
    title: article.title,
    url: article.url,
    deskUrl: `${base}/articles/${article.id}`,
  };
  await enqueueWebhook(tx, "claim.approved", {
    claim: {
      id: approved.id,
      statement: approved.statement,
      quote: approved.quote,
      speaker: approved.speaker,
      verdict: approved.verdict,
      approvedAt: approved.approvedAt?.toISOString() ?? null,
      deskUrl: `${base}/articles/${article.id}/claims/${approved.id}`,
    },
    article: articleData,
  });
  // The last claim of the article approved: the article is verified.
  if (article.open > 0) return;
  const total = await countRows(tx, claims, eq(claims.articleId, article.id));
  await notify(tx, {
    kind: "article_verified",
    recipientIds: [article.createdById],
    actorId: actor.id,
    articleId: article.id,
  });
  await enqueueWebhook(tx, "article.verified", {
    article: { ...articleData, claims: total, summaryUrl: `${base}/articles/${article.id}/summary` },
  });
}
