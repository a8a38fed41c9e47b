import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEGMENT_CASES } from "./segment.cases";
import { type Sentence, segmentSentences } from "./segment";

const fixture = fs.readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
  "utf8",
);

/** The invariants every segmentation keeps, whatever the input. */
function expectWellFormed(input: string, sentences: Sentence[]) {
  let previousEnd = 0;
  for (const s of sentences) {
    expect(s.text).toBe(input.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    // Only whitespace is left between two sentences.
    expect(input.slice(previousEnd, s.start).trim()).toBe("");
    previousEnd = s.end;
  }
  expect(input.slice(previousEnd).trim()).toBe("");
}

describe("segmentSentences", () => {
  it.each(SEGMENT_CASES.map((c) => [c.name, c] as const))("splits: %s", (_name, c) => {
    const sentences = segmentSentences(c.text, c.language);
    expect(sentences.map((s) => s.text)).toEqual(c.expected);
    expectWellFormed(c.text, sentences);
  });

  it("returns nothing for empty or blank text", () => {
    expect(segmentSentences("", "fr")).toEqual([]);
    expect(segmentSentences(" \n\n \t ", "en")).toEqual([]);
  });

  it("gives offsets in UTF-16 code units after astral characters", () => {
    const text = "𝔘𝔫 titre 🚀 ici. Deuxième phrase.";
    const sentences = segmentSentences(text, "fr");
    expect(sentences).toHaveLength(2);
    expect(sentences[1]).toEqual({
      start: text.indexOf("Deuxième"),
      end: text.length,
      text: "Deuxième phrase.",
    });
  });

  it("treats \\r\\n blank lines as paragraph breaks", () => {
    const sentences = segmentSentences("Un titre\r\n\r\nLe texte suit.", "fr");
    expect(sentences.map((s) => s.text)).toEqual(["Un titre", "Le texte suit."]);
  });

  it("cuts a very long paragraph without losing sentences", () => {
    const sentence = "Le Kremlin affirme que ses forces ont pris le village de Mirne. ";
    const text = sentence.repeat(400);
    const sentences = segmentSentences(text, "fr");
    expect(sentences).toHaveLength(400);
    expectWellFormed(text, sentences);
  });

  it("splits the French fixture into its sentences", () => {
    const sentences = segmentSentences(fixture, "fr");
    expectWellFormed(fixture, sentences);
    const texts = sentences.map((s) => s.text);
    expect(texts).toHaveLength(19);
    expect(texts).toContain("Moscou affirme avoir pris le contrôle de certains territoires");
    expect(
      texts.find((t) =>
        t.startsWith("Le président ukrainien affirme que la Russie a tiré plus de 1 800 drones"),
      ),
    ).toMatch(/en l'espace d'une semaine\.$/);
    // The quotation of two sentences followed by "a affirmé Volodymyr Zelensky" stays whole.
    expect(texts.find((t) => t.startsWith('"Les "Shaheds"'))).toMatch(
      /Nous devons neutraliser .*", a affirmé Volodymyr Zelensky\.$/,
    );
    // Without an attribution after it, a quotation of two sentences is split.
    expect(texts.some((t) => t.startsWith('"Toutes les réunions') && t.endsWith("cette technologie."))).toBe(
      true,
    );
    expect(texts.some((t) => t.startsWith("Je suis reconnaissant"))).toBe(true);
  });

  it("keeps offsets valid on arbitrary text", () => {
    const pieces = fc.constantFrom(
      "M.",
      "Mme",
      "Dupont",
      "a",
      "dit",
      "«",
      "»",
      '"',
      "“",
      "”",
      ".",
      "...",
      "…",
      "!",
      "?",
      ",",
      "1 800",
      "2,5",
      "U.S.",
      "J.",
      "K.",
      "Rowling",
      "said",
      "le",
      "Kremlin",
      "\n",
      "\n\n",
      " ",
      "\u00a0",
      "(…)",
      "🚀",
      "\r\n",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }),
        fc.constantFrom("fr" as const, "en" as const),
        (parts, lang) => {
          const text = parts.join(" ");
          expectWellFormed(text, segmentSentences(text, lang));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expectWellFormed(text, segmentSentences(text, "fr"));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        expectWellFormed(text, segmentSentences(text, "en"));
      }),
      { numRuns: 300 },
    );
  });
});
