// The formatters against the real French article of ../shared/fixtures: French typography, straight
// and nested quotes, no-break spaces and a quote spanning paragraphs, end to end.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/review/model";
import { buildClaimReviews } from "./claimreview";
import { CSV_COLUMNS, toCsv } from "./csv";
import { toHtml } from "./html";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import { makeClaim, makeInput, parseCsv } from "@/test/export-fixtures";
import { textLines } from "./text";
import type { SummaryClaim } from "./types";

const body = fs
  .readFileSync(
    fileURLToPath(new URL("../../../shared/fixtures/seed-article-fr.txt", import.meta.url)),
    "utf8",
  )
  .normalize("NFC")
  .replace(/\r\n?/g, "\n");

/** Claims on the sentences of the article that quote someone, plus one spanning two paragraphs. */
function claimsFromArticle(): SummaryClaim[] {
  const verdicts: Verdict[] = ["confirmed", "disputed", "uncommented"];
  const sentences = [...body.matchAll(/[^\n.!?]+[.!?]"?/g)].filter((match) => match[0].includes('"'));
  const claims = sentences.slice(0, 5).map((match, i) => {
    const start = (match.index ?? 0) + (match[0].length - match[0].trimStart().length);
    const end = (match.index ?? 0) + match[0].length;
    return makeClaim({
      id: i + 1,
      start,
      end,
      quote: body.slice(start, end),
      statement: body.slice(start, end).slice(0, 80),
      verdict: verdicts[i % verdicts.length] ?? "confirmed",
      silentParty: "Kyiv",
    });
  });
  const paragraphs = [...body.matchAll(/[^\n]+/g)];
  const [first, second] = paragraphs;
  const start = first?.index ?? 0;
  const end = (second?.index ?? 0) + (second?.[0].length ?? 0);
  claims.push(
    makeClaim({ id: 99, start, end, quote: body.slice(start, end), statement: "Deux paragraphes." }),
  );
  return claims;
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "'",
  );
}

describe("exports of the seed article", () => {
  const claims = claimsFromArticle();
  const input = makeInput(claims, { language: "fr" });

  it("finds quoted sentences and a quote across paragraphs in the fixture", () => {
    expect(claims.length).toBeGreaterThanOrEqual(4);
    expect(claims.at(-1)?.quote).toMatch(/\n\n/);
    for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.quote);
  });

  it("keeps every quote exactly in JSON", () => {
    const doc = JSON.parse(toJson(input)) as {
      verdicts: Record<string, { claims: { id: number; quote: string }[] }>;
    };
    const quotes = Object.values(doc.verdicts).flatMap((group) => group.claims);
    expect(quotes).toHaveLength(claims.length);
    for (const { id, quote } of quotes) expect(quote).toBe(claims.find((claim) => claim.id === id)?.quote);
  });

  it("keeps every quote exactly in CSV", () => {
    const rows = parseCsv(toCsv(input, { bom: true }).slice(1));
    const id = CSV_COLUMNS.indexOf("claim_id");
    const quote = CSV_COLUMNS.indexOf("quote");
    for (const row of rows.slice(1)) {
      expect(row[quote]).toBe(claims.find((claim) => String(claim.id) === row[id])?.quote);
    }
  });

  it("shows every quote line by line in HTML", () => {
    const html = toHtml(input);
    const quotes = [...html.matchAll(/<blockquote><p>([\s\S]*?)<\/p><\/blockquote>/g)].map((m) =>
      decodeHtml((m[1] ?? "").replace(/<br>\n/g, "\n")),
    );
    expect(quotes.sort()).toEqual(claims.map((claim) => textLines(claim.quote).join("\n")).sort());
  });

  it("shows every quote line in Markdown", () => {
    const md = toMarkdown(input);
    const unescaped = md.replace(/\\([!-/:-@[-`{-~])/g, "$1");
    for (const claim of claims) {
      for (const line of textLines(claim.quote))
        expect(unescaped).toContain(line === "" ? "\n>\n" : `> ${line}`);
    }
  });

  it("produces well-formed ClaimReviews", () => {
    const reviews = buildClaimReviews(input, { includeUncommented: true });
    expect(reviews).toHaveLength(claims.length);
    expect(buildClaimReviews(input)).toHaveLength(
      claims.filter((claim) => claim.verdict !== "uncommented").length,
    );
    for (const review of reviews) {
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(review.inLanguage).toBe("fr");
    }
  });
});
