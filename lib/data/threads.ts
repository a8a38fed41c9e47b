import "server-only";
// The desk as a team (issue 18): a thread of messages under each claim, @mentions, the reviewer a
// claim in review is given to, the editor an article belongs to, and "My work". Messages are
// history: a message is never changed or removed, an edit adds a text version (triggers in
// db/migrations*/…_threads_triggers.sql refuse the rest).
//
// The people concerned are notified (lib/data/notifications.ts) inside each write's transaction:
// the accounts a message mentions, and the reviewer a claim is given to.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  articles,
  claimEvents,
  claimMentions,
  claimMessages,
  claimMessageVersions,
  claims,
  users,
} from "@/lib/data/tables";
import { AppError, toFailure, type ErrorCode } from "@/lib/errors";
import { canAssignReviewer, hasPermission, type Actor } from "@/lib/review";
import { EMPTY_CONTEXT } from "@/lib/text/context";
import { parseInput } from "@/lib/validation/parse";
import {
  articleOwnerSchema,
  assignClaimSchema,
  bulkAssignSchema,
  editMessageSchema,
  postMessageSchema,
  type EditMessageInput,
  type PostMessageInput,
} from "@/lib/validation/threads";
import { toViews, type ClaimView, type PersonRef } from "./claims";
import {
  addMessageInTx,
  messageNotFound,
  messageViews,
  resolveMentions,
  type Account,
  type MessageOutcome,
  type MessageView,
} from "./thread-messages";
import { TRACKED, recordEvent, type Tracked } from "./claims/events";
import { loadClaim, refuse } from "./claims/shared";
import { cachedUntilWrite, getDb, withTransaction, type Tx } from "./connection";
import { notificationBatch, notify } from "./notifications";
import { countReturnedTo, listReturnedTo, type QueueItem } from "./queue";
import { listActiveAccounts, userNames } from "./user-names";

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export type { MessageOutcome, MessageView, MessageVersionView } from "./thread-messages";

/** A message in a claim's thread, by anyone who may discuss claims; the claim must still exist. */
export async function addMessage({
  actor,
  input,
}: {
  actor: Actor;
  input: PostMessageInput;
}): Promise<MessageOutcome> {
  if (!hasPermission(actor.role, "claim.discuss")) {
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  }
  const data = parseInput(postMessageSchema, input);
  const outcome = await withTransaction(async (tx) => {
    const claim = await loadClaim(tx, data.claimId);
    return addMessageInTx(tx, { actor, claim, body: data.body, kind: "message", at: new Date() });
  });
  return outcome;
}

/**
 * An edit of one's own message: a new text version; the earlier ones stay, in the thread and in
 * the claim's history. Accounts the new text mentions for the first time are mentioned now.
 */
export async function editMessage({
  actor,
  input,
}: {
  actor: Actor;
  input: EditMessageInput;
}): Promise<MessageOutcome> {
  const data = parseInput(editMessageSchema, input);
  const outcome = await withTransaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(claimMessages)
      .where(eq(claimMessages.id, data.messageId))
      .limit(1);
    if (!message) throw messageNotFound();
    if (message.authorId !== actor.id) {
      throw new AppError("forbidden", "Only its author can edit a message.", {
        details: { reason: "message_edit_forbidden" },
      });
    }
    const [current] = await messageViews(tx, [message.id]);
    if (current!.body === data.body) return { message: current!, mentionedIds: [] };
    const at = new Date();
    const mentioned = await resolveMentions(tx, data.body, actor.id);
    const already = new Set(current!.mentions.map((m) => m.id));
    const fresh = mentioned.filter((m) => !already.has(m.id));
    const [version] = await tx
      .insert(claimMessageVersions)
      .values({ messageId: message.id, body: data.body, createdAt: at })
      .returning();
    if (fresh.length > 0) {
      await tx.insert(claimMentions).values(
        fresh.map((m) => ({
          messageId: message.id,
          versionId: version!.id,
          claimId: message.claimId,
          articleId: message.articleId,
          mentionedId: m.id,
          actorId: actor.id,
          createdAt: at,
        })),
      );
    }
    await recordEvent(tx, {
      claim: { id: message.claimId, articleId: message.articleId },
      actorId: actor.id,
      type: "message_edited",
      before: { messageId: message.id, text: current!.body },
      after: { messageId: message.id, mentions: fresh.map((m) => ({ id: m.id, name: m.name })) },
      note: data.body,
      at,
    });
    await notify(tx, {
      kind: "mentioned",
      recipientIds: fresh.map((m) => m.id),
      actorId: actor.id,
      articleId: message.articleId,
      claimId: message.claimId,
      note: data.body,
    });
    const [view] = await messageViews(tx, [message.id]);
    return { message: view!, mentionedIds: fresh.map((m) => m.id) };
  });
  return outcome;
}

