import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateQuote, snapToWords, spanIsValid } from "./anchor";

const body = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."abcdé ’'-\n,.«»".split(""), "\u00a0", "1 800", "l’État"),
    fc.constantFrom("😀", "𝐀", "👩🏽‍💻", "🇫🇷", "\ud800", "\udfff"),
    fc.string({ unit: "binary", maxLength: 1 }),
  ),
  maxLength: 80,
});

const offset = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -1));

function isHigh(code: number | undefined): boolean {
  return code !== undefined && code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number | undefined): boolean {
  return code !== undefined && code >= 0xdc00 && code <= 0xdfff;
}
/** True when `index` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index))
  );
}

describe("snapToWords", () => {
  it("stays within the body, start before end", () => {
    fc.assert(
      fc.property(body, offset, offset, (text, start, end) => {
        const span = snapToWords(text, start, end);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThanOrEqual(span.start);
        expect(span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("never splits a surrogate pair", () => {
    fc.assert(
      fc.property(body, offset, offset, (text, start, end) => {
        const span = snapToWords(text, start, end);
        if (span.end > span.start) {
          expect(splitsPair(text, span.start), `start ${span.start} in ${JSON.stringify(text)}`).toBe(false);
          expect(splitsPair(text, span.end), `end ${span.end} in ${JSON.stringify(text)}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("covers the selected words and gives a span that checks out", () => {
    fc.assert(
      fc.property(body, offset, offset, (text, a, b) => {
        const start = Math.max(0, Math.min(a, text.length));
        const end = Math.max(start, Math.min(b, text.length));
        const span = snapToWords(text, start, end);
        const selected = text.slice(start, end).trim();
        if (selected.length > 0 && !/^\s+$/.test(text.slice(start, end))) {
          expect(text.slice(span.start, span.end)).toContain(selected.replace(/^\s+|\s+$/gu, ""));
        }
        if (span.end > span.start) {
          expect(spanIsValid(text, span.start, span.end, text.slice(span.start, span.end))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("spanIsValid", () => {
  it("accepts exactly the spans whose quote is the text at their offsets", () => {
    fc.assert(
      fc.property(body, offset, offset, fc.string({ maxLength: 5 }), (text, start, end, other) => {
        const inBounds = Number.isInteger(start) && start >= 0 && end > start && end <= text.length;
        expect(spanIsValid(text, start, end, text.slice(start, end))).toBe(inBounds);
        const quote = text.slice(start, end);
        if (other !== quote) expect(spanIsValid(text, start, end, other)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses offsets that are not whole numbers", () => {
    expect(spanIsValid("abc", 0.5, 2, "bc")).toBe(false);
    expect(spanIsValid("abc", Number.NaN, 2, "ab")).toBe(false);
    expect(spanIsValid("abc", 0, Number.POSITIVE_INFINITY, "abc")).toBe(false);
  });

  it("re-finds every valid span at its recorded offset", () => {
    fc.assert(
      fc.property(body, offset, offset, (text, start, end) => {
        if (!spanIsValid(text, start, end, text.slice(start, end))) return;
        expect(locateQuote(text, text.slice(start, end), start)).toEqual({ start, end });
      }),
      { numRuns: 2000 },
    );
  });
});
