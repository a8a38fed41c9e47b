import { beforeAll, describe, expect, it } from "vitest";
import { readSeedArticle } from "@/test/seed-article";
import { locateQuote, snapToWords, spanIsValid } from "./anchor";
import { normaliseBody } from "./normalise";

const isHigh = (ch: string | undefined) => ch !== undefined && /[\uD800-\uDBFF]/.test(ch);
const isLow = (ch: string | undefined) => ch !== undefined && /[\uDC00-\uDFFF]/.test(ch);

/** A selection [start, end) around the first occurrence of `text`, shifted inwards by `inset` units. */
function selectionIn(body: string, text: string, insetStart = 0, insetEnd = 0) {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`not in body: ${text}`);
  return [start + insetStart, start + text.length - insetEnd] as const;
}

function snapped(body: string, start: number, end: number): string {
  const span = snapToWords(body, start, end);
  return body.slice(span.start, span.end);
}

describe("offsets in the normalised seed article", () => {
  let body: string;
  beforeAll(() => {
    body = normaliseBody(readSeedArticle());
  });

  const QUOTES = [
    // Straight quotes nested in straight quotes.
    '"Les drones intercepteurs fonctionnent particulièrement bien, avec des centaines de "Shaheds" russo-iraniens abattus au cours de la semaine dernière", a-t-il écrit.',
    '"Les "Shaheds" sont l\'un des moyens utilisés par la Russie pour prolonger la guerre.',
    // Elisions.
    "Kyiv n'a pas commenté les affirmations de la Russie",
    "reproché à la Russie d'intensifier ce qu'il appelle",
    "l'Ukraine puisse continuer à repousser les attaques russes",
    // Numbers with spaces.
    "plus de 1 800 drones, plus de 1 200 bombes aériennes guidées et 83 missiles",
    // Accented capitals and ligatures.
    "aux États-Unis",
    "mettre en œuvre la diplomatie",
  ];

  it.each(QUOTES)("locates %s and slices back exactly the quote", (quote) => {
    const span = locateQuote(body, quote, 0);
    expect(span).not.toBeNull();
    expect(body.slice(span!.start, span!.end)).toBe(quote);
    expect(spanIsValid(body, span!.start, span!.end, quote)).toBe(true);
  });

  it("keeps the spaces of “1 800” as typed in the article", () => {
    const span = locateQuote(body, "1 800", 0)!;
    expect(body.slice(span.start, span.end)).toBe("1 800");
    expect(body.charCodeAt(span.start + 1)).toBe(0x20);
  });

  it("prefers the occurrence at or nearest to the recorded offset", () => {
    const all: number[] = [];
    for (let i = body.indexOf("Volodymyr Zelensky"); i !== -1; i = body.indexOf("Volodymyr Zelensky", i + 1))
      all.push(i);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(locateQuote(body, "Volodymyr Zelensky", all[1]!)?.start).toBe(all[1]);
    expect(locateQuote(body, "Volodymyr Zelensky", all[1]! + 5)?.start).toBe(all[1]);
    expect(locateQuote(body, "Volodymyr Zelensky", body.length)?.start).toBe(all.at(-1));
  });

  it("re-finds a quote after the text before it moved", () => {
    const quote = "Kyiv n'a pas commenté";
    const span = locateQuote(body, quote, 0)!;
    const edited = `Chapeau ajouté.\n\n${body}`;
    const moved = locateQuote(edited, quote, span.start)!;
    expect(moved.start).toBe(span.start + "Chapeau ajouté.\n\n".length);
    expect(spanIsValid(edited, span.start, span.end, quote)).toBe(false);
    expect(spanIsValid(edited, moved.start, moved.end, quote)).toBe(true);
  });

  it("returns null for a quote that is not in the body, or an empty one", () => {
    expect(locateQuote(body, "Kyiv a commenté", 0)).toBeNull();
    expect(locateQuote(body, "", 0)).toBeNull();
  });

  it("gives the same offsets for the CRLF and the LF file", () => {
    const crlf = normaliseBody(readSeedArticle().replace(/\r?\n/g, "\r\n"));
    for (const quote of QUOTES) expect(locateQuote(crlf, quote, 0)).toEqual(locateQuote(body, quote, 0));
  });

  it("widens a mid-word selection to whole words, keeping an elision with its word", () => {
    const [start, end] = selectionIn(body, "d'intensifier ce qu'il appelle", 4, 3);
    expect(snapped(body, start, end)).toBe("d'intensifier ce qu'il appelle");
  });

  it("widens a selection inside “1 800” to the whole number with its space", () => {
    const [start, end] = selectionIn(body, "1 800", 0, 1);
    expect(snapped(body, start, end)).toBe("1 800");
  });

  it("keeps the hyphenated “a-t-il” whole", () => {
    const [start, end] = selectionIn(body, "a-t-il écrit", 2, 0);
    expect(snapped(body, start, end)).toBe("a-t-il écrit");
  });

  it("does not swallow the quotation marks around a quoted word", () => {
    const [start, end] = selectionIn(body, '"Shaheds"', 2, 2);
    expect(snapped(body, start, end)).toBe("Shaheds");
  });
});

