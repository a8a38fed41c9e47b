import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { articles, claimEvents, claims, claimSources, users, type Claim } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  canApprove,
  canDeleteClaim,
  canEditClaim,
  canReturn,
  canSubmit,
  canTakeForReview,
  ratedByAfterEdit,
  reviewLockActive,
  stageAfterEdit,
  type Actor,
  type Decision,
} from "@/lib/review";
import type { EventType } from "@/lib/review/model";
import { spanIsValid } from "@/lib/text/anchor";
import { parseInput } from "@/lib/validation/parse";
import {
  createClaimSchema,
  returnClaimSchema,
  updateClaimSchema,
  type CreateClaimInput,
  type ReturnClaimInput,
  type UpdateClaimInput,
} from "@/lib/validation/claim";
import type { Db } from "@/db/client";
import { cachedUntilWrite, getDb, type Tx } from "./connection";
import { userNames } from "./user-names";

export type SourceView = { url: string; title: string | null };
export type PersonRef = { id: number; name: string };

/** A claim as pages, the API and exports see it. */
export type ClaimView = {
  id: number;
  articleId: number;
  start: number;
  end: number;
  quote: string;
  statement: string;
  speaker: string | null;
  verdict: Claim["verdict"];
  verdictNote: string | null;
  silentParty: string | null;
  stage: Claim["stage"];
  version: number;
  sources: SourceView[];
  ratedBy: PersonRef | null;
  ratedAt: Date | null;
  submittedBy: PersonRef | null;
  submittedAt: Date | null;
  approvedBy: PersonRef | null;
  approvedAt: Date | null;
  returnNote: string | null;
  returnedBy: PersonRef | null;
  returnedAt: Date | null;
  reviewTakenBy: PersonRef | null;
  reviewTakenAt: Date | null;
  createdBy: PersonRef | null;
  createdAt: Date;
  updatedBy: PersonRef | null;
  updatedAt: Date;
};

// The fields an event records before and after; the order is the order of the history view.
const TRACKED = [
  "statement",
  "quote",
  "start",
  "end",
  "speaker",
  "verdict",
  "verdictNote",
  "silentParty",
  "sources",
] as const;
type Tracked = (typeof TRACKED)[number];
type Snapshot = Record<Tracked, unknown> & { stage?: string };

function snapshot(claim: Claim, sources: SourceView[]): Snapshot {
  return {
    statement: claim.statement,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    speaker: claim.speaker,
    verdict: claim.verdict,
    verdictNote: claim.verdictNote,
    silentParty: claim.silentParty,
    sources,
  };
}

function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function refuse(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.message);
}

function loadSources(tx: Tx, claimIds: number[]): Map<number, SourceView[]> {
  const bySource = new Map<number, SourceView[]>();
  if (claimIds.length === 0) return bySource;
  const rows = tx
    .select()
    .from(claimSources)
    .where(inArray(claimSources.claimId, claimIds))
    .orderBy(asc(claimSources.claimId), asc(claimSources.position))
    .all();
  for (const row of rows) {
    const list = bySource.get(row.claimId) ?? [];
    list.push({ url: row.url, title: row.title });
    bySource.set(row.claimId, list);
  }
  return bySource;
}

/** Claims as ClaimView, with their sources and the names of the people involved, in two queries. */
export function toViews(tx: Tx, rows: Claim[]): ClaimView[] {
  const sources = loadSources(
    tx,
    rows.map((r) => r.id),
  );
  const names = userNames(
    tx,
    rows.flatMap((r) => [
      r.ratedById,
      r.submittedById,
      r.approvedById,
      r.returnedById,
      r.reviewTakenById,
      r.createdById,
      r.updatedById,
    ]),
  );
  const ref = (id: number | null): PersonRef | null =>
    id === null ? null : { id, name: names.get(id) ?? "?" };
  return rows.map((r) => ({
    id: r.id,
    articleId: r.articleId,
    start: r.start,
    end: r.end,
    quote: r.quote,
    statement: r.statement,
    speaker: r.speaker,
    verdict: r.verdict,
    verdictNote: r.verdictNote,
    silentParty: r.silentParty,
    stage: r.stage,
    version: r.version,
    sources: sources.get(r.id) ?? [],
    ratedBy: ref(r.ratedById),
    ratedAt: r.ratedAt,
    submittedBy: ref(r.submittedById),
    submittedAt: r.submittedAt,
    approvedBy: ref(r.approvedById),
    approvedAt: r.approvedAt,
    returnNote: r.returnNote,
    returnedBy: ref(r.returnedById),
    returnedAt: r.returnedAt,
    reviewTakenBy: ref(r.reviewTakenById),
    reviewTakenAt: r.reviewTakenAt,
    createdBy: ref(r.createdById),
    createdAt: r.createdAt,
    updatedBy: ref(r.updatedById),
    updatedAt: r.updatedAt,
  }));
}

