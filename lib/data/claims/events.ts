import { asc, eq } from "drizzle-orm";
import { claimEvents, users, type Claim } from "@/db/tables";
import type { EventType } from "@/lib/review/model";
import { getDb, type Tx } from "../connection";
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
    sources,
  };
}

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
  await tx.insert(claimEvents).values({
    claimId: event.claim.id,
    articleId: event.claim.articleId,
    actorId: event.actorId,
    type: event.type,
    before: event.before ?? null,
    after: event.after ?? null,
    note: event.note ?? null,
    createdAt: event.at,
  });
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
  const rows = await db
    .select({ event: claimEvents, actorName: users.name })
    .from(claimEvents)
    .innerJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(asc(claimEvents.id));
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
