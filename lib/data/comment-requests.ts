import "server-only";
// Right of reply (issue 17): requests for comment on a claim, the replies that come back, and the
// parties deliberately not contacted. A request's state (waiting, overdue, answered, declined) is
// computed from its outcome, its deadline and `now` (never stored): every reader takes `now` from
// its caller (lib/clock.ts in the app, a fixed time in tests).
//
// A reply never changes the verdict. An answer flags the claim "reply received" until its verdict
// is set again (an answer logged after claims.rated_at), and a claim waiting in the queue goes back
// to its editor (lib/review/rules.ts stageAfterReply); an approved claim keeps its stage (a
// correction follows). Refusals to comment are recorded the same way but flag nothing: they confirm
// an `uncommented` verdict, whose sentence then reads "declined to comment".
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import {
  claims,
  commentRequests,
  commentWaivers,
  type Claim,
  type CommentRequest,
  type CommentWaiver,
} from "@/lib/data/tables";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { commentState, parseTimeInput, type CommentState } from "@/lib/reply/wording";
import { canRequestComment, checkRightOfReply, stageAfterReply, type Actor } from "@/lib/review";
import type { CommentChannel, ReplyOutcome } from "@/lib/review/model";
import {
  claimRightOfReplySchema,
  createCommentRequestSchema,
  notContactedSchema,
  recordReplySchema,
  type CreateCommentRequestInput,
  type NotContactedInput,
  type RecordReplyInput,
} from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse";
import type { z } from "@/lib/validation/zod";
import { getDb, withTransaction, type Tx } from "./connection";
import { recordEvent } from "./claims/events";
import { conflict, loadClaim, refuse } from "./claims/shared";
import { loadFileRefs, type PersonRef } from "./claims/views";
import type { FileRef } from "@/lib/evidence/sources";
import { checkDocument, insertFileRow, keepWith } from "./evidence";
import { notify } from "./notifications";
import { userNames } from "./user-names";

export type CommentReplyView = {
  outcome: ReplyOutcome;
  /** The document that came with the reply, kept as evidence; null when none did. */
  document: FileRef | null;
  text: string | null;
  at: Date;
  channel: CommentChannel;
  loggedBy: PersonRef | null;
  loggedAt: Date;
};

export type CommentRequestView = {
  id: number;
  claimId: number;
  articleId: number;
  party: string;
  contact: { email: string | null; phone: string | null; pressOffice: string | null; social: string | null };
  channel: CommentChannel;
  askedAt: Date;
  deadline: Date;
  askedBy: PersonRef | null;
  notes: string | null;
  state: CommentState;
  /** The reply's outcome and time, also under `reply` (flat for the wording, lib/reply/wording.ts). */
  outcome: ReplyOutcome | null;
  repliedAt: Date | null;
  /** Minutes past the deadline while overdue, else 0. */
  overdueMinutes: number;
  reply: CommentReplyView | null;
};

export type NotContactedView = {
  id: number;
  claimId: number;
  party: string;
  reason: string;
  recordedBy: PersonRef | null;
  at: Date;
};

/** A claim's right-of-reply record: its requests (oldest first) and the parties not contacted. */
export type RightOfReply = {
  requests: CommentRequestView[];
  notContacted: NotContactedView[];
  /** An answer arrived after the current verdict was set: the editor has to weigh it. */
  replyReceived: boolean;
};

function timeOf(value: string, field: string): Date {
  const at = parseTimeInput(value, getEnv().TIME_ZONE);
  if (!at) {
    throw new AppError("invalid_input", "This is not a date and time.", {
      fieldErrors: { [field]: ["invalidTime"] },
      details: { reason: "invalid_time" },
    });
  }
  return at;
}

/** Up to a few minutes ahead of the server's clock is a clock difference, not the future. */
const CLOCK_SLACK_MS = 5 * 60_000;