describe("snapToWords", () => {
  const body = "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté.";

  it("trims spaces around the selection", () => {
    const [start, end] = selectionIn(body, " Kremlin affirme ");
    expect(snapped(body, start, end)).toBe("Kremlin affirme");
  });

  it("trims spaces and widens in one go", () => {
    const [start, end] = selectionIn(body, " Kremlin affirme q");
    expect(snapped(body, start, end)).toBe("Kremlin affirme que");
  });

  it("leaves a selection of whole words unchanged", () => {
    const [start, end] = selectionIn(body, "ses forces");
    expect(snapToWords(body, start, end)).toEqual({ start, end });
  });

  it("does not widen across a paragraph break", () => {
    const [start, end] = selectionIn(body, "villages.");
    expect(snapped(body, start + 3, end)).toBe("villages.");
    const [kStart] = selectionIn(body, "Kyiv");
    expect(snapped(body, kStart, kStart + 2)).toBe("Kyiv");
  });

  it("keeps a selection that spans two paragraphs as selected, trimmed to words", () => {
    const [start] = selectionIn(body, "villages.");
    const [, end] = selectionIn(body, "Kyiv n'a");
    expect(snapped(body, start + 2, end - 1)).toBe("villages.\n\nKyiv n'a");
  });

  it("collapses a selection of spaces and line breaks to an empty span", () => {
    const at = body.indexOf("\n\n");
    const span = snapToWords(body, at - 0, at + 2);
    expect(span.end - span.start).toBe(0);
    expect(spanIsValid(body, span.start, span.end, "")).toBe(false);
  });

  it("clamps offsets outside the body", () => {
    expect(snapToWords(body, -5, 2)).toEqual({ start: 0, end: 2 });
    const tail = snapToWords(body, body.length - 3, body.length + 10);
    expect(body.slice(tail.start, tail.end)).toBe("commenté.");
  });

  describe("with emoji and other astral characters", () => {
    const astral = "Bravo 👍🏽 et 𝔘nicode fin";

    it("never starts or ends inside a surrogate pair, for any selection", () => {
      for (let start = 0; start <= astral.length; start++) {
        for (let end = start; end <= astral.length; end++) {
          const span = snapToWords(astral, start, end);
          if (span.end === span.start) continue;
          expect(isLow(astral[span.start]), `start of ${start}-${end}`).toBe(false);
          expect(isHigh(astral[span.end - 1]), `end of ${start}-${end}`).toBe(false);
          expect(span.start).toBeLessThanOrEqual(Math.max(start, 0) + 1);
        }
      }
    });

    it("keeps the whole emoji with its skin-tone modifier when the selection covers it", () => {
      const [start, end] = selectionIn(astral, "👍🏽");
      expect(snapped(astral, start, end)).toBe("👍🏽");
      expect(snapped(astral, start - 1, end + 1)).toBe("👍🏽");
    });

    it("widens half of a surrogate pair to the whole character", () => {
      const [start] = selectionIn(astral, "𝔘");
      expect(snapped(astral, start, start + 1)).toBe("𝔘");
      expect(snapped(astral, start + 1, start + 2)).toBe("𝔘");
      const [tStart] = selectionIn(astral, "👍");
      expect(snapped(astral, tStart + 1, tStart + 2)).toBe("👍");
    });
  });
});

describe("spanIsValid", () => {
  const body = "Kyiv n'a pas commenté.";

  it("accepts a span whose text is the quote", () => {
    expect(spanIsValid(body, 0, 4, "Kyiv")).toBe(true);
  });

  it("refuses empty, reversed, fractional, out-of-range and mismatched spans", () => {
    expect(spanIsValid(body, 2, 2, "")).toBe(false);
    expect(spanIsValid(body, 4, 0, "Kyiv")).toBe(false);
    expect(spanIsValid(body, 0.5, 4, "Kyiv")).toBe(false);
    expect(spanIsValid(body, -1, 4, "Kyiv")).toBe(false);
    expect(spanIsValid(body, 0, body.length + 1, body)).toBe(false);
    expect(spanIsValid(body, 0, 4, "Kiev")).toBe(false);
  });
});
