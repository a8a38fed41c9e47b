import "server-only";
// Living articles (issue 16): every body an article has had is a numbered, append-only revision,
// and each new one re-anchors the article's claims (lib/text/reanchor.ts). Only an `exact` claim
// is left as it was (its offsets move); any other is flagged, back in draft, with what was found,
// until a person settles it here.
import { and, asc, desc, eq, max, ne, sql } from "drizzle-orm";
import { articleRevisions, articles, claims, type Claim } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { canEditClaim, hasPermission, type Actor } from "@/lib/review";
import type { RevisionSource } from "@/lib/review/model";
import { intakeFailure, IntakeError, previewFromUrl } from "@/lib/intake";
import type { FetchOptions } from "@/lib/intake/fetch";
import { spanIsValid } from "@/lib/text/anchor";
import { selectorFor } from "@/lib/text/reanchor";
import { proposalOf, reanchorClaims, type AnchorProposal } from "@/lib/text/reanchor-claims";
import { cachedUntilWrite, countRows, getDb, withTransaction, type Tx } from "./connection";
import { prepareBody } from "./articles";
import { recordEvent } from "./claims/events";
import { conflict, facts, loadClaim, refuse } from "./claims/shared";
import { toViews, type ClaimView } from "./claims/views";
import { userNames } from "./user-names";

export type RevisionSummary = {
  number: number;
  source: RevisionSource;
  origin: string | null;
  createdBy: { id: number; name: string };
  createdAt: Date;
  length: number;
};

export type RevisionInput =
  | { source: "paste"; body: string; format?: "text" | "html" }
  | { source: "file"; html: string; fileName?: string }
  | { source: "link"; url?: string };

export type AnchorCounts = { exact: number; changed: number; ambiguous: number; orphaned: number };

export type RevisionOutcome =
  | { added: false; unchanged: true; revision: number }
  | { added: true; unchanged: false; revision: number; anchors: AnchorCounts };

function articleNotFound(): AppError {
  return new AppError("not_found", "This article does not exist or was deleted.", {
    details: { reason: "article_not_found" },
  });
}

/** The number of the article's latest revision (1 for an article from before revisions were kept). */
export async function latestRevisionNumber(tx: Tx, articleId: number): Promise<number> {
  const [row] = await tx
    .select({ n: max(articleRevisions.number) })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId));
  return row?.n === null || row?.n === undefined ? 0 : Number(row.n);
}

/** Revision 1 of a new article, in the transaction that creates it. */
export async function recordFirstRevision(
  tx: Tx,
  article: { id: number; body: string; createdById: number; createdAt: Date },
  source: RevisionSource = "creation",
  origin: string | null = null,
): Promise<void> {
  await tx.insert(articleRevisions).values({
    articleId: article.id,
    number: 1,
    body: article.body,
    source,
    origin,
    createdById: article.createdById,
    createdAt: article.createdAt,
  });
}

/** The new body, from what was sent: text or HTML pasted, an uploaded page, or the article's link. */
async function bodyFrom(
  input: RevisionInput,
  articleUrl: string | null,
  options?: FetchOptions,
): Promise<{ body: string; origin: string | null }> {
  if (input.source === "paste")
    return { body: prepareBody(input.body, input.format ?? "text"), origin: null };
  if (input.source === "file") {
    return { body: prepareBody(input.html, "html"), origin: input.fileName?.slice(0, 300) || null };
  }
  const url = input.url?.trim() || articleUrl;
  if (!url) {
    throw new AppError("invalid_input", "This article has no link to fetch.", {
      fieldErrors: { url: ["required"] },
      details: { reason: "no_link" },
    });
  }
  let preview;
  try {
    preview = await previewFromUrl(url, options);
  } catch (error) {
    intakeFailure(error);
  }
  if (!preview.ok) intakeFailure(new IntakeError("noArticle"));
  return { body: prepareBody(preview.text, "text"), origin: url };
}

/**
 * Adds a revision from a paste, a file or the article's link, and re-anchors every claim onto it,
 * in one transaction. A body equal (once normalised) to the latest one adds nothing.
 */
export async function addRevision({
  actor,
  articleId,
  input,
  version,
  fetchOptions,
}: {
  actor: Actor;
  articleId: number;
  input: RevisionInput;
  /** The article's version the person saw; a conflict when it moved since. */
  version?: number;
  fetchOptions?: FetchOptions;
}): Promise<RevisionOutcome> {
  if (!hasPermission(actor.role, "article.edit"))
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  const [article] = await getDb()
    .select({ url: articles.url })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!article) throw articleNotFound();
  // The network is read before the transaction opens: a slow page never holds the database.
  const { body, origin } = await bodyFrom(input, article.url, fetchOptions);
  return withTransaction((tx) =>
    reviseInTx(tx, { actor, articleId, body, source: input.source, origin, version }),
  );
}