function recordEvent(
  tx: Tx,
  event: {
    claim: Pick<Claim, "id" | "articleId">;
    actorId: number;
    type: EventType;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    note?: string | null;
    at: Date;
  },
): void {
  tx.insert(claimEvents)
    .values({
      claimId: event.claim.id,
      articleId: event.claim.articleId,
      actorId: event.actorId,
      type: event.type,
      before: event.before ?? null,
      after: event.after ?? null,
      note: event.note ?? null,
      createdAt: event.at,
    })
    .run();
}

function writeSources(tx: Tx, claimId: number, sources: { url: string; title: string }[]): SourceView[] {
  tx.delete(claimSources).where(eq(claimSources.claimId, claimId)).run();
  const views = sources.map((s) => ({ url: s.url, title: emptyToNull(s.title) }));
  if (views.length > 0) {
    tx.insert(claimSources)
      .values(views.map((s, position) => ({ claimId, position, url: s.url, title: s.title })))
      .run();
  }
  return views;
}

function loadClaim(tx: Tx, id: number): Claim {
  const claim = tx.select().from(claims).where(eq(claims.id, id)).get();
  if (!claim) throw new AppError("not_found", "This claim does not exist or was deleted.");
  return claim;
}

function conflict(tx: Tx, claim: Claim): AppError {
  const [view] = toViews(tx, [claim]);
  const by = view?.updatedBy?.name ?? "someone";
  return new AppError("conflict", `Changed by ${by} at ${claim.updatedAt.toISOString()} meanwhile.`, {
    details: { by, at: claim.updatedAt.toISOString(), current: view },
  });
}

function facts(claim: Claim) {
  return {
    stage: claim.stage,
    verdict: claim.verdict,
    silentParty: claim.silentParty,
    ratedById: claim.ratedById,
  };
}

/** Moves a claim from draft into the queue inside an open transaction. */
function submitInTx(tx: Tx, actor: Actor, claim: Claim, at: Date): Claim {
  refuse(canSubmit(actor, facts(claim)));
  const updated = tx
    .update(claims)
    .set({
      stage: "in_review",
      submittedById: actor.id,
      submittedAt: at,
      // The return note asks for a fix; resubmitting answers it (the history keeps it).
      returnNote: null,
      returnedById: null,
      returnedAt: null,
      reviewTakenById: null,
      reviewTakenAt: null,
      version: sql`${claims.version} + 1`,
      updatedById: actor.id,
      updatedAt: at,
    })
    .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
    .returning()
    .get();
  if (!updated) throw conflict(tx, loadClaim(tx, claim.id));
  recordEvent(tx, {
    claim,
    actorId: actor.id,
    type: "submitted",
    before: { stage: claim.stage },
    after: { stage: "in_review" },
    at,
  });
  return updated;
}

