// A word-level comparison of two revisions (jsdiff's diffWordsWithSpace), cut where claims begin
// and end so that each piece says which claims it belongs to, on either side.
import { diffWordsWithSpace } from "diff";

export type Span = { id: number; start: number; end: number };

export type DiffPiece = {
  kind: "same" | "added" | "removed";
  text: string;
  /** Claims whose words this piece is part of (on the old side for removed, the new side otherwise). */
  claims: number[];
};

function cuts(spans: Span[], from: number, to: number): number[] {
  const points = new Set<number>([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) points.add(s.start);
    if (s.end > from && s.end < to) points.add(s.end);
  }
  return [...points].sort((a, b) => a - b);
}

function covering(spans: Span[], start: number, end: number): number[] {
  return spans.filter((s) => s.start < end && start < s.end).map((s) => s.id);
}

/**
 * The pieces of the diff from `before` to `after`. `oldSpans` are claims on `before` (shown on the
 * removed and unchanged words), `newSpans` claims on `after` (on the added and unchanged words).
 */
export function wordDiff(before: string, after: string, oldSpans: Span[], newSpans: Span[]): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  let a = 0;
  let b = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    const length = part.value.length;
    // Unchanged words are cut by the claims of both sides, on their own offsets.
    const base = kind === "removed" ? a : b;
    const spans =
      kind === "removed"
        ? oldSpans
        : kind === "added"
          ? newSpans
          : [...newSpans, ...oldSpans.map((s) => ({ ...s, start: s.start - a + b, end: s.end - a + b }))];
    const points = cuts(spans, base, base + length);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      const ids = [...new Set(covering(spans, from, to))];
      pieces.push({ kind, text: part.value.slice(from - base, to - base), claims: ids });
    }
    if (kind !== "added") a += length;
    if (kind !== "removed") b += length;
  }
  return pieces;
}
