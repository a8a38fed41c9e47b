// What the article page's workspace (components/article-workspace.tsx) and its claim form use of a
// claim, and nothing else: every field given to a client component is serialized into the page's
// RSC payload, 50 claims on a page. Not a client module, so that the server page can call it.
import type { ClaimView } from "@/lib/data/claims";

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

export function toWorkspaceClaim(c: WorkspaceClaim): WorkspaceClaim {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    quote: c.quote,
    statement: c.statement,
    speaker: c.speaker,
    verdict: c.verdict,
    verdictNote: c.verdictNote,
    silentParty: c.silentParty,
    suggestedVerdict: c.suggestedVerdict,
    suggestedSilentParty: c.suggestedSilentParty,
    stage: c.stage,
    version: c.version,
    sources: c.sources,
    ratedBy: c.ratedBy,
    ratedAt: c.ratedAt,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt,
    returnNote: c.returnNote,
    returnedBy: c.returnedBy,
    returnedAt: c.returnedAt,
  };
}
