// Property tests for the formats the per-format tests do not already cover with arbitrary text:
// JSON, ClaimReview JSON-LD (as a file and as a <script> element) and whole CSV documents.
// (Escaping functions and the HTML and Markdown documents have theirs in html/markdown/csv.test.ts.)
import { webSource } from "@/lib/export/sources";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeBidiControls } from "@/lib/text/bidi";
import {
  bulkExportChunks,
  claimReviewScript,
  CSV_COLUMNS,
  FORMATS,
  renderExport,
  toClaimReview,
  toCsv,
  toJson,
} from "./index";
import { makeClaim, makeInput } from "@/test/export-fixtures";
import { singleLine } from "./text";
import type { SummaryInput } from "./types";

const rawText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      ..."<>&\"'`/\\,;=+-@\t\r\n \u2028\u2029\u0000".split(""),
      "</script>",
      "<!--",
      "-->",
      "]]>",
      "\u202e",
      "\u202a",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200f",
      "=cmd|' /C calc'!A0",
      "é",
      "😀",
      "\ud800",
    ),
    maxLength: 30,
  }),
);

// The formatters fold breaking whitespace (lib/export/text.ts); text already folded must come out as
// it went in, but for its bidirectional controls, which every export writes as "[U+202E]".
const userText = rawText.map(singleLine).filter((text) => text.length > 0);
const exported = escapeBidiControls;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Every field a person typed, holding `text`; one approved, rated claim so that every format writes it. */
function inputWith(text: string): SummaryInput {
  return makeInput(
    [
      makeClaim({
        id: 1,
        statement: text,
        speaker: text,
        quote: text,
        verdictNote: text,
        sources: [webSource("https://example.com/source", text)],
        ratedBy: { name: text },
        approvedBy: { name: text },
      }),
      makeClaim({ id: 2, verdict: "uncommented", silentParty: text, quote: text }),
    ],
    { article: { title: text, outlet: text } },
  );
}

/** RFC 4180 reader: records of cells. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += char;
  }
  if (cell !== "" || record.length > 0) throw new Error("CSV does not end with CRLF");
  return records;
}

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => collectStrings(v, out));
  return out;
}

describe("JSON export with hostile text", () => {
  it("parses back and carries every typed field exactly", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const parsed = JSON.parse(toJson(inputWith(text))) as {
          article: { title: string; outlet: string };
          groups?: unknown;
        };
        expect(parsed.article.title).toBe(exported(text));
        expect(parsed.article.outlet).toBe(exported(text));
        const strings = collectStrings(parsed);
        expect(strings.filter((s) => s === exported(text)).length).toBeGreaterThanOrEqual(8);
      }),
      { numRuns: 300 },
    );
  });
});

describe("ClaimReview export with hostile text", () => {
  it("parses back with the statement and speaker exactly", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const [review] = JSON.parse(toClaimReview(inputWith(text))) as Record<string, unknown>[];
        expect(review?.claimReviewed).toBe(exported(text));
        expect(collectStrings(review)).toContain(exported(text));
      }),
      { numRuns: 300 },
    );
  });

  it("as a <script> element, cannot be closed, commented or broken by user text, and parses back", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const reviews = JSON.parse(toClaimReview(inputWith(text))) as unknown;
        const script = claimReviewScript(reviews as Record<string, unknown>);
        const inner = script.slice('<script type="application/ld+json">'.length, -"</script>".length);
        expect(script.endsWith("</script>")).toBe(true);
        expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(inner)).toEqual(reviews);
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSV export with hostile text", () => {
  it("keeps one record per claim, every cell in its column, no formula, and the text back", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const records = parseCsv(toCsv(inputWith(text)));
        expect(records).toHaveLength(3);
        for (const record of records) expect(record).toHaveLength(CSV_COLUMNS.length);
        const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
        const expected = /^[=+\-@\t\r]/.test(text) ? `'${exported(text)}` : exported(text);
        const statements = records.slice(1).map((r) => r[column("statement")]);
        expect(statements).toContain(expected);
        for (const record of records.slice(1)) {
          for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(record[column("article_title")]).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("bidirectional control characters", () => {
  async function bulk(format: "csv" | "jsonl", input: SummaryInput): Promise<string> {
    async function* batches() {
      yield [input];
    }
    let out = "";
    for await (const chunk of bulkExportChunks(format, batches())) out += chunk;
    return out;
  }

  it("never reach an export: every format writes them as visible escapes", async () => {
    await fc.assert(
      fc.asyncProperty(userText, async (text) => {
        const input = inputWith(text);
        const outputs = [
          ...FORMATS.map((format) => renderExport(input, format, { includeUncommented: true })),
          toCsv(input, { separator: ";" }),
          await bulk("csv", input),
          await bulk("jsonl", input),
        ];
        for (const output of outputs) expect(output).not.toMatch(BIDI_CONTROL);
      }),
      { numRuns: 200 },
    );
  });

  it("show where they were, so an override cannot reverse a speaker's name or the verdict after it", () => {
    const speaker = "Ministry \u202Eliar a si\u202C of Defence \u2067\u2069";
    const input = makeInput([makeClaim({ id: 1, speaker, statement: "\u202EThe strike hit a school." })], {
      language: "en",
    });
    const markdown = renderExport(input, "md");
    expect(markdown).toContain(
      "Ministry \\[U+202E\\]liar a si\\[U+202C\\] of Defence \\[U+2067\\]\\[U+2069\\]",
    );
    expect(renderExport(input, "html")).toContain("[U+202E]The strike hit a school.");
    const [review] = JSON.parse(renderExport(input, "claimreview")) as { claimReviewed: string }[];
    expect(review?.claimReviewed).toBe("[U+202E]The strike hit a school.");
    // Marks, which only orient the neutral characters beside them, are kept.
    expect(renderExport(makeInput([makeClaim({ id: 1, speaker: "\u200fعمر" })]), "csv")).toContain(
      "\u200fعمر",
    );
  });
});
