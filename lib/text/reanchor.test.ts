import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, reanchor, selectorFor, type TextQuoteSelector } from "./reanchor";
import { ARTICLE, EDIT_CASES } from "./reanchor.cases";

function selectorOf(body: string, quote: string): TextQuoteSelector {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in body: ${quote}`);
  return selectorFor(body, start, start + quote.length);
}

describe("selectorFor", () => {
  it("keeps the quote with up to 32 characters of context on each side", () => {
    const s = selectorOf(ARTICLE, "trois personnes ont été tuées à Odessa");
    expect(s.quote).toBe("trois personnes ont été tuées à Odessa");
    expect(s.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(s.prefix.endsWith("l'armée de l'air ukrainienne, ")).toBe(true);
    expect(s.suffix.startsWith(", où un entrepôt")).toBe(true);
  });

  it("cuts the context at the ends of the body", () => {
    const s = selectorFor("Kyiv a démenti.", 0, 4);
    expect(s).toEqual({ quote: "Kyiv", prefix: "", suffix: " a démenti.", start: 0, end: 4 });
  });
});

describe("reanchor on real kinds of edits", () => {
  it.each(EDIT_CASES)("$name → $expected", ({ quote, edit, expected, lands }) => {
    const selector = selectorOf(ARTICLE, quote);
    const body = edit(ARTICLE);
    const result = reanchor(selector, body);
    expect(result.state).toBe(expected);
    if (result.state === "exact") {
      expect(body.slice(result.start, result.end)).toBe(quote);
    }
    if (result.state === "exact" || result.state === "changed") {
      expect(body.slice(result.start, result.end)).toBe(lands);
    }
    if (result.state === "changed") expect(result.quote).toBe(lands);
    if (result.state === "ambiguous") {
      expect(result.candidates.length).toBeGreaterThanOrEqual(2);
      for (const c of result.candidates) expect(body.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it("leaves an unchanged body exact at the same offsets", () => {
    const selector = selectorOf(ARTICLE, "42 drones ukrainiens");
    expect(reanchor(selector, ARTICLE)).toEqual({
      state: "exact",
      start: selector.start,
      end: selector.end,
    });
  });

  it("orphans a claim whose quote is empty", () => {
    expect(reanchor({ quote: "", prefix: "", suffix: "", start: 0, end: 0 }, ARTICLE).state).toBe("orphaned");
  });
});

// Random edits: insertions, deletions and replacements of words anywhere in the article.
const editArb = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom("insert", "delete", "replace"),
    length: fc.integer({ min: 1, max: 40 }),
    text: fc.constantFrom("Mis à jour : ", "1 900 ", "selon Kyiv, ", "drones ", "\n\n", "Odessa ", "é", "« "),
  }),
  { minLength: 1, maxLength: 6 },
);

function applyEdits(
  body: string,
  edits: { at: number; kind: string; length: number; text: string }[],
): string {
  let out = body;
  for (const e of edits) {
    const i = Math.floor(e.at * out.length);
    if (e.kind === "insert") out = out.slice(0, i) + e.text + out.slice(i);
    else if (e.kind === "delete") out = out.slice(0, i) + out.slice(i + e.length);
    else out = out.slice(0, i) + e.text + out.slice(i + e.length);
  }
  return out;
}

const QUOTES = [
  "la Russie avait tiré plus de 1 800 drones sur l'Ukraine",
  "avoir abattu 42 drones ukrainiens",
  "trois personnes ont été tuées à Odessa",
  "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
  "Volodymyr Zelensky",
];

describe("reanchor under random edits (property)", () => {
  it("never leaves a claim unflagged on words other than its quote", () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUOTES), editArb, (quote, edits) => {
        const selector = selectorOf(ARTICLE, quote);
        const body = applyEdits(ARTICLE, edits);
        const result = reanchor(selector, body);
        if (result.state === "exact") expect(body.slice(result.start, result.end)).toBe(quote);
        if (result.state === "changed") expect(body.slice(result.start, result.end)).toBe(result.quote);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a claim exact when every edit is far from it and its context", () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUOTES), editArb, (quote, edits) => {
        const selector = selectorOf(ARTICLE, quote);
        // Edits only in the title line, far before every quote's context.
        const titleEnd = ARTICLE.indexOf("\n\n");
        const farEdits = edits.map((e) => ({ ...e, at: e.at * 0.5 * (titleEnd / ARTICLE.length) }));
        const body = applyEdits(ARTICLE, farEdits);
        fc.pre(body.slice(body.indexOf("\n\n")) === ARTICLE.slice(titleEnd));
        fc.pre(body.split(quote).length === 2);
        const result = reanchor(selector, body);
        expect(result.state).toBe("exact");
        if (result.state === "exact") expect(body.slice(result.start, result.end)).toBe(quote);
      }),
      { numRuns: 300 },
    );
  });
});
