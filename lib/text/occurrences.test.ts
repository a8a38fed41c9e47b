import { describe, expect, it } from "vitest";
import { findOccurrences } from "./anchor";

const BODY =
  "Reuters reported the strike on Monday. Officials declined to comment.\n\n" +
  "A spokesman told Reuters that the figures were wrong, and Reuters could not verify them.";

describe("findOccurrences", () => {
  it("finds every occurrence of a quote with its context, in reading order", () => {
    const found = findOccurrences(BODY, "Reuters");
    expect(found.map((o) => BODY.slice(o.start, o.end))).toEqual(["Reuters", "Reuters", "Reuters"]);
    expect(found.map((o) => o.start)).toEqual([
      0,
      BODY.indexOf("Reuters that"),
      BODY.indexOf("Reuters could"),
    ]);
    expect(found[1]).toMatchObject({
      before: "A spokesman told ",
      after: expect.stringMatching(/^ that the figures/),
    });
  });

  it("keeps the context inside the paragraph and cuts it at whole words", () => {
    const [first, second] = findOccurrences(BODY, "Reuters", 20);
    expect(first?.before).toBe("");
    expect(first?.after).toBe(" reported the strike");
    // The paragraph break before "A spokesman" is not crossed.
    expect(second?.before).toBe("A spokesman told ");
    expect(first).toMatchObject({ cutBefore: false, cutAfter: true });
    expect(second).toMatchObject({ cutBefore: false, cutAfter: true });
    expect(findOccurrences(BODY, "verify them.", 20)[0]).toMatchObject({ cutBefore: true, cutAfter: false });
    for (const o of findOccurrences(BODY, "Reuters", 20)) {
      expect(o.before).not.toContain("\n");
      expect(o.after).not.toContain("\n");
    }
  });

  it("finds a quote that occurs once once, and nothing for an absent or empty quote", () => {
    expect(findOccurrences(BODY, "Officials declined")).toHaveLength(1);
    expect(findOccurrences(BODY, "Agence France-Presse")).toEqual([]);
    expect(findOccurrences(BODY, "")).toEqual([]);
  });

  it("finds overlapping occurrences", () => {
    expect(findOccurrences("aaaa", "aa").map((o) => o.start)).toEqual([0, 1, 2]);
  });
});
