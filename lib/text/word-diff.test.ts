import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks a corrected figure word by word, with the claim on both sides", () => {
    const before = "Ils ont tiré 1 800 drones hier.";
    const after = "Ils ont tiré 1 900 drones hier.";
    const start = before.indexOf("tiré");
    const end = before.indexOf(" hier");
    const pieces = wordDiff(before, after, [{ id: 7, start, end }], []);
    expect(pieces.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["800"]);
    expect(pieces.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["900"]);
    expect(
      pieces
        .filter((p) => p.claims.includes(7))
        .map((p) => p.text)
        .join("|"),
    ).toBe("tiré 1 |800| drones");
    // The pieces put back together are both texts.
    expect(
      pieces
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      pieces
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });

  it("places claims of the new text on its own offsets after an insertion", () => {
    const before = "Odessa brûle.";
    const after = "Mis à jour. Odessa brûle.";
    const pieces = wordDiff(before, after, [], [{ id: 1, start: 12, end: 18 }]);
    expect(pieces.find((p) => p.claims.includes(1))).toMatchObject({ kind: "same", text: "Odessa" });
    expect(pieces[0]).toMatchObject({ kind: "added" });
  });
});
