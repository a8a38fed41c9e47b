import { webSource } from "@/lib/export/sources";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, csvClaimRow, csvRow, toCsv, type CsvValue } from "./csv";
import { makeArticle, makeClaim, makeInput, newsroomClaims, parseCsv } from "@/test/export-fixtures";

/** What a cell holds after formula-injection protection. */
function expectedCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe("csvRow", () => {
  it("quotes fields with commas, quotes and line breaks and doubles inner quotes", () => {
    expect(csvRow(["a,b", 'say "hi"', "line\nbreak", "cr\rhere", "crlf\r\nhere", "plain"])).toBe(
      '"a,b","say ""hi""","line\nbreak","cr\rhere","crlf\r\nhere",plain\r\n',
    );
  });

  it("ends every record with CRLF", () => {
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
  });

  it("writes null as an empty field and numbers as they are", () => {
    expect(csvRow([null, 42, -3, 1.5, ""])).toBe(",42,-3,1.5,\r\n");
  });

  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+33 1 23 45 67 89", "'+33 1 23 45 67 89"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tindented", "'\tindented"],
  ])("defuses a cell starting like a formula: %j", (value, cell) => {
    expect(csvRow([value])).toBe(`${cell}\r\n`);
  });

  it("defuses and quotes a formula with a comma or a quote", () => {
    expect(csvRow(['=HYPERLINK("http://evil.test","click")'])).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""click"")"\r\n',
    );
    expect(csvRow(["\rstart"])).toBe('"\'\rstart"\r\n');
  });

  it("leaves text with a formula character in the middle alone", () => {
    expect(csvRow(["a=b", "x-y", "mail@example.com"])).toBe("a=b,x-y,mail@example.com\r\n");
  });

  it("quotes fields with semicolons when the separator is a semicolon", () => {
    expect(csvRow(["a;b", "c,d"], ";")).toBe('"a;b";c,d\r\n');
  });

  it("round-trips any values through an RFC 4180 parser", () => {
    const special = fc.string({
      unit: fc.constantFrom(",", ";", '"', "\r", "\n", "=", "+", "-", "@", "\t", " ", "a", "é", "«"),
    });
    const value = fc.oneof(
      fc.string({ unit: "binary" }),
      special,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";" as const),
        (values, sep) => {
          const row = csvRow(values, sep);
          expect(parseCsv(row, sep)).toEqual([values.map(expectedCell)]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never lets a cell start with a formula character", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), (values) => {
        for (const cell of parseCsv(csvRow(values))[0] ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("toCsv", () => {
  it("lists every kind of source, one readable line each, in the article's language", () => {
    const base = webSource("https://x.example", null);
    const sources = [
      webSource("https://example.org/page", "Page"),
      {
        ...base,
        kind: "document" as const,
        url: null,
        title: "Budget",
        document: { name: "budget.pdf", mediaType: "application/pdf", size: 10, sha256: "cd".repeat(32) },
      },
      {
        ...base,
        kind: "call" as const,
        url: null,
        party: "the press office",
        occurredAt: "2026-07-19T14:00",
      },
      { ...base, kind: "message" as const, url: null, party: "the mayor", occurredAt: "2026-07-20" },
      {
        ...base,
        kind: "wire" as const,
        url: null,
        agency: "AFP",
        reference: "FR-123",
        occurredAt: "2026-07-21",
      },
      { ...base, kind: "other" as const, url: null, description: "Seen on site by our reporter" },
    ];
    const lines = (language: "en" | "fr") =>
      parseCsv(toCsv(makeInput([makeClaim({ id: 1, sources })], { language })))[1]![column("sources")]!.split(
        "\n",
      );
    expect(lines("en")).toEqual([
      "Page (https://example.org/page)",
      `Document: Budget — budget.pdf, SHA-256 ${"cd".repeat(32)}`,
      "Call or interview with the press office, 2026-07-19 14:00",
      "E-mail or message from the mayor, 2026-07-20",
      "AFP wire, FR-123, 2026-07-21",
      "Seen on site by our reporter",
    ]);
    expect(lines("fr")).toEqual([
      "Page (https://example.org/page)",
      `Document\u00a0: Budget — budget.pdf, SHA-256 ${"cd".repeat(32)}`,
      "Appel ou entretien avec the press office, 2026-07-19 14:00",
      "Courriel ou message de the mayor, 2026-07-20",
      "Dépêche AFP, FR-123, 2026-07-21",
      "Seen on site by our reporter",
    ]);
  });

  it("starts with the header row", () => {
    const rows = parseCsv(toCsv(makeInput(newsroomClaims())));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(8);
  });

  it("writes one row per claim in summary order", () => {
    const rows = parseCsv(toCsv(makeInput(newsroomClaims())));
    expect(rows.slice(1).map((row) => row[column("claim_id")])).toEqual(["2", "4", "3", "8", "9", "11", "5"]);
    expect(rows.slice(1).map((row) => row[column("verdict")])).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "confirmed",
      "disputed",
      "disputed",
      "uncommented",
    ]);
  });

  it("uses CRLF between records and keeps LF inside quoted cells", () => {
    const csv = toCsv(makeInput([makeClaim({ id: 1, quote: "first line\nsecond line" })]));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").includes("\r")).toBe(false);
    expect(csv).toContain('"first line\nsecond line"');
  });

  it("writes dates in ISO 8601", () => {
    const [, row] = parseCsv(toCsv(makeInput([makeClaim({ id: 1 })])));
    expect(row?.[column("rated_at")]).toBe("2026-11-25T09:30:00.000Z");
    expect(row?.[column("approved_at")]).toBe("2026-11-26T16:45:00.000Z");
    expect(row?.[column("article_published_at")]).toBe("2026-11-24");
  });

  it("adds a UTF-8 byte order mark only when asked", () => {
    const input = makeInput([makeClaim({ id: 1 })]);
    expect(toCsv(input).startsWith("article_id")).toBe(true);
    expect(toCsv(input, { bom: true }).startsWith(`${CSV_BOM}article_id`)).toBe(true);
  });

  it("protects user text from formula injection", () => {
    const claim = makeClaim({
      id: 1,
      statement: "=1+1",
      speaker: "@everyone",
      quote: "- list",
      verdictNote: "+1",
    });
    const [, row] = parseCsv(toCsv(makeInput([claim])));
    expect(row?.[column("statement")]).toBe("'=1+1");
    expect(row?.[column("speaker")]).toBe("'@everyone");
    expect(row?.[column("quote")]).toBe("'- list");
    expect(row?.[column("verdict_note")]).toBe("'+1");
  });

  it("flags unverified claims and lists sources one per line", () => {
    const claims = [
      makeClaim({
        id: 1,
        stage: "in_review",
        approvedBy: null,
        approvedAt: null,
        sources: [webSource("https://a.example/1", "A"), webSource("https://b.example/2", null)],
      }),
    ];
    const [, row] = parseCsv(toCsv(makeInput(claims, { includeUnapproved: true })));
    expect(row?.[column("unverified")]).toBe("true");
    expect(row?.[column("stage")]).toBe("in_review");
    expect(row?.[column("approved_at")]).toBe("");
    // Every kind in its readable one-line form: a titled page with its link, a bare link as itself.
    expect(row?.[column("sources")]).toBe("A (https://a.example/1)\nhttps://b.example/2");
  });

  it("writes the same rows as csvClaimRow for a streamed export", () => {
    const input = makeInput(newsroomClaims());
    const streamed =
      csvRow(CSV_COLUMNS) +
      [2, 4, 3, 8, 9, 11, 5]
        .map((id) => input.claims.find((claim) => claim.id === id))
        .map((claim) => (claim ? csvClaimRow(makeArticle(), claim, input.appUrl) : ""))
        .join("");
    expect(streamed).toBe(toCsv(input));
  });
});
