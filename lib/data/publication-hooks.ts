import "server-only";
// The one place where "summary published" and "correction published" happen (issue 16). Both are
// called by publishSummary (lib/data/publish.ts) inside the transaction that writes the version,
// after the version row exists: whatever is hooked here (webhooks, from another branch: an outbox
// row written with `tx`, delivered after the commit) happens exactly when the publication does,
// and is rolled back with it. Nothing here may throw for a reason the publication should survive.
import type { Tx } from "./connection";

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
  void tx;
  void event;
}

/** A correction went out for the first time, in the version `event.number`. */
export async function correctionPublished(tx: Tx, event: PublishedCorrection): Promise<void> {
  void tx;
  void event;
}
