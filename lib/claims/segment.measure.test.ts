import { describe, expect, it } from "vitest";
import { SEGMENT_CASES } from "./segment.cases";
import { segmentSentences } from "./segment";

describe("segmentation measure", () => {
  it("handles every hard case of the table", () => {
    const failures: string[] = [];
    for (const c of SEGMENT_CASES) {
      const got = segmentSentences(c.text, c.language).map((s) => s.text);
      if (JSON.stringify(got) !== JSON.stringify(c.expected))
        failures.push(`${c.name}: ${JSON.stringify(got)}`);
    }
    const handled = SEGMENT_CASES.length - failures.length;
    const fr = SEGMENT_CASES.filter((c) => c.language === "fr").length;
    console.log(
      `[segment.measure] ${handled}/${SEGMENT_CASES.length} hard cases handled ` +
        `(${((100 * handled) / SEGMENT_CASES.length).toFixed(1)}%; ${fr} French, ${SEGMENT_CASES.length - fr} English)`,
    );
    for (const f of failures) console.log(`[segment.measure] FAIL ${f}`);
    expect(SEGMENT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(handled / SEGMENT_CASES.length).toBe(1);
  });
});