/** The revision step inside an open transaction (also used by the article form's body edit). */
export async function reviseInTx(
  tx: Tx,
  {
    actor,
    articleId,
    body,
    source,
    origin = null,
    version,
  }: {
    actor: Actor;
    articleId: number;
    body: string;
    source: RevisionSource;
    origin?: string | null;
    version?: number;
  },
): Promise<RevisionOutcome> {
  const [current] = await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!current) throw articleNotFound();
  if (version !== undefined && current.version !== version) {
    throw new AppError(
      "conflict",
      `This article was changed at ${current.updatedAt.toISOString()} meanwhile.`,
      {
        details: { reason: "article_changed", at: current.updatedAt.toISOString() },
      },
    );
  }
  let latest = await latestRevisionNumber(tx, articleId);
  if (latest === 0) {
    // An article stored before revisions were kept: its body so far becomes revision 1.
    await recordFirstRevision(tx, current, "migration");
    latest = 1;
  }
  if (body === current.body) return { added: false, unchanged: true, revision: latest };
  const number = latest + 1;
  const at = new Date();
  await tx.insert(articleRevisions).values({
    articleId,
    number,
    body,
    source,
    origin,
    createdById: actor.id,
    createdAt: at,
  });
  await tx
    .update(articles)
    .set({ body, updatedAt: at, version: sql`${articles.version} + 1` })
    .where(eq(articles.id, articleId));
  const anchors = await reanchorArticleClaims(tx, { actor, articleId, body, number, at });
  return { added: true, unchanged: false, revision: number, anchors };
}

async function reanchorArticleClaims(
  tx: Tx,
  {
    actor,
    articleId,
    body,
    number,
    at,
  }: { actor: Actor; articleId: number; body: string; number: number; at: Date },
): Promise<AnchorCounts> {
  const rows = await tx.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const counts: AnchorCounts = { exact: 0, changed: 0, ambiguous: 0, orphaned: 0 };
  for (const { id, result, selector } of reanchorClaims(rows, body)) {
    const claim = byId.get(id)!;
    counts[result.state] += 1;
    if (result.state === "exact" && selector) {
      // The same words with their context: the claim is untouched, its offsets follow the text.
      await tx
        .update(claims)
        .set({
          start: selector.start,
          end: selector.end,
          prefix: selector.prefix,
          suffix: selector.suffix,
          anchorState: "exact",
          anchorRevision: number,
          anchorProposal: null,
          version: sql`${claims.version} + 1`,
        })
        .where(eq(claims.id, id));
      continue;
    }
    await flag(tx, { actor, claim, proposal: proposalOf(result, number)!, number, at });
  }
  return counts;
}

/** A claim whose words were not found unchanged: back in draft, with what was found, and an event. */
async function flag(
  tx: Tx,
  {
    actor,
    claim,
    proposal,
    number,
    at,
  }: { actor: Actor; claim: Claim; proposal: AnchorProposal; number: number; at: Date },
): Promise<void> {
  const wasApproved = claim.stage === "approved" || claim.reviewReason !== null;
  await tx
    .update(claims)
    .set({
      anchorState: proposal.state,
      anchorProposal: proposal as unknown as Record<string, unknown>,
      stage: "draft",
      ...(claim.stage !== "draft"
        ? {
            approvedById: null,
            approvedAt: null,
            submittedAt: null,
            reviewTakenById: null,
            reviewTakenAt: null,
          }
        : {}),
      reviewReason: wasApproved ? "article_changed_here" : null,
      version: sql`${claims.version} + 1`,
      updatedById: actor.id,
      updatedAt: at,
    })
    .where(eq(claims.id, claim.id));
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "reanchored",
    before: {
      stage: claim.stage,
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      revision: claim.anchorRevision,
    },
    after: {
      stage: "draft",
      state: proposal.state,
      revision: number,
      quote: proposal.state === "changed" ? proposal.quote : null,
      candidates: proposal.state === "ambiguous" ? proposal.candidates.length : 0,
      ...(wasApproved ? { reason: "article_changed_here" as const } : {}),
    },
    at,
  });
}

export type ResolveAnchorInput =
  | { id: number; version: number; how: "accepted" }
  | { id: number; version: number; how: "picked"; start: number; end: number }
  | { id: number; version: number; how: "selected"; start: number; end: number; quote: string };

/**
 * Settles a flagged claim on the latest revision: the proposed words accepted (changed), one of the
 * candidates picked (ambiguous), or words selected in the new body (any flagged state). The claim
 * stays in draft; one that was approved keeps its reason until it is approved again.
 */