function toView(
  row: CommentRequest,
  names: Map<number, string>,
  now: Date,
  files: Map<number, FileRef> = new Map(),
): CommentRequestView {
  const ref = (id: number | null): PersonRef | null =>
    id === null ? null : { id, name: names.get(id) ?? "?" };
  const state = commentState(row, now);
  return {
    id: row.id,
    claimId: row.claimId,
    articleId: row.articleId,
    party: row.party,
    contact: {
      email: row.contactEmail,
      phone: row.contactPhone,
      pressOffice: row.contactPressOffice,
      social: row.contactSocial,
    },
    channel: row.channel,
    askedAt: row.askedAt,
    deadline: row.deadline,
    askedBy: ref(row.askedById),
    notes: row.notes,
    state,
    outcome: row.outcome,
    repliedAt: row.repliedAt,
    overdueMinutes: state === "overdue" ? Math.floor((now.getTime() - row.deadline.getTime()) / 60_000) : 0,
    reply:
      row.outcome && row.repliedAt && row.replyChannel && row.replyLoggedAt
        ? {
            outcome: row.outcome,
            document: row.replyFileId === null ? null : (files.get(row.replyFileId) ?? null),
            text: row.replyText,
            at: row.repliedAt,
            channel: row.replyChannel,
            loggedBy: ref(row.replyLoggedById),
            loggedAt: row.replyLoggedAt,
          }
        : null,
  };
}

async function requestViews(tx: Tx, rows: CommentRequest[], now: Date): Promise<CommentRequestView[]> {
  const names = await userNames(
    tx,
    rows.flatMap((r) => [r.askedById, r.replyLoggedById]),
  );
  const files = await loadFileRefs(
    tx,
    rows.flatMap((r) => (r.replyFileId === null ? [] : [r.replyFileId])),
  );
  return rows.map((r) => toView(r, names, now, files));
}

/** True when an answer was logged after the claim's verdict was set (or on a claim never rated). */
export function replyReceivedFor(
  claim: Pick<Claim, "ratedAt">,
  requests: readonly CommentRequestView[],
): boolean {
  return requests.some(
    (r) => r.reply?.outcome === "answered" && (claim.ratedAt === null || r.reply.loggedAt > claim.ratedAt),
  );
}

/** The right-of-reply records of several claims, by claim id, in three queries. */
export async function loadRightOfReply(
  tx: Tx,
  claimRows: Pick<Claim, "id" | "ratedAt">[],
  now: Date,
): Promise<Map<number, RightOfReply>> {
  const result = new Map<number, RightOfReply>();
  if (claimRows.length === 0) return result;
  const ids = claimRows.map((c) => c.id);
  const rows = await tx
    .select()
    .from(commentRequests)
    .where(inArray(commentRequests.claimId, ids))
    .orderBy(asc(commentRequests.askedAt), asc(commentRequests.id));
  const waivers = await tx
    .select()
    .from(commentWaivers)
    .where(inArray(commentWaivers.claimId, ids))
    .orderBy(asc(commentWaivers.id));
  const names = await userNames(tx, [
    ...rows.flatMap((r) => [r.askedById, r.replyLoggedById]),
    ...waivers.map((w) => w.recordedById),
  ]);
  const files = await loadFileRefs(
    tx,
    rows.flatMap((r) => (r.replyFileId === null ? [] : [r.replyFileId])),
  );
  for (const claim of claimRows) {
    const requests = rows.filter((r) => r.claimId === claim.id).map((r) => toView(r, names, now, files));
    result.set(claim.id, {
      requests,
      notContacted: waivers
        .filter((w) => w.claimId === claim.id)
        .map((w) => ({
          id: w.id,
          claimId: w.claimId,
          party: w.party,
          reason: w.reason,
          recordedBy: { id: w.recordedById, name: names.get(w.recordedById) ?? "?" },
          at: w.createdAt,
        })),
      replyReceived: replyReceivedFor(claim, requests),
    });
  }
  return result;
}

/** One claim's record; not_found when the claim does not exist. */
export async function getRightOfReply({
  claimId,
  now,
}: {
  claimId: number;
  now: Date;
}): Promise<RightOfReply> {
  const db = getDb();
  const claim = await loadClaim(db, claimId);
  return (await loadRightOfReply(db, [claim], now)).get(claim.id)!;
}