/** A claim's thread, oldest message first. */
export async function getThread({ claimId }: { claimId: number }): Promise<MessageView[]> {
  const db = getDb();
  const ids = await db
    .select({ id: claimMessages.id })
    .from(claimMessages)
    .where(eq(claimMessages.claimId, claimId))
    .orderBy(asc(claimMessages.id));
  return messageViews(
    db,
    ids.map((r) => r.id),
  );
}

/** Accounts a message may mention (the composer's autocomplete): active ones, by name. */
export async function listMentionable(): Promise<{ id: number; name: string; handle: string }[]> {
  const rows = await getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
  const local = (email: string) => email.slice(0, email.lastIndexOf("@")).toLowerCase();
  // A local part two accounts share is written as the whole address.
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(local(r.email), (counts.get(local(r.email)) ?? 0) + 1);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    handle: (counts.get(local(r.email)) ?? 0) > 1 ? r.email.toLowerCase() : local(r.email),
  }));
}

// ---------------------------------------------------------------------------------------------
// What a reviewer sees of a resubmitted claim, and the queue's digests
// ---------------------------------------------------------------------------------------------

/** A claim back in the queue after a return: who returned it, why, and which fields changed since. */
export type SinceReturned = {
  returnedBy: PersonRef;
  returnedAt: Date;
  note: string | null;
  fields: Tracked[];
};

export type ThreadDigest = {
  claimId: number;
  count: number;
  /** The last messages, oldest first (at most DIGEST_MESSAGES). */
  last: MessageView[];
  sinceReturned: SinceReturned | null;
  /** The reviewer the claim is given to, if anyone. */
  assignedTo: PersonRef | null;
};

export const DIGEST_MESSAGES = 2;

/**
 * For each claim: its message count, last messages and, when it is in review after having been
 * returned, what changed since the last return (from the claim's "edited" and "rated" events).
 */
export async function listThreadDigests({
  claimIds,
}: {
  claimIds: number[];
}): Promise<Map<number, ThreadDigest>> {
  const result = new Map<number, ThreadDigest>();
  if (claimIds.length === 0) return result;
  const db = getDb();
  const messageRows = await db
    .select({ id: claimMessages.id, claimId: claimMessages.claimId })
    .from(claimMessages)
    .where(inArray(claimMessages.claimId, claimIds))
    .orderBy(asc(claimMessages.id));
  const lastIds = new Map<number, number[]>();
  const counts = new Map<number, number>();
  for (const row of messageRows) {
    counts.set(row.claimId, (counts.get(row.claimId) ?? 0) + 1);
    const list = lastIds.get(row.claimId) ?? [];
    list.push(row.id);
    if (list.length > DIGEST_MESSAGES) list.shift();
    lastIds.set(row.claimId, list);
  }
  const views = await messageViews(db, [...lastIds.values()].flat());
  // Each claim by its key, with its assignee: no condition on the stage here, which SQLite would
  // answer by walking every claim in review (claims_stage_assigned_idx) instead of these few.
  const claimRows = await db
    .select({ id: claims.id, stage: claims.stage, assigneeId: users.id, assigneeName: users.name })
    .from(claims)
    .leftJoin(users, eq(users.id, claims.assignedToId))
    .where(inArray(claims.id, claimIds));
  const assigned = new Map<number, PersonRef>();
  for (const row of claimRows) {
    if (row.assigneeId !== null && row.assigneeName !== null) {
      assigned.set(row.id, { id: row.assigneeId, name: row.assigneeName });
    }
  }
  const since = await sinceReturnedOf(
    db,
    claimRows.filter((row) => row.stage === "in_review").map((row) => row.id),
  );
  for (const claimId of claimIds) {
    result.set(claimId, {
      claimId,
      count: counts.get(claimId) ?? 0,
      last: views.filter((v) => v.claimId === claimId),
      sinceReturned: since.get(claimId) ?? null,
      assignedTo: assigned.get(claimId) ?? null,
    });
  }
  return result;
}

const SINCE_RETURNED_EVENTS: ReadonlySet<string> = new Set(["returned", "edited", "rated"]);