export async function resolveAnchor({
  actor,
  input,
}: {
  actor: Actor;
  input: ResolveAnchorInput;
}): Promise<ClaimView> {
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, input.id);
    if (claim.version !== input.version) throw await conflict(tx, claim);
    refuse(canEditClaim(actor, facts(claim)));
    if (claim.anchorState === "exact") {
      throw new AppError("wrong_stage", "This claim is anchored to the latest text already.", {
        details: { reason: "anchor_not_flagged" },
      });
    }
    const [article] = await tx
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, claim.articleId))
      .limit(1);
    if (!article) throw articleNotFound();
    const proposal = claim.anchorProposal as AnchorProposal | null;
    let span: { start: number; end: number } | null = null;
    if (input.how === "accepted" && proposal?.state === "changed") span = proposal;
    if (input.how === "picked" && proposal?.state === "ambiguous") {
      span = proposal.candidates.find((c) => c.start === input.start && c.end === input.end) ?? null;
    }
    if (input.how === "selected" && spanIsValid(article.body, input.start, input.end, input.quote))
      span = input;
    if (!span || !spanIsValid(article.body, span.start, span.end, article.body.slice(span.start, span.end))) {
      throw new AppError("invalid_input", "These words are not one of the proposals on the latest text.", {
        fieldErrors: { quote: ["spanMismatch"] },
        details: { reason: "not_a_candidate" },
      });
    }
    const number = await latestRevisionNumber(tx, claim.articleId);
    const selector = selectorFor(article.body, span.start, span.end);
    const at = new Date();
    const [updated] = await tx
      .update(claims)
      .set({
        quote: selector.quote,
        start: selector.start,
        end: selector.end,
        prefix: selector.prefix,
        suffix: selector.suffix,
        anchorState: "exact",
        anchorRevision: number,
        anchorProposal: null,
        version: sql`${claims.version} + 1`,
        updatedById: actor.id,
        updatedAt: at,
      })
      .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
      .returning();
    if (!updated) throw await conflict(tx, await loadClaim(tx, claim.id));
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "anchor_resolved",
      before: {
        state: claim.anchorState,
        quote: claim.quote,
        start: claim.start,
        end: claim.end,
        revision: claim.anchorRevision,
      },
      after: {
        how: input.how,
        quote: selector.quote,
        start: selector.start,
        end: selector.end,
        revision: number,
        stage: updated.stage,
      },
      at,
    });
    return (await toViews(tx, [updated]))[0]!;
  });
}

export async function listRevisions({ articleId }: { articleId: number }): Promise<RevisionSummary[]> {
  const db = getDb();
  const rows = await db
    .select({
      number: articleRevisions.number,
      source: articleRevisions.source,
      origin: articleRevisions.origin,
      createdById: articleRevisions.createdById,
      createdAt: articleRevisions.createdAt,
      length: sql<number>`length(${articleRevisions.body})`.mapWith(Number),
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.number));
  const names = await userNames(
    db,
    rows.map((r) => r.createdById),
  );
  return rows.map((r) => ({
    number: r.number,
    source: r.source,
    origin: r.origin,
    createdBy: { id: r.createdById, name: names.get(r.createdById) ?? "?" },
    createdAt: r.createdAt,
    length: r.length,
  }));
}

export async function getRevisionBody({
  articleId,
  number,
}: {
  articleId: number;
  number: number;
}): Promise<string | undefined> {
  const [row] = await getDb()
    .select({ body: articleRevisions.body })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, number)))
    .limit(1);
  if (row) return row.body;
  if (number !== 1) return undefined;
  // An article from before revisions were kept has one: its body.
  const [article] = await getDb()
    .select({ body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  return article?.body;
}

/** Claims of an article whose anchor waits for a person. */
export async function countFlaggedClaims(articleId: number): Promise<number> {
  const rows = await getDb()
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), ne(claims.anchorState, "exact")));
  return rows.length;
}

export type FlaggedClaim = {
  id: number;
  articleId: number;
  articleTitle: string;
  quote: string;
  statement: string;
  anchorState: Claim["anchorState"];
  reviewReason: string | null;
};

/** Claims waiting to be re-anchored across the desk, oldest change first: the queue's tab. */
export async function listFlaggedClaims({ limit = 100 }: { limit?: number } = {}): Promise<FlaggedClaim[]> {
  return getDb()
    .select({
      id: claims.id,
      articleId: claims.articleId,
      articleTitle: articles.title,
      quote: claims.quote,
      statement: claims.statement,
      anchorState: claims.anchorState,
      reviewReason: claims.reviewReason,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(ne(claims.anchorState, "exact"))
    .orderBy(asc(claims.updatedAt), asc(claims.id))
    .limit(limit);
}

export async function countAllFlaggedClaims(): Promise<number> {
  // Shown on the queue's tabs at every view, it changes only with writes.
  const db = getDb();
  return cachedUntilWrite("anchors:flagged-count", () =>
    countRows(db, claims, ne(claims.anchorState, "exact")),
  );
}