/** The records of every claim of an article, by claim id. */
export async function listRightOfReplyForArticle({
  articleId,
  now,
}: {
  articleId: number;
  now: Date;
}): Promise<Map<number, RightOfReply>> {
  const db = getDb();
  const rows = await db
    .select({ id: claims.id, ratedAt: claims.ratedAt })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  return loadRightOfReply(db, rows, now);
}

/** The parties a claim asked or recorded as not contacted, for checkRightOfReply. */
export async function rightOfReplyParties(
  tx: Tx,
  claimId: number,
): Promise<{ askedParties: string[]; waivedParties: string[] }> {
  const asked = await tx
    .select({ party: commentRequests.party })
    .from(commentRequests)
    .where(eq(commentRequests.claimId, claimId));
  const waived = await tx
    .select({ party: commentWaivers.party })
    .from(commentWaivers)
    .where(eq(commentWaivers.claimId, claimId));
  return { askedParties: asked.map((r) => r.party), waivedParties: waived.map((r) => r.party) };
}

/**
 * An `uncommented` claim goes to review only when its silent party was asked or recorded as not
 * contacted (lib/review/rules.ts checkRightOfReply). The rule holds by default; a desk that does not
 * want it sets RIGHT_OF_REPLY=advisory, and the record is then only shown.
 */
export async function checkRightOfReplyInTx(tx: Tx, claim: Claim): Promise<void> {
  if (getEnv().RIGHT_OF_REPLY === "advisory" || claim.verdict !== "uncommented") return;
  refuse(checkRightOfReply(claim.verdict, claim.silentParty, await rightOfReplyParties(tx, claim.id)));
}

/** The request's times, read in the desk's zone and checked: the deadline after it, not in the future. */
function requestTimes(
  data: { askedAt: string; deadline: string },
  now: Date,
  prefix = "",
): { askedAt: Date; deadline: Date } {
  const askedAt = timeOf(data.askedAt, `${prefix}askedAt`);
  const deadline = timeOf(data.deadline, `${prefix}deadline`);
  if (deadline.getTime() <= askedAt.getTime()) {
    throw new AppError("invalid_input", "The deadline must come after the request.", {
      fieldErrors: { [`${prefix}deadline`]: ["deadlineBeforeRequest"] },
      details: { reason: "deadline_before_request" },
    });
  }
  if (askedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw new AppError("invalid_input", "A request cannot have been sent in the future.", {
      fieldErrors: { [`${prefix}askedAt`]: ["timeInFuture"] },
      details: { reason: "asked_in_future" },
    });
  }
  return { askedAt, deadline };
}

type RequestValues = Omit<z.output<typeof createCommentRequestSchema>, "claimId">;

async function insertRequestInTx(
  tx: Tx,
  actor: Actor,
  claim: Claim,
  data: RequestValues,
  times: { askedAt: Date; deadline: Date },
  now: Date,
): Promise<CommentRequest> {
  const empty = (v: string) => (v === "" ? null : v);
  const [row] = await tx
    .insert(commentRequests)
    .values({
      claimId: claim.id,
      articleId: claim.articleId,
      party: data.party,
      contactEmail: empty(data.contactEmail),
      contactPhone: empty(data.contactPhone),
      contactPressOffice: empty(data.contactPressOffice),
      contactSocial: empty(data.contactSocial),
      channel: data.channel,
      askedAt: times.askedAt,
      deadline: times.deadline,
      askedById: actor.id,
      notes: empty(data.notes),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("The request for comment was not saved.");
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "comment_requested",
    after: {
      requestId: row.id,
      party: row.party,
      channel: row.channel,
      askedAt: times.askedAt.toISOString(),
      deadline: times.deadline.toISOString(),
    },
    note: row.notes,
    at: now,
  });
  return row;
}

async function insertWaiverInTx(
  tx: Tx,
  actor: Actor,
  claim: Claim,
  data: { party: string; reason: string },
  now: Date,
): Promise<CommentWaiver> {
  const [row] = await tx
    .insert(commentWaivers)
    .values({
      claimId: claim.id,
      party: data.party,
      reason: data.reason,
      recordedById: actor.id,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("The note was not saved.");
  await recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "not_contacted",
    after: { party: row.party, reason: row.reason },
    at: now,
  });
  return row;
}