export async function createClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(createClaimSchema, input);
  const db = getDb();
  return db.transaction(
    (tx) => {
      const article = tx
        .select({ id: articles.id, body: articles.body })
        .from(articles)
        .where(eq(articles.id, data.articleId))
        .get();
      if (!article) throw new AppError("not_found", "This article does not exist or was deleted.");
      if (!spanIsValid(article.body, data.start, data.end, data.quote)) {
        throw new AppError("invalid_input", "The quoted span does not match the article text.", {
          fieldErrors: { quote: ["spanMismatch"] },
        });
      }
      const at = new Date();
      const verdictSet = data.verdict !== "unrated";
      let claim = tx
        .insert(claims)
        .values({
          articleId: data.articleId,
          start: data.start,
          end: data.end,
          quote: data.quote,
          statement: data.statement,
          speaker: emptyToNull(data.speaker),
          verdict: data.verdict,
          verdictNote: emptyToNull(data.verdictNote),
          silentParty: data.verdict === "uncommented" ? emptyToNull(data.silentParty) : null,
          ratedById: verdictSet ? actor.id : null,
          ratedAt: verdictSet ? at : null,
          createdById: actor.id,
          updatedById: actor.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      const sources = writeSources(tx, claim.id, data.sources);
      recordEvent(tx, { claim, actorId: actor.id, type: "created", after: snapshot(claim, sources), at });
      if (data.submit) claim = submitInTx(tx, actor, claim, at);
      return toViews(tx, [claim])[0]!;
    },
    { behavior: "immediate" },
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function updateClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: UpdateClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(updateClaimSchema, input);
  const db = getDb();
  return db.transaction(
    (tx) => {
      let claim = loadClaim(tx, data.id);
      if (claim.version !== data.version) throw conflict(tx, claim);
      refuse(canEditClaim(actor, facts(claim)));
      const body = tx
        .select({ body: articles.body })
        .from(articles)
        .where(eq(articles.id, claim.articleId))
        .get();
      if (!body || !spanIsValid(body.body, data.start, data.end, data.quote)) {
        throw new AppError("invalid_input", "The quoted span does not match the article text.", {
          fieldErrors: { quote: ["spanMismatch"] },
        });
      }
      const currentSources = loadSources(tx, [claim.id]).get(claim.id) ?? [];
      const before = snapshot(claim, currentSources);
      const next = {
        statement: data.statement,
        quote: data.quote,
        start: data.start,
        end: data.end,
        speaker: emptyToNull(data.speaker),
        verdict: data.verdict,
        verdictNote: emptyToNull(data.verdictNote),
        silentParty: data.verdict === "uncommented" ? emptyToNull(data.silentParty) : null,
        sources: data.sources.map((s) => ({ url: s.url, title: emptyToNull(s.title) })),
      };
      const changed = TRACKED.filter((key) => !sameValue(before[key], next[key]));
      const at = new Date();
      if (changed.length > 0) {
        const stage = stageAfterEdit(claim.stage, true);
        const ratedById = ratedByAfterEdit(facts(claim), next, claim.verdictNote, actor.id);
        const rerated =
          ratedById !== claim.ratedById ||
          changed.some((k) => k === "verdict" || k === "verdictNote" || k === "silentParty");
        const updated = tx
          .update(claims)
          .set({
            statement: next.statement,
            quote: next.quote,
            start: next.start,
            end: next.end,
            speaker: next.speaker,
            verdict: next.verdict,
            verdictNote: next.verdictNote,
            silentParty: next.silentParty,
            stage,
            ratedById,
            ratedAt: rerated ? (ratedById === null ? null : at) : claim.ratedAt,
            ...(stage === "draft" && claim.stage !== "draft"
              ? {
                  approvedById: null,
                  approvedAt: null,
                  submittedAt: null,
                  reviewTakenById: null,
                  reviewTakenAt: null,
                }
              : {}),
            version: sql`${claims.version} + 1`,
            updatedById: actor.id,
            updatedAt: at,
          })
          .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
          .returning()
          .get();
        if (!updated) throw conflict(tx, loadClaim(tx, claim.id));
        if (changed.includes("sources")) writeSources(tx, claim.id, data.sources);
        const pick = (s: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, s[k]]));
        const stageChange = stage !== claim.stage ? { stage } : {};
        recordEvent(tx, {
          claim,
          actorId: actor.id,
          type: changed.includes("verdict") ? "rated" : "edited",
          before: { ...pick(before), ...(stage !== claim.stage ? { stage: claim.stage } : {}) },
          after: { ...pick(next), ...stageChange },
          at,
        });
        claim = updated;
      }
      if (data.submit && claim.stage === "draft") claim = submitInTx(tx, actor, claim, at);
      return toViews(tx, [claim])[0]!;
    },
    { behavior: "immediate" },
  );
}

export async function deleteClaim({
  actor,
  id,
  version,
}: {
  actor: Actor;
  id: number;
  version: number;
}): Promise<void> {
  const db = getDb();
  db.transaction(
    (tx) => {
      const claim = loadClaim(tx, id);
      if (claim.version !== version) throw conflict(tx, claim);
      refuse(canDeleteClaim(actor, facts(claim)));
      const sources = loadSources(tx, [id]).get(id) ?? [];
      recordEvent(tx, {
        claim,
        actorId: actor.id,
        type: "deleted",
        before: { ...snapshot(claim, sources), stage: claim.stage },
        at: new Date(),
      });
      tx.delete(claims).where(eq(claims.id, id)).run();
    },
    { behavior: "immediate" },
  );
}