/** What changed since the last return, for claims in review (`reviewIds`). */
async function sinceReturnedOf(tx: Tx, reviewIds: number[]): Promise<Map<number, SinceReturned>> {
  if (reviewIds.length === 0) return new Map();
  // Every event of these claims (a few each), their type picked here: with the type (or the
  // claim's stage) in the WHERE clause SQLite walked claim_events_type_created_idx, every "rated"
  // and "returned" event of the desk (about a second for 50 claims among the bench's 300,000
  // events), instead of the claims' own index.
  const rows = await tx
    .select({ event: claimEvents, actorName: users.name })
    .from(claimEvents)
    .innerJoin(users, eq(users.id, claimEvents.actorId))
    .where(inArray(claimEvents.claimId, reviewIds))
    .orderBy(asc(claimEvents.id));
  const result = new Map<number, SinceReturned>();
  const changed = new Map<number, Set<string>>();
  for (const { event, actorName } of rows) {
    if (!SINCE_RETURNED_EVENTS.has(event.type)) continue;
    if (event.type === "returned") {
      result.set(event.claimId, {
        returnedBy: { id: event.actorId, name: actorName },
        returnedAt: event.createdAt,
        note: event.note,
        fields: [],
      });
      changed.set(event.claimId, new Set());
    } else {
      const set = changed.get(event.claimId);
      for (const key of Object.keys(event.after ?? {})) set?.add(key);
    }
  }
  for (const [claimId, entry] of result) {
    const set = changed.get(claimId)!;
    entry.fields = TRACKED.filter((field) => set.has(field));
  }
  return result;
}

/** One claim's digest (the claim page, the thread panel). */
export async function getThreadDigest({ claimId }: { claimId: number }): Promise<ThreadDigest> {
  return (await listThreadDigests({ claimIds: [claimId] })).get(claimId)!;
}

// ---------------------------------------------------------------------------------------------
// Assignment
// ---------------------------------------------------------------------------------------------

async function loadAccount(tx: Tx, id: number): Promise<Account> {
  const [account] = await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!account) {
    throw new AppError("not_found", "This account does not exist.", {
      details: { reason: "account_not_found" },
    });
  }
  if (!account.active) {
    throw new AppError("invalid_input", `${account.name}'s account is deactivated.`, {
      details: { reason: "assignee_deactivated", name: account.name },
    });
  }
  return account;
}

export type AssignOutcome = {
  claim: ClaimView;
  /** Whom the claim is now given to, when that changed (they are notified); null otherwise. */
  assignedId: number | null;
};

async function assignInTx(
  tx: Tx,
  actor: Actor,
  id: number,
  assigneeId: number | null,
): Promise<AssignOutcome> {
  const claim = await loadClaim(tx, id);
  const assignee = assigneeId === null ? null : await loadAccount(tx, assigneeId);
  refuse(
    canAssignReviewer(
      actor,
      {
        stage: claim.stage,
        verdict: claim.verdict,
        silentParty: claim.silentParty,
        ratedById: claim.ratedById,
      },
      assignee,
    ),
  );
  if (claim.assignedToId === (assignee?.id ?? null)) {
    return { claim: (await toViews(tx, [claim]))[0]!, assignedId: null };
  }
  const at = new Date();
  // Not a change of the claim's content: its version stays, so nobody's open form goes stale.
  const [updated] = await tx
    .update(claims)
    .set({ assignedToId: assignee?.id ?? null, assignedAt: assignee ? at : null })
    .where(eq(claims.id, id))
    .returning();
  const previous =
    claim.assignedToId === null
      ? null
      : {
          id: claim.assignedToId,
          name: (await userNames(tx, [claim.assignedToId])).get(claim.assignedToId) ?? "?",
        };
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "assigned",
    before: { assignedTo: previous },
    after: { assignedTo: assignee ? { id: assignee.id, name: assignee.name } : null },
    at,
  });
  if (assignee) {
    await notify(tx, {
      kind: "assigned",
      recipientIds: [assignee.id],
      actorId: actor.id,
      articleId: updated!.articleId,
      claimId: updated!.id,
    });
  }
  return { claim: (await toViews(tx, [updated!]))[0]!, assignedId: assignee?.id ?? null };
}

/**
 * Gives a claim in review to a reviewer (or, with null, takes it back). Refused when the reviewer
 * set its verdict (four eyes: they could not approve it), is not a reviewer, or is deactivated.
 */