/**
 * The right of reply given with a claim (its form, the API's create and update): a request to its
 * silent party or a note that it was not contacted, written in the claim's own transaction so that
 * the claim can be submitted at once. Times are checked before anything is written.
 */
export function prepareClaimRightOfReply(
  input: z.output<typeof claimRightOfReplySchema> | undefined,
  now: Date,
): ((tx: Tx, actor: Actor, claim: Claim) => Promise<void>) | null {
  if (!input) return null;
  const times = input.kind === "asked" ? requestTimes(input, now, "rightOfReply.") : null;
  return async (tx, actor, claim) => {
    refuse(canRequestComment(actor));
    const party = claim.silentParty?.trim() ?? "";
    if (claim.verdict !== "uncommented" || party === "") {
      throw new AppError(
        "invalid_input",
        'A request for comment given with the claim needs the verdict "uncommented".',
        {
          fieldErrors: { rightOfReply: ["rightOfReplyNeedsUncommented"] },
          details: { reason: "right_of_reply_needs_uncommented" },
        },
      );
    }
    if (input.kind === "asked") await insertRequestInTx(tx, actor, claim, { ...input, party }, times!, now);
    else await insertWaiverInTx(tx, actor, claim, { party, reason: input.reason }, now);
  };
}

export async function createCommentRequest({
  actor,
  input,
  now,
}: {
  actor: Actor;
  input: CreateCommentRequestInput;
  now: Date;
}): Promise<CommentRequestView> {
  const data = parseInput(createCommentRequestSchema, input);
  refuse(canRequestComment(actor));
  const times = requestTimes(data, now);
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, data.claimId);
    const row = await insertRequestInTx(tx, actor, claim, data, times, now);
    return (await requestViews(tx, [row], now))[0]!;
  });
}

/**
 * Logs the reply to a request, once. A document that came with it (a letter, a statement) is kept
 * like any evidence document (type read from its content, at most 20 MB, SHA-256) in the same
 * transaction as the reply: a refused reply leaves no file and no row behind.
 */