export async function submitClaim({
  actor,
  id,
  version,
}: {
  actor: Actor;
  id: number;
  version?: number;
}): Promise<ClaimView> {
  return getDb().transaction(
    (tx) => {
      const claim = loadClaim(tx, id);
      if (version !== undefined && claim.version !== version) throw conflict(tx, claim);
      return toViews(tx, [submitInTx(tx, actor, claim, new Date())])[0]!;
    },
    { behavior: "immediate" },
  );
}

function alreadyDecided(tx: Tx, claim: Claim): AppError | null {
  if (claim.stage === "approved" && claim.approvedById !== null) {
    const name = userNames(tx, [claim.approvedById]).get(claim.approvedById) ?? "someone";
    return new AppError("wrong_stage", `Already approved by ${name}.`, {
      details: { decision: "approved", by: name, at: claim.approvedAt?.toISOString() },
    });
  }
  if (claim.stage === "draft" && claim.returnedById !== null && claim.returnedAt !== null) {
    const name = userNames(tx, [claim.returnedById]).get(claim.returnedById) ?? "someone";
    return new AppError("wrong_stage", `Already returned by ${name}.`, {
      details: { decision: "returned", by: name, at: claim.returnedAt.toISOString() },
    });
  }
  return null;
}

/**
 * A stale decision: the claim moved since the caller saw it at `version`. Says who decided it
 * ("Already approved by Ben") when someone did, else who changed it.
 */
function staleRefusal(tx: Tx, claim: Claim): AppError {
  return alreadyDecided(tx, claim) ?? conflict(tx, claim);
}

/**
 * Approves a claim in the queue. The check and the write happen in one IMMEDIATE transaction
 * guarded by the stage (and the version the caller saw, when given), so of two reviewers acting
 * at once exactly one succeeds and one event is written.
 */
export async function approveClaim({
  actor,
  id,
  version,
}: {
  actor: Actor;
  id: number;
  version?: number;
}): Promise<ClaimView> {
  return getDb().transaction(
    (tx) => {
      const claim = loadClaim(tx, id);
      if (version !== undefined && claim.version !== version) throw staleRefusal(tx, claim);
      if (claim.stage !== "in_review") {
        const decided = alreadyDecided(tx, claim);
        if (decided) throw decided;
      }
      refuse(canApprove(actor, facts(claim)));
      const at = new Date();
      const updated = tx
        .update(claims)
        .set({
          stage: "approved",
          approvedById: actor.id,
          approvedAt: at,
          reviewTakenById: null,
          reviewTakenAt: null,
          version: sql`${claims.version} + 1`,
          updatedById: actor.id,
          updatedAt: at,
        })
        .where(and(eq(claims.id, id), eq(claims.stage, "in_review"), eq(claims.version, claim.version)))
        .returning()
        .get();
      if (!updated) throw staleRefusal(tx, loadClaim(tx, id));
      recordEvent(tx, {
        claim,
        actorId: actor.id,
        type: "approved",
        before: { stage: claim.stage },
        after: { stage: "approved" },
        at,
      });
      return toViews(tx, [updated])[0]!;
    },
    { behavior: "immediate" },
  );
}

/**
 * Returns a claim in review (or an approved one) to draft with a note. With `version`, a claim
 * that moved since the caller saw it is refused: a return racing an approval does not undo it.
 */
export async function returnClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: ReturnClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(returnClaimSchema, input);
  return getDb().transaction(
    (tx) => {
      const claim = loadClaim(tx, data.id);
      if (data.version !== undefined && claim.version !== data.version) throw staleRefusal(tx, claim);
      if (claim.stage === "draft") {
        const decided = alreadyDecided(tx, claim);
        if (decided) throw decided;
      }
      refuse(canReturn(actor, facts(claim), data.note));
      const at = new Date();
      const updated = tx
        .update(claims)
        .set({
          stage: "draft",
          returnNote: data.note,
          returnedById: actor.id,
          returnedAt: at,
          approvedById: null,
          approvedAt: null,
          reviewTakenById: null,
          reviewTakenAt: null,
          version: sql`${claims.version} + 1`,
          updatedById: actor.id,
          updatedAt: at,
        })
        .where(and(eq(claims.id, data.id), eq(claims.stage, claim.stage), eq(claims.version, claim.version)))
        .returning()
        .get();
      if (!updated) throw staleRefusal(tx, loadClaim(tx, data.id));
      recordEvent(tx, {
        claim,
        actorId: actor.id,
        type: "returned",
        before: { stage: claim.stage },
        after: { stage: "draft" },
        note: data.note,
        at,
      });
      return toViews(tx, [updated])[0]!;
    },
    { behavior: "immediate" },
  );
}

