// What the article page's workspace (components/article-workspace.tsx) and its claim form use of a
// claim. Every field given to a client component is serialized into the page's RSC payload, 50
// claims on a page, so the page sends only what the list and the reader show (ListClaim): the
// quote is the body's words between start and end (the workspace gets only claims anchored
// exactly), and a claim's details (notes, sources, who rated and approved it, its thread) load
// when the claim is opened (claimDetailsAction, app/(app)/articles/[id]/actions.ts).
// Not a client module, so that the server page and the action can call it.
import type { ClaimView } from "@/lib/data/claims";
import type { ThreadSummary } from "./thread-types";

export type WorkspaceClaim = Pick<
  ClaimView,
  | "id"
  | "start"
  | "end"
  | "quote"
  | "statement"
  | "speaker"
  | "verdict"
  | "verdictNote"
  | "silentParty"
  | "suggestedVerdict"
  | "suggestedSilentParty"
  | "stage"
  | "version"
  | "sources"
  | "ratedBy"
  | "ratedAt"
  | "approvedBy"
  | "approvedAt"
  | "returnNote"
  | "returnedBy"
  | "returnedAt"
>;

/** A claim in the page's list and reader: what shows before it is opened. */
export type ListClaim = Pick<
  ClaimView,
  "id" | "start" | "end" | "statement" | "speaker" | "verdict" | "stage" | "version"
> & {
  /** The stage badge says "returned" for a draft sent back. */
  returned: boolean;
};

/** What an opened claim shows besides its list line, and what its edit form starts from. */
export type ClaimDetails = Omit<WorkspaceClaim, keyof ListClaim | "quote"> & {
  version: number;
  thread: ThreadSummary | null;
};

export function toListClaim(c: ClaimView): ListClaim {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    statement: c.statement,
    speaker: c.speaker,
    verdict: c.verdict,
    stage: c.stage,
    version: c.version,
    returned: c.returnedAt !== null,
  };
}

export function toClaimDetails(c: ClaimView, thread: ThreadSummary | null): ClaimDetails {
  return {
    version: c.version,
    verdictNote: c.verdictNote,
    silentParty: c.silentParty,
    suggestedVerdict: c.suggestedVerdict,
    suggestedSilentParty: c.suggestedSilentParty,
    sources: c.sources,
    ratedBy: c.ratedBy,
    ratedAt: c.ratedAt,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt,
    returnNote: c.returnNote,
    returnedBy: c.returnedBy,
    returnedAt: c.returnedAt,
    thread,
  };
}

/** The whole claim the edit form needs: the list's line, its words in the body and its details. */
export function fullClaim(c: ListClaim, body: string, d: ClaimDetails): WorkspaceClaim {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    quote: body.slice(c.start, c.end),
    statement: c.statement,
    speaker: c.speaker,
    verdict: c.verdict,
    stage: c.stage,
    version: c.version,
    verdictNote: d.verdictNote,
    silentParty: d.silentParty,
    suggestedVerdict: d.suggestedVerdict,
    suggestedSilentParty: d.suggestedSilentParty,
    sources: d.sources,
    ratedBy: d.ratedBy,
    ratedAt: d.ratedAt,
    approvedBy: d.approvedBy,
    approvedAt: d.approvedAt,
    returnNote: d.returnNote,
    returnedBy: d.returnedBy,
    returnedAt: d.returnedAt,
  };
}
