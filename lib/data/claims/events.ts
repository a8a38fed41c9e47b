import "server-only";
import { asc, eq } from "drizzle-orm";
import { claimEvents, users, type Claim, type ClaimEvent } from "@/lib/data/tables";
import type { EventType } from "@/lib/review/model";
import { claimEventSchema, type ClaimEventPayload } from "@/lib/validation/events";
import { getDb, type Tx } from "../connection";
import { recordOf } from "@/lib/evidence/sources";
import type { PersonRef, SourceView } from "./views";

// The fields an event records before and after; the order is the order of the history view.
export const TRACKED = [
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
export type Tracked = (typeof TRACKED)[number];
export type Snapshot = Record<Tracked, unknown> & { stage?: string };

export function snapshot(claim: Claim, sources: SourceView[]): Snapshot {
  return {
    statement: claim.statement,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    speaker: claim.speaker,
    verdict: claim.verdict,
    verdictNote: claim.verdictNote,
    silentParty: claim.silentParty,
    sources: sources.map(recordOf),
  };
}

/**
 * Appends an event to a claim's history, the only writer of claim_events. The payload is checked
 * against its type's schema (lib/validation/events.ts): a payload that does not fit is a bug, and
 * the transaction fails rather than store a history nobody can read back.
 */
export async function recordEvent(
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
): Promise<void> {
  const checked = claimEventSchema.safeParse({
    type: event.type,
    before: event.before ?? null,
    after: event.after ?? null,
    note: event.note ?? null,
  });
  if (!checked.success) {
    throw new Error(
      `A "${event.type}" event of claim ${event.claim.id} does not fit its schema: ${checked.error.message}`,
    );
  }
  const payload = checked.data;
  await tx.insert(claimEvents).values({
    claimId: event.claim.id,
    articleId: event.claim.articleId,
    actorId: event.actorId,
    type: payload.type,
    before: payload.before,
    after: payload.after,
    note: payload.note,
    createdAt: event.at,
  });
}

export type HistoryEntry = {
  id: number;
  claimId: number;
  actor: PersonRef;
  at: Date;
} & ClaimEventPayload;

/** A stored event read back through its schema; a row that does not fit is refused, not shown half. */
function readPayload(event: ClaimEvent): ClaimEventPayload {
  const checked = claimEventSchema.safeParse({
    type: event.type,
    before: event.before,
    after: event.after,
    note: event.note,
  });
  if (!checked.success) {
    throw new Error(
      `Event ${event.id} of claim ${event.claimId} does not fit its schema: ${checked.error.message}`,
    );
  }
  return checked.data;
}

export async function getClaimHistory({ claimId }: { claimId: number }): Promise<HistoryEntry[]> {
  const db = getDb();
  const rows = await db
    .select({ event: claimEvents, actorName: users.name })
    .from(claimEvents)
    .innerJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.id));
  return rows.map(({ event, actorName }) => ({
    id: event.id,
    claimId: event.claimId,
    actor: { id: event.actorId, name: actorName },
    at: event.createdAt,
    ...readPayload(event),
  }));
}