/**
 * "I'm reviewing this": not a change to the claim, so neither its version nor its history moves.
 * While someone else holds an active take (see REVIEW_LOCK_MS), taking or releasing it is refused
 * with who has it and since when; a lapsed take may be taken over.
 */
export async function setReviewTaken({
  actor,
  id,
  taken,
}: {
  actor: Actor;
  id: number;
  taken: boolean;
}): Promise<ClaimView> {
  return getDb().transaction(
    (tx) => {
      const claim = loadClaim(tx, id);
      refuse(canTakeForReview(actor, facts(claim)));
      const at = new Date();
      const holder = claim.reviewTakenById;
      if (holder !== null && holder !== actor.id && reviewLockActive(claim.reviewTakenAt, at)) {
        const name = userNames(tx, [holder]).get(holder) ?? "someone";
        throw new AppError("conflict", `${name} is reviewing this claim.`, {
          details: { decision: "taken", by: name, at: claim.reviewTakenAt?.toISOString() },
        });
      }
      if (!taken && holder !== actor.id) return toViews(tx, [claim])[0]!;
      const updated = tx
        .update(claims)
        .set(
          taken
            ? { reviewTakenById: actor.id, reviewTakenAt: at }
            : { reviewTakenById: null, reviewTakenAt: null },
        )
        .where(eq(claims.id, id))
        .returning()
        .get();
      return toViews(tx, [updated ?? claim])[0]!;
    },
    { behavior: "immediate" },
  );
}

export async function getClaimById({ id }: { id: number }): Promise<ClaimView | undefined> {
  const db = getDb();
  const row = db.select().from(claims).where(eq(claims.id, id)).get();
  return row ? toViews(db, [row])[0] : undefined;
}

export async function listClaimsForArticle({ articleId }: { articleId: number }): Promise<ClaimView[]> {
  const db = getDb();
  const rows = db
    .select()
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.start), asc(claims.end), asc(claims.id))
    .all();
  return toViews(db, rows);
}

export type HistoryEntry = {
  id: number;
  claimId: number;
  type: EventType;
  actor: PersonRef;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  at: Date;
};

export async function getClaimHistory({ claimId }: { claimId: number }): Promise<HistoryEntry[]> {
  const db = getDb();
  const rows = db
    .select({ event: claimEvents, actorName: users.name })
    .from(claimEvents)
    .innerJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.id))
    .all();
  return rows.map(({ event, actorName }) => ({
    id: event.id,
    claimId: event.claimId,
    type: event.type,
    actor: { id: event.actorId, name: actorName },
    before: event.before,
    after: event.after,
    note: event.note,
    at: event.createdAt,
  }));
}

/**
 * Speakers already used, most frequent first, for the claim form's autocomplete. Counting them
 * reads an index entry per claim (milliseconds at 100,000 claims, on every article page), so the
 * answer is kept until the next write.
 */
export async function listSpeakers({ prefix, limit = 50 }: { prefix?: string; limit?: number } = {}): Promise<
  string[]
> {
  const db = getDb();
  return [
    ...cachedUntilWrite(db, `speakers:${prefix ?? ""}:${limit}`, () => readSpeakers(db, prefix, limit)),
  ];
}

function readSpeakers(db: Db, prefix: string | undefined, limit: number): string[] {
  const rows = db
    .select({ speaker: claims.speaker, n: sql<number>`count(*)` })
    .from(claims)
    .where(
      prefix
        ? and(
            sql`${claims.speaker} IS NOT NULL`,
            sql`${claims.speaker} LIKE ${`${prefix.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'`,
          )
        : sql`${claims.speaker} IS NOT NULL`,
    )
    .groupBy(claims.speaker)
    .orderBy(sql`count(*) DESC`, asc(claims.speaker))
    .limit(limit)
    .all();
  return rows.map((r) => r.speaker).filter((s): s is string => s !== null);
}
