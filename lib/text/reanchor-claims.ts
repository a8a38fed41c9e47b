// Re-anchoring every claim of an article onto a new revision of its body, without the database:
// what lib/data/revisions.ts writes, and what `npm run bench` measures.
import {
  reanchor,
  selectorFor,
  type AnchorCandidate,
  type Reanchored,
  type TextQuoteSelector,
} from "./reanchor";

export type AnchoredSpan = {
  id: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
};

export type ClaimReanchor = {
  id: number;
  result: Reanchored;
  /** For `exact`: the selector on the new body. */
  selector: TextQuoteSelector | null;
};

/** What is stored in claims.anchor_proposal for a flagged claim (null for exact). */
export type AnchorProposal =
  | { state: "changed"; revision: number; start: number; end: number; quote: string; score: number }
  | { state: "ambiguous"; revision: number; candidates: AnchorCandidate[] }
  | { state: "orphaned"; revision: number; nearest: AnchorCandidate | null };

export function selectorOf(claim: AnchoredSpan): TextQuoteSelector {
  return {
    quote: claim.quote,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.start,
    end: claim.end,
  };
}

export function reanchorClaims(claims: AnchoredSpan[], body: string): ClaimReanchor[] {
  return claims.map((claim) => {
    const result = reanchor(selectorOf(claim), body);
    return {
      id: claim.id,
      result,
      selector: result.state === "exact" ? selectorFor(body, result.start, result.end) : null,
    };
  });
}

export function proposalOf(result: Reanchored, revision: number): AnchorProposal | null {
  switch (result.state) {
    case "exact":
      return null;
    case "changed":
      return {
        state: "changed",
        revision,
        start: result.start,
        end: result.end,
        quote: result.quote,
        score: result.score,
      };
    case "ambiguous":
      return { state: "ambiguous", revision, candidates: result.candidates };
    case "orphaned":
      return { state: "orphaned", revision, nearest: result.nearest };
  }
}