export async function assignClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: { id: number; assigneeId: number | null };
}): Promise<AssignOutcome> {
  const data = parseInput(assignClaimSchema, input);
  return withTransaction((tx) => assignInTx(tx, actor, data.id, data.assigneeId));
}

export type BulkAssignOutcome =
  | { id: number; ok: true }
  | { id: number; ok: false; code: ErrorCode; message: string; details: Record<string, unknown> };

/**
 * Assigns several claims to one reviewer, each checked on its own (like bulk approval): a claim
 * that cannot be given to them (their own verdict, no longer in review) does not stop the others.
 * The assignments that took place are in `assigned`, for one notification of the lot.
 */
export async function assignEach({
  actor,
  input,
}: {
  actor: Actor;
  input: { ids: number[]; assigneeId: number | null };
}): Promise<{ outcomes: BulkAssignOutcome[]; assigned: number[] }> {
  const data = parseInput(bulkAssignSchema, input);
  const outcomes: BulkAssignOutcome[] = [];
  const assigned: number[] = [];
  // One batch: the reviewer gets one e-mail for the lot, not one per claim.
  await notificationBatch(async () => {
    for (const id of [...new Set(data.ids)]) {
      try {
        const outcome = await withTransaction((tx) => assignInTx(tx, actor, id, data.assigneeId));
        if (outcome.assignedId !== null) assigned.push(id);
        outcomes.push({ id, ok: true });
      } catch (error) {
        const failure = toFailure(error);
        const { current, ...details } = failure.details ?? {};
        void current;
        outcomes.push({ id, ok: false, code: failure.code, message: failure.message, details });
      }
    }
  });
  return { outcomes, assigned };
}

/** Reviewers a claim can be given to: active reviewers and admins, by name. */
export async function listAssignableReviewers(): Promise<PersonRef[]> {
  return listActiveAccounts((account) => account.role === "reviewer" || account.role === "admin");
}

/** Editors an article can be given to: every active account (all of them edit). */
export async function listPossibleOwners(): Promise<PersonRef[]> {
  return listActiveAccounts();
}

/** The editor an article belongs to: its owner, else (articles older than owners) its creator. */
export async function getArticleOwner({ articleId }: { articleId: number }): Promise<PersonRef | null> {
  const [row] = await getDb()
    .select({ id: users.id, name: users.name })
    .from(articles)
    .innerJoin(users, eq(users.id, sql`coalesce(${articles.ownerId}, ${articles.createdById})`))
    .where(eq(articles.id, articleId))
    .limit(1);
  return row ?? null;
}

/** Gives an article to an editor; not a change of its content, so its version stays. */
export async function setArticleOwner({
  actor,
  input,
}: {
  actor: Actor;
  input: { articleId: number; ownerId: number };
}): Promise<{ articleId: number; owner: PersonRef; changed: boolean }> {
  if (!hasPermission(actor.role, "article.assign")) {
    throw new AppError("forbidden", "Your role does not allow this.", { details: { reason: "role" } });
  }
  const data = parseInput(articleOwnerSchema, input);
  const result = await withTransaction(async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, ownerId: articles.ownerId, createdById: articles.createdById })
      .from(articles)
      .where(eq(articles.id, data.articleId))
      .limit(1);
    if (!article) {
      throw new AppError("not_found", "This article does not exist.", {
        details: { reason: "article_not_found" },
      });
    }
    const owner = await loadAccount(tx, data.ownerId);
    const changed = (article.ownerId ?? article.createdById) !== owner.id;
    if (changed || article.ownerId === null) {
      await tx.update(articles).set({ ownerId: owner.id }).where(eq(articles.id, article.id));
    }
    // The new owner is told the article is theirs ("assigned", on the article).
    if (changed) {
      await notify(tx, {
        kind: "assigned",
        recipientIds: [owner.id],
        actorId: actor.id,
        articleId: article.id,
      });
    }
    return { articleId: article.id, owner: { id: owner.id, name: owner.name }, changed };
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// My work
// ---------------------------------------------------------------------------------------------

export type MyArticle = {
  id: number;
  title: string;
  createdAt: Date;
  total: number;
  approved: number;
  inReview: number;
  returned: number;
};

export type MyMention = {
  id: number;
  at: Date;
  by: PersonRef;
  claimId: number;
  articleId: number;
  articleTitle: string;
  statement: string | null;
  excerpt: string;
};

export type MyWork = {
  articles: MyArticle[];
  returned: QueueItem[];
  assigned: QueueItem[];
  mentions: MyMention[];
};

