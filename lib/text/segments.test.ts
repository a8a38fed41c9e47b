import { describe, expect, it } from "vitest";
import { buildSegments } from "./segments";

describe("buildSegments", () => {
  const body = "Alpha beta gamma.\n\nDelta epsilon.";

  it("returns whole paragraphs without claims", () => {
    expect(buildSegments(body, [])).toEqual([
      { start: 0, end: 17, segments: [{ start: 0, end: 17, ids: [] }] },
      { start: 19, end: 33, segments: [{ start: 19, end: 33, ids: [] }] },
    ]);
  });

  it("marks overlapping claims on the shared text", () => {
    const [first] = buildSegments(body, [
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 6, end: 16 },
    ]);
    expect(first?.segments.map((s) => [body.slice(s.start, s.end), s.ids])).toEqual([
      ["Alpha ", [1]],
      ["beta", [1, 2]],
      [" gamma", [2]],
      [".", []],
    ]);
  });

  it("cuts a claim that crosses a paragraph break at the break", () => {
    const result = buildSegments(body, [{ id: 7, start: 11, end: 25 }]);
    expect(result[0]?.segments.at(-1)).toEqual({ start: 11, end: 17, ids: [7] });
    expect(result[1]?.segments[0]).toEqual({ start: 19, end: 25, ids: [7] });
  });

  it("covers every character of every paragraph exactly once", () => {
    const spans = [
      { id: 1, start: 2, end: 30 },
      { id: 2, start: 5, end: 8 },
      { id: 3, start: 20, end: 33 },
    ];
    for (const p of buildSegments(body, spans)) {
      expect(p.segments.map((s) => body.slice(s.start, s.end)).join("")).toBe(body.slice(p.start, p.end));
    }
  });
});
