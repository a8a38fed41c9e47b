import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { articles, claims } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { canDeleteClaim, canEditClaim, ratedByAfterEdit, stageAfterEdit, type Actor } from "@/lib/review";
import { toRecord } from "@/lib/evidence/sources";
import { spanIsValid } from "@/lib/text/anchor";
import { selectorFor } from "@/lib/text/reanchor";
import { parseInput } from "@/lib/validation/parse";
import {
  createClaimSchema,
  updateClaimSchema,
  type CreateClaimInput,
  type UpdateClaimInput,
} from "@/lib/validation/claim";
import { prepareClaimRightOfReply } from "../comment-requests";
import { withTransaction } from "../connection";
import { latestRevisionNumber } from "../revisions";
import { recordCorrection, requireCorrectionNote, versionToCorrect } from "../corrections";
import { userNames } from "../user-names";
import { recordEvent, snapshot, TRACKED } from "./events";
import { submitInTx } from "./review";
import { conflict, emptyToNull, facts, loadClaim, refuse, writeSources } from "./shared";
import { loadSources, toViews, type ClaimView } from "./views";

export async function createClaim({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateClaimInput;
}): Promise<ClaimView> {
  const data = parseInput(createClaimSchema, input);
  const rightOfReply = prepareClaimRightOfReply(data.rightOfReply, new Date());
  return withTransaction(async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, body: articles.body })
      .from(articles)
      .where(eq(articles.id, data.articleId))
      .limit(1);
    if (!article) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }
    if (!spanIsValid(article.body, data.start, data.end, data.quote)) {
      throw new AppError("invalid_input", "The quoted span does not match the article text.", {
        fieldErrors: { quote: ["spanMismatch"] },
        details: { reason: "span_mismatch" },
      });
    }
    const at = new Date();
    const verdictSet = data.verdict !== "unrated";
    // An accepted suggestion's verdict is a proposal, not a verdict anyone gave.
    const proposed =
      data.suggestion?.verdict && data.suggestion.verdict !== "unrated" ? data.suggestion : null;
    let [claim] = await tx
      .insert(claims)
      .values({
        articleId: data.articleId,
        start: data.start,
        end: data.end,
        quote: data.quote,
        prefix: selectorFor(article.body, data.start, data.end).prefix,
        suffix: selectorFor(article.body, data.start, data.end).suffix,
        anchorRevision: Math.max(1, await latestRevisionNumber(tx, data.articleId)),
        statement: data.statement,
        speaker: emptyToNull(data.speaker),
        verdict: data.verdict,
        verdictNote: emptyToNull(data.verdictNote),
        silentParty: data.verdict === "uncommented" ? emptyToNull(data.silentParty) : null,
        suggestedVerdict: proposed?.verdict ?? null,
        suggestedSilentParty:
          proposed?.verdict === "uncommented" ? emptyToNull(proposed.silentParty ?? "") : null,
        ratedById: verdictSet ? actor.id : null,
        ratedAt: verdictSet ? at : null,
        createdById: actor.id,
        updatedById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!claim) throw new Error("The claim was not saved.");
    await writeSources(tx, claim, data.sources);
    const sources = (await loadSources(tx, [claim.id])).get(claim.id) ?? [];
    const origin = data.suggestion
      ? {
          origin: "suggestion",
          suggestedVerdict: claim.suggestedVerdict,
          suggestedSilentParty: claim.suggestedSilentParty,
        }
      : {};
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "created",
      after: { ...snapshot(claim, sources), ...origin },
      at,
    });
    if (rightOfReply) await rightOfReply(tx, actor, claim);
    if (data.submit) claim = await submitInTx(tx, actor, claim, at);
    return (await toViews(tx, [claim]))[0]!;
  });
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
  const rightOfReply = prepareClaimRightOfReply(data.rightOfReply, new Date());
  return withTransaction(async (tx) => {
    let claim = await loadClaim(tx, data.id);
    if (claim.version !== data.version) throw await conflict(tx, claim);
    refuse(canEditClaim(actor, facts(claim)));
    const [body] = await tx
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, claim.articleId))
      .limit(1);
    if (!body || !spanIsValid(body.body, data.start, data.end, data.quote)) {
      throw new AppError("invalid_input", "The quoted span does not match the article text.", {
        fieldErrors: { quote: ["spanMismatch"] },
        details: { reason: "span_mismatch" },
      });
    }
    const currentSources = (await loadSources(tx, [claim.id])).get(claim.id) ?? [];
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
      sources: data.sources.map(toRecord),
    };
    const changed = TRACKED.filter((key) => !sameValue(before[key], next[key]));
    const at = new Date();
    // A claim of the latest published summary: its first change since asks for a correction note.
    const corrected = changed.length > 0 ? await versionToCorrect(tx, claim) : null;
    const correctionNote = corrected ? requireCorrectionNote(data.correctionNote) : null;
    if (changed.length > 0) {
      const stage = stageAfterEdit(claim.stage, true);
      const ratedById = ratedByAfterEdit(facts(claim), next, claim.verdictNote, actor.id);
      const rerated =
        ratedById !== claim.ratedById ||
        changed.some((k) => k === "verdict" || k === "verdictNote" || k === "silentParty");
      const [updated] = await tx
        .update(claims)
        .set({
          statement: next.statement,
          quote: next.quote,
          start: next.start,
          end: next.end,
          // A span chosen on the latest text is anchored there, whatever state it was in.
          ...(changed.some((k) => k === "quote" || k === "start" || k === "end")
            ? {
                prefix: selectorFor(body.body, next.start, next.end).prefix,
                suffix: selectorFor(body.body, next.start, next.end).suffix,
                anchorState: "exact" as const,
                anchorRevision: Math.max(1, await latestRevisionNumber(tx, claim.articleId)),
                anchorProposal: null,
              }
            : {}),
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
        .returning();
      if (!updated) throw await conflict(tx, await loadClaim(tx, claim.id));
      if (changed.includes("sources")) await writeSources(tx, claim, data.sources);
      const pick = (s: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, s[k]]));
      const stageChange = stage !== claim.stage ? { stage } : {};
      // Replacing someone else's verdict (a reviewer rewriting an editor's) is an override: the
      // history names whose verdict it was, so nobody's rating disappears silently.
      const overridden =
        rerated && claim.ratedById !== null && claim.ratedById !== actor.id && claim.verdict !== "unrated"
          ? {
              override: {
                id: claim.ratedById,
                name: (await userNames(tx, [claim.ratedById])).get(claim.ratedById) ?? "?",
                stage: claim.stage,
              },
            }
          : {};
      await recordEvent(tx, {
        claim,
        actorId: actor.id,
        type: changed.includes("verdict") ? "rated" : "edited",
        before: { ...pick(before), ...(stage !== claim.stage ? { stage: claim.stage } : {}) },
        after: { ...pick(next), ...stageChange, ...overridden },
        ...(correctionNote ? { note: correctionNote } : {}),
        at,
      });
      if (corrected && correctionNote) {
        await recordCorrection(tx, {
          claim,
          version: corrected,
          note: correctionNote,
          before: pick(before),
          after: pick(next),
          actorId: actor.id,
          at,
        });
      }
      claim = updated;
    }
    if (rightOfReply) await rightOfReply(tx, actor, claim);
    if (data.submit && claim.stage === "draft") claim = await submitInTx(tx, actor, claim, at);
    return (await toViews(tx, [claim]))[0]!;
  });
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
  await withTransaction(async (tx) => {
    const claim = await loadClaim(tx, id);
    if (claim.version !== version) throw await conflict(tx, claim);
    refuse(canDeleteClaim(actor, facts(claim)));
    const sources = (await loadSources(tx, [id])).get(id) ?? [];
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "deleted",
      before: { ...snapshot(claim, sources), stage: claim.stage },
      at: new Date(),
    });
    await tx.delete(claims).where(eq(claims.id, id));
  });
}
