import { splitParagraphs } from "./normalise";

export type Span = { id: number; start: number; end: number };
export type Segment = { start: number; end: number; ids: number[] };
export type ParagraphSegments = { start: number; end: number; segments: Segment[] };

/**
 * Cuts each paragraph at every claim boundary, so that each piece of text knows which claims
 * cover it. Overlapping claims give pieces covered by several ids; spans crossing a paragraph
 * break are cut at it.
 */
export function buildSegments(body: string, spans: Span[]): ParagraphSegments[] {
  return splitParagraphs(body).map((p) => {
    const inside = spans.filter((s) => s.start < p.end && s.end > p.start);
    const cuts = new Set<number>([p.start, p.end]);
    for (const s of inside) {
      cuts.add(Math.max(s.start, p.start));
      cuts.add(Math.min(s.end, p.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      if (end <= start) continue;
      const ids = inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
      segments.push({ start, end, ids });
    }
    return { start: p.start, end: p.end, segments };
  });
}
