// FTS5 highlight() and snippet() wrap hits in markers; these private-use characters cannot be
// typed in a normal text, and the result is split into plain segments that the UI renders as
// React text nodes inside <mark>, never as HTML.
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";

export type Segment = { text: string; hit: boolean };

export function parseHighlighted(value: string | null | undefined): Segment[] {
  if (!value) return [];
  const segments: Segment[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    if (text) {
      const last = segments.at(-1);
      if (last && last.hit === hit) last.text += text;
      else segments.push({ text, hit });
    }
    text = "";
  };
  for (const char of value) {
    if (char === HIT_START || char === HIT_END) {
      flush();
      hit = char === HIT_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

export function hasHit(segments: Segment[]): boolean {
  return segments.some((s) => s.hit);
}
