import "server-only";
// The one place where "summary published" and "correction published" happen (issue 16). Both are
// called by publishSummary (lib/data/publish.ts) inside the transaction that writes the version,
// after the version row exists: the webhook (an outbox row written with `tx`, delivered after the
// commit) and the notifications happen exactly when the publication does, and are rolled back with
// it. Nothing here may throw for a reason the publication should survive.
import { eq } from "drizzle-orm";
import { articles, claims } from "@/lib/data/tables";
import type { Tx } from "./connection";
import { notify } from "./notifications";
import { enqueueWebhook } from "./outbox";

/** Who looks after an article: its owner, else whoever added it. */
async function articleOwner(tx: Tx, articleId: number): Promise<number | null> {
  const [row] = await tx
    .select({ ownerId: articles.ownerId, createdById: articles.createdById })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  return row ? (row.ownerId ?? row.createdById) : null;
}

export type PublishedSummary = {
  articleId: number;
  versionId: number;
  number: number;
  contentHash: string;
  publishedById: number;
  publishedAt: Date;
  channel: "app" | "api";
};

export type PublishedCorrection = {
  correctionId: number;
  articleId: number;
  claimId: number;
  note: string;
  correctedAt: Date;
  /** The version that first carries the correction. */
  versionId: number;
  number: number;
};

/** A new published version of an article's summary was written. */
export async function summaryPublished(tx: Tx, event: PublishedSummary): Promise<void> {
  await enqueueWebhook(tx, "summary.published", {
    articleId: event.articleId,
    version: event.number,
    contentHash: event.contentHash,
    publishedAt: event.publishedAt.toISOString(),
    channel: event.channel,
  });
  const owner = await articleOwner(tx, event.articleId);
  await notify(tx, {
    kind: "summary_published",
    recipientIds: owner === null ? [] : [owner],
    actorId: event.publishedById,
    articleId: event.articleId,
  });
}

/** A correction went out for the first time, in the version `event.number`. */
export async function correctionPublished(tx: Tx, event: PublishedCorrection): Promise<void> {
  await enqueueWebhook(tx, "correction.published", {
    articleId: event.articleId,
    claimId: event.claimId,
    version: event.number,
    note: event.note,
    correctedAt: event.correctedAt.toISOString(),
  });
  const owner = await articleOwner(tx, event.articleId);
  const [claim] = await tx
    .select({ ratedById: claims.ratedById })
    .from(claims)
    .where(eq(claims.id, event.claimId))
    .limit(1);
  await notify(tx, {
    kind: "correction_published",
    recipientIds: [owner, claim?.ratedById ?? null].filter((id): id is number => id !== null),
    articleId: event.articleId,
    claimId: event.claimId,
    note: event.note,
  });
}
