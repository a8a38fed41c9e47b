import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseBody, normaliseLine, normaliseQuote, splitParagraphs } from "./normalise";

// Anything a paste can hold: any code point, line and paragraph separators, tabs, BOMs, control
// characters, combining marks next to them, and French typography.
const pasted = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      ..."\r\n\t \u00a0\u2028\u2029\ufeff\u0000\u0007\u000b\u000c\u001b\u007f\u0085\u200b".split(""),
      "e",
      "\u0301",
      "é",
      "«",
      "»",
      "’",
      "1 800",
      "l’",
      "a-t-il",
      "𝐀",
      "👩🏽‍💻",
    ),
    maxLength: 200,
  }),
);

const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;

describe("normaliseBody", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const once = normaliseBody(text);
        expect(normaliseBody(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves no carriage return, control character or tab, only newlines", () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const body = normaliseBody(text);
        expect(body).not.toContain("\r");
        expect(body).not.toMatch(CONTROL_EXCEPT_NEWLINE);
      }),
      { numRuns: 1000 },
    );
  });

  it("is in Unicode NFC", () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const body = normaliseBody(text);
        expect(body.normalize("NFC")).toBe(body);
      }),
      { numRuns: 1000 },
    );
  });

  it("separates paragraphs by exactly one blank line, without spaces at their ends", () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const body = normaliseBody(text);
        expect(body).not.toMatch(/\n{3,}|^\n|\n$|(^|[^\n])\n(?!\n)|  /);
        for (const paragraph of splitParagraphs(body)) {
          expect(paragraph.text).toBe(paragraph.text.trim());
          expect(body.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("composes a combining mark left next to its letter once a control character is removed", () => {
    expect(normaliseBody("caf\u0065\u0000\u0301")).toBe("café");
  });
});

describe("normaliseQuote", () => {
  it("leaves every span of a normalised body as it is, so quotes taken from the body still match", () => {
    fc.assert(
      fc.property(pasted, fc.nat(), fc.nat(), (raw, a, b) => {
        const body = normaliseBody(raw);
        const start = body.length === 0 ? 0 : a % body.length;
        const end = start + (body.length === 0 ? 0 : b % (body.length - start + 1));
        const span = body.slice(start, end);
        expect(normaliseQuote(span)).toBe(span);
      }),
      { numRuns: 1000 },
    );
  });

  it("turns a paragraph's words typed in decomposed Unicode into the words of the body", () => {
    fc.assert(
      fc.property(pasted, (raw) => {
        const body = normaliseBody(raw);
        for (const paragraph of splitParagraphs(body)) {
          expect(normaliseQuote(paragraph.text.normalize("NFD"))).toBe(paragraph.text);
          expect(normaliseLine(paragraph.text.normalize("NFD"))).toBe(paragraph.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});
