import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseBody, splitParagraphs } from "./normalise";
import { readSeedArticle } from "@/test/seed-article";

describe("normaliseBody", () => {
  it("composes to Unicode NFC", () => {
    const decomposed = "e\u0301te\u0301 a\u0300 Orly";
    const body = normaliseBody(decomposed);
    expect(body).toBe("été à Orly");
    expect(body).toBe(body.normalize("NFC"));
    expect(body.length).toBe(10);
  });

  it("turns CRLF and lone CR into paragraph breaks", () => {
    expect(normaliseBody("Un.\r\nDeux.\rTrois.\nQuatre.")).toBe("Un.\n\nDeux.\n\nTrois.\n\nQuatre.");
  });

  it("separates paragraphs by exactly one blank line", () => {
    expect(normaliseBody("\n\n\nUn.\n\n\n\n\nDeux.\n \n\t\nTrois.\n\n")).toBe("Un.\n\nDeux.\n\nTrois.");
  });

  it("turns Unicode line and paragraph separators into breaks", () => {
    expect(normaliseBody("Un.\u2028Deux.\u2029Trois.")).toBe("Un.\n\nDeux.\n\nTrois.");
  });

  it("removes control characters and the byte order mark", () => {
    expect(normaliseBody("\uFEFFLe\u0000 Kre\u0007mlin\u001B a\u007F dit\u0085.")).toBe("Le Kremlin a dit.");
  });

  it("keeps no-break and narrow no-break spaces inside a line", () => {
    const body = normaliseBody("plus de 1\u00A0800 drones et 1\u202F200 bombes « guidées »");
    expect(body).toBe("plus de 1\u00A0800 drones et 1\u202F200 bombes « guidées »");
  });

  it("removes trailing and leading spaces and collapses runs of spaces", () => {
    expect(normaliseBody("  Le Kremlin   affirme  \t que   \nKyiv  ")).toBe("Le Kremlin affirme que\n\nKyiv");
  });

  it("returns an empty body for whitespace and control characters only", () => {
    expect(normaliseBody(" \r\n\t\u0000\n\uFEFF ")).toBe("");
  });

  it("composes a letter and its accent that a removed control character kept apart", () => {
    expect(normaliseBody("a\u0000\u0301")).toBe("\u00E1");
  });

  it("is idempotent and gives NFC text without CR or extra blank lines, for any input", () => {
    const piece = fc.constantFrom(..."ae\u0301 \n\r\t\u0000\u00A0\uFEFF\u2028\u0085\u200B\u3000é", "👍🏽", "𝔘");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const once = normaliseBody(pieces.join(""));
        expect(normaliseBody(once)).toBe(once);
        expect(once).toBe(once.normalize("NFC"));
        expect(once).not.toMatch(/\r|\n{3,}|^\n|\n$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent on the seed article", () => {
    const once = normaliseBody(readSeedArticle());
    expect(normaliseBody(once)).toBe(once);
    expect(once).not.toMatch(/\n{3,}|\r| \n|\n | {2}/);
  });

  it("gives the same body for CRLF and LF input", () => {
    const lf = readSeedArticle().replace(/\r\n?/g, "\n");
    expect(normaliseBody(lf.replace(/\n/g, "\r\n"))).toBe(normaliseBody(lf));
    expect(normaliseBody(lf.replace(/\n/g, "\r"))).toBe(normaliseBody(lf));
  });

  it("keeps every non-empty line of the seed article as a paragraph", () => {
    const raw = readSeedArticle();
    const lines = raw.split(/\r\n?|\n/).filter((line) => line.trim() !== "");
    const paragraphs = splitParagraphs(normaliseBody(raw));
    expect(paragraphs.map((p) => p.text)).toEqual(lines.map((line) => line.trim()));
  });
});

describe("splitParagraphs", () => {
  it("gives each paragraph with offsets into the body", () => {
    const body = "Un.\n\nDeux mots.\n\nTrois.";
    const paragraphs = splitParagraphs(body);
    expect(paragraphs).toEqual([
      { start: 0, end: 3, text: "Un." },
      { start: 5, end: 15, text: "Deux mots." },
      { start: 17, end: 23, text: "Trois." },
    ]);
    for (const p of paragraphs) expect(body.slice(p.start, p.end)).toBe(p.text);
  });

  it("returns nothing for an empty body", () => {
    expect(splitParagraphs("")).toEqual([]);
  });
});