export async function recordReply({
  actor,
  input,
  now,
  document,
}: {
  actor: Actor;
  input: RecordReplyInput;
  now: Date;
  document?: { name: string; bytes: Uint8Array } | null;
}): Promise<{ request: CommentRequestView; stage: Claim["stage"] }> {
  const data = parseInput(recordReplySchema, input);
  refuse(canRequestComment(actor));
  const repliedAt = timeOf(data.repliedAt, "repliedAt");
  if (repliedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw new AppError("invalid_input", "A reply cannot have come in the future.", {
      fieldErrors: { repliedAt: ["timeInFuture"] },
      details: { reason: "reply_in_future" },
    });
  }
  const doc = document ? await checkDocument(document) : null;
  const write = async (tx: Tx, fileKey: string | null) => {
    const [request] = await tx
      .select()
      .from(commentRequests)
      .where(eq(commentRequests.id, data.requestId))
      .limit(1);
    if (!request) {
      throw new AppError("not_found", "This request for comment does not exist.", {
        details: { reason: "comment_request_not_found" },
      });
    }
    if (request.claimId !== data.claimId) {
      throw new AppError("invalid_input", "This request for comment belongs to another claim.", {
        fieldErrors: { requestId: ["requestOfOtherClaim"] },
        details: { reason: "request_of_other_claim" },
      });
    }
    if (repliedAt.getTime() < request.askedAt.getTime()) {
      throw new AppError("invalid_input", "The reply cannot come before the request.", {
        fieldErrors: { repliedAt: ["replyBeforeRequest"] },
        details: { reason: "reply_before_request" },
      });
    }
    const claim = await loadClaim(tx, request.claimId);
    const file =
      doc && fileKey
        ? await insertFileRow(tx, actor, fileKey, { articleId: request.articleId, kind: "document", ...doc })
        : null;
    const [updated] = await tx
      .update(commentRequests)
      .set({
        replyFileId: file?.id ?? null,
        outcome: data.outcome,
        replyText: data.text === "" ? null : data.text,
        repliedAt,
        replyChannel: data.channel,
        replyLoggedById: actor.id,
        // When it was written, by the system clock that also stamps the verdict (claims.rated_at):
        // the "reply received" flag compares the two. `now` (lib/clock.ts) only judges deadlines.
        replyLoggedAt: new Date(),
      })
      .where(and(eq(commentRequests.id, request.id), isNull(commentRequests.outcome)))
      .returning();
    if (!updated) {
      throw new AppError("conflict", "A reply to this request is already recorded.", {
        details: { reason: "reply_already_recorded" },
      });
    }
    // An answer sends a queued claim back to its editor; a refusal to comment changes nothing.
    const stage = data.outcome === "answered" ? stageAfterReply(claim.stage) : claim.stage;
    if (stage !== claim.stage) {
      const [moved] = await tx
        .update(claims)
        .set({
          stage,
          submittedAt: null,
          reviewTakenById: null,
          reviewTakenAt: null,
          version: sql`${claims.version} + 1`,
          updatedById: actor.id,
          updatedAt: now,
        })
        .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
        .returning();
      if (!moved) throw await conflict(tx, await loadClaim(tx, claim.id));
    }
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "reply_recorded",
      before: stage !== claim.stage ? { stage: claim.stage } : null,
      after: {
        requestId: updated.id,
        party: updated.party,
        outcome: data.outcome,
        channel: data.channel,
        repliedAt: repliedAt.toISOString(),
        ...(file ? { fileId: file.id, sha256: file.sha256 } : {}),
        ...(stage !== claim.stage ? { stage } : {}),
      },
      note: updated.replyText,
      at: now,
    });
    return { request: (await requestViews(tx, [updated], now))[0]!, stage };
  };
  if (doc) return keepWith("document", doc.bytes, write);
  return withTransaction((tx) => write(tx, null));
}

export async function recordNotContacted({
  actor,
  input,
  now,
}: {
  actor: Actor;
  input: NotContactedInput;
  now: Date;
}): Promise<NotContactedView> {
  const data = parseInput(notContactedSchema, input);
  refuse(canRequestComment(actor));
  return withTransaction(async (tx) => {
    const claim = await loadClaim(tx, data.claimId);
    const row = await insertWaiverInTx(tx, actor, claim, data, now);
    const names = await userNames(tx, [actor.id]);
    return {
      id: row.id,
      claimId: row.claimId,
      party: row.party,
      reason: row.reason,
      recordedBy: { id: actor.id, name: names.get(actor.id) ?? "?" },
      at: row.createdAt,
    };
  });
}

/**
 * Tells each asker, once, that a request's deadline passed without an answer ("deadline_passed"):
 * a guarded update marks the requests, so with several processes each is told by one of them.
 * Called by the outbox worker on every tick; returns how many were told.
 */
export async function tellPassedDeadlines(at: Date): Promise<number> {
  const due = and(
    isNull(commentRequests.outcome),
    isNull(commentRequests.deadlineToldAt),
    lte(commentRequests.deadline, at),
  );
  // Most ticks have nothing to tell: a read says so without the write lock and without the
  // UPDATE, whose statement trigger on PostgreSQL bumps the change counter even when it changes
  // no row, and so emptied every process's read cache every few seconds.
  const [any] = await getDb().select({ id: commentRequests.id }).from(commentRequests).where(due).limit(1);
  if (!any) return 0;
  return withTransaction(async (tx) => {
    const passed = await tx.update(commentRequests).set({ deadlineToldAt: at }).where(due).returning({
      claimId: commentRequests.claimId,
      articleId: commentRequests.articleId,
      askedById: commentRequests.askedById,
      party: commentRequests.party,
    });
    for (const request of passed) {
      await notify(tx, {
        kind: "deadline_passed",
        recipientIds: [request.askedById],
        articleId: request.articleId,
        claimId: request.claimId,
        note: request.party,
      });
    }
    return passed.length;
  });
}