export const MY_WORK_LIMIT = 50;

function ownedBy(userId: number) {
  return or(eq(articles.ownerId, userId), and(isNull(articles.ownerId), eq(articles.createdById, userId)));
}

/** Claims in review given to this reviewer, longest waiting first. */
export async function listAssignedTo({
  userId,
  limit = MY_WORK_LIMIT,
}: {
  userId: number;
  limit?: number;
}): Promise<QueueItem[]> {
  const db = getDb();
  const rows = await db
    .select({ claim: claims, articleTitle: articles.title })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.stage, "in_review"), eq(claims.assignedToId, userId)))
    .orderBy(asc(claims.submittedAt), asc(claims.id))
    .limit(limit);
  const views = await toViews(
    db,
    rows.map((r) => r.claim),
  );
  return views.map((view, i) => ({
    ...view,
    articleTitle: rows[i]!.articleTitle,
    context: EMPTY_CONTEXT,
  }));
}

export async function getMyWork({ userId }: { userId: number }): Promise<MyWork> {
  const db = getDb();
  const articleRows = await db
    .select({
      id: articles.id,
      title: articles.title,
      createdAt: articles.createdAt,
      total: sql<number>`count(${claims.id})`,
      approved: sql<number>`count(case when ${claims.stage} = 'approved' then 1 end)`,
      inReview: sql<number>`count(case when ${claims.stage} = 'in_review' then 1 end)`,
      returned: sql<number>`count(case when ${claims.stage} = 'draft' and ${claims.returnNote} is not null then 1 end)`,
    })
    .from(articles)
    .leftJoin(claims, eq(claims.articleId, articles.id))
    .where(ownedBy(userId))
    .groupBy(articles.id, articles.title, articles.createdAt)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(MY_WORK_LIMIT);
  const [returned, assigned, mentions] = await Promise.all([
    listReturnedTo({ userId, limit: MY_WORK_LIMIT }),
    listAssignedTo({ userId }),
    listMentionsOf({ userId }),
  ]);
  return {
    articles: articleRows.map((a) => ({
      ...a,
      total: Number(a.total),
      approved: Number(a.approved),
      inReview: Number(a.inReview),
      returned: Number(a.returned),
    })),
    returned,
    assigned,
    mentions,
  };
}

/** The latest mentions of this account, newest first, each with the message text it is in. */
export async function listMentionsOf({
  userId,
  limit = MY_WORK_LIMIT,
}: {
  userId: number;
  limit?: number;
}): Promise<MyMention[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: claimMentions.id,
      at: claimMentions.createdAt,
      actorId: claimMentions.actorId,
      actorName: users.name,
      claimId: claimMentions.claimId,
      articleId: claimMentions.articleId,
      articleTitle: articles.title,
      statement: claims.statement,
      excerpt: claimMessageVersions.body,
    })
    .from(claimMentions)
    .innerJoin(users, eq(users.id, claimMentions.actorId))
    .innerJoin(claimMessageVersions, eq(claimMessageVersions.id, claimMentions.versionId))
    .innerJoin(articles, eq(articles.id, claimMentions.articleId))
    .leftJoin(claims, eq(claims.id, claimMentions.claimId))
    .where(eq(claimMentions.mentionedId, userId))
    .orderBy(desc(claimMentions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    by: { id: r.actorId, name: r.actorName },
    claimId: r.claimId,
    articleId: r.articleId,
    articleTitle: r.articleTitle,
    statement: r.statement,
    excerpt: r.excerpt.length > 280 ? `${r.excerpt.slice(0, 279)}…` : r.excerpt,
  }));
}

/** The counts of the header's "My work" badge: claims returned to me and claims given to me. */
export async function countMyWork({
  userId,
}: {
  userId: number;
}): Promise<{ returned: number; assigned: number }> {
  // On every page (the header's badge): kept until the next write, as the queue's count is.
  return cachedUntilWrite(`my-work:${userId}`, () => readMyWorkCounts(userId));
}

async function readMyWorkCounts(userId: number): Promise<{ returned: number; assigned: number }> {
  const db = getDb();
  const [returned, assignedRows] = await Promise.all([
    countReturnedTo({ userId }),
    db
      .select({ n: sql<number>`count(*)` })
      .from(claims)
      .where(and(eq(claims.stage, "in_review"), eq(claims.assignedToId, userId))),
  ]);
  return { returned, assigned: Number(assignedRows[0]?.n ?? 0) };
}
