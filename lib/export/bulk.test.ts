import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BULK_FORMAT_INFO,
  bulkExportChunks,
  bulkFileName,
  createRecordCounter,
  isBulkFormat,
  textStream,
  toJsonLine,
} from "./bulk";
import { CSV_BOM, CSV_COLUMNS, csvRow, toCsv } from "./csv";
import { toJson } from "./json";
import { makeClaim, makeInput, newsroomClaims, parseCsv } from "@/test/export-fixtures";
import type { SummaryInput } from "./types";

function article(id: number, claims = newsroomClaims()): SummaryInput {
  return makeInput(claims, { article: { id, title: `Article ${id}` } });
}

async function* batchesOf(inputs: SummaryInput[], size: number) {
  for (let i = 0; i < inputs.length; i += size) yield inputs.slice(i, i + size);
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("bulk formats", () => {
  it("offers JSON Lines and CSV", () => {
    expect(isBulkFormat("jsonl")).toBe(true);
    expect(isBulkFormat("csv")).toBe(true);
    expect(isBulkFormat("md")).toBe(false);
    expect(BULK_FORMAT_INFO.jsonl.record).toBe("article");
    expect(BULK_FORMAT_INFO.csv.record).toBe("claim");
  });

  it("names the file after the date range", () => {
    expect(bulkFileName({ from: "2026-11-01", to: "2026-11-30" }, "jsonl")).toBe(
      "verified-articles-2026-11-01-to-2026-11-30.jsonl",
    );
    expect(bulkFileName({ from: "2026-11-24", to: "2026-11-24" }, "csv")).toBe(
      "verified-articles-2026-11-24.csv",
    );
  });
});

describe("toJsonLine", () => {
  it("is the JSON summary on a single line", () => {
    const input = article(3);
    const line = toJsonLine(input);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(JSON.parse(toJson(input)));
  });

  it("keeps line breaks of user text inside the JSON string", () => {
    const input = makeInput([makeClaim({ id: 1, quote: "one\ntwo\r\nthree\u2028four" })]);
    const line = toJsonLine(input);
    expect(line.split("\n")).toHaveLength(2);
  });
});

describe("bulkExportChunks", () => {
  it("writes one JSON line per article, one chunk per batch", async () => {
    const inputs = [1, 2, 3, 4, 5].map((id) => article(id));
    const chunks = await collect(bulkExportChunks("jsonl", batchesOf(inputs, 2)));
    expect(chunks).toHaveLength(3);
    const lines = chunks.join("").split("\n").slice(0, -1);
    expect(lines.map((line) => (JSON.parse(line) as { article: { id: number } }).article.id)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it("writes the CSV header once, after a byte order mark, then the claims of every article", async () => {
    const inputs = [1, 2, 3].map((id) => article(id));
    const text = (await collect(bulkExportChunks("csv", batchesOf(inputs, 2)))).join("");
    expect(text.startsWith(`${CSV_BOM}${csvRow(CSV_COLUMNS)}`)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toHaveLength(3 * 7);
    // Each article's rows are exactly those of its own CSV download.
    const single = parseCsv(toCsv(inputs[1]!)).slice(1);
    expect(rows.slice(8, 15)).toEqual(single);
  });

  it("writes only the header when there is nothing to export", async () => {
    expect((await collect(bulkExportChunks("csv", batchesOf([], 10)))).join("")).toBe(
      `${CSV_BOM}${csvRow(CSV_COLUMNS)}`,
    );
    expect(await collect(bulkExportChunks("jsonl", batchesOf([], 10)))).toEqual([]);
  });

  it("asks for the next batch only when the next chunk is wanted", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 1; i <= 100; i += 1) {
        pulled += 1;
        yield [article(i)];
      }
    }
    const chunks = bulkExportChunks("jsonl", source());
    await chunks.next();
    await chunks.next();
    expect(pulled).toBe(2);
    await chunks.return(undefined);
  });
});

describe("textStream", () => {
  it("streams the chunks as UTF-8 bytes", async () => {
    async function* chunks() {
      yield "Grève ";
      yield "« 1 800 »\n";
    }
    expect(await readAll(textStream(chunks()))).toBe("Grève « 1 800 »\n");
  });

  it("reads from its source only as fast as its reader", async () => {
    let produced = 0;
    async function* chunks() {
      for (;;) {
        produced += 1;
        yield `line ${produced}\n`;
      }
    }
    const reader = textStream(chunks()).getReader();
    await reader.read();
    await reader.read();
    await reader.read();
    expect(produced).toBe(3);
    await reader.cancel();
  });

  it("closes its source when the reader cancels", async () => {
    let closed = false;
    async function* chunks() {
      try {
        for (;;) yield "x\n";
      } finally {
        closed = true;
      }
    }
    const reader = textStream(chunks()).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});

describe("createRecordCounter", () => {
  it("counts JSON lines as they arrive in arbitrary pieces", () => {
    const counter = createRecordCounter("jsonl");
    expect(counter.push('{"a":1}\n{"b"')).toBe(1);
    expect(counter.push(":2}\n")).toBe(2);
    expect(counter.count).toBe(2);
  });

  it("counts CSV records, not the header nor line breaks inside quoted fields", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom('"', "\r\n", "\n", ",", '""')), { maxLength: 4 }),
          {
            maxLength: 8,
          },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, cuts) => {
          const text = `${CSV_BOM}${csvRow(CSV_COLUMNS)}${records.map((values) => csvRow(values)).join("")}`;
          const counter = createRecordCounter("csv");
          const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const to of [...positions, text.length]) {
            counter.push(text.slice(from, to));
            from = to;
          }
          expect(counter.count).toBe(records.length);
        },
      ),
    );
  });
});
