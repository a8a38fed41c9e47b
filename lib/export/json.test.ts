import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJson } from "./json";
import { makeClaim, makeInput, newsroomClaims } from "@/test/export-fixtures";

type Json = { [key: string]: unknown };
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function claimsOf(doc: Json, verdict: string): Json[] {
  const verdicts = doc.verdicts as Record<string, { claims: Json[] }>;
  return verdicts[verdict]?.claims ?? [];
}

describe("toJson", () => {
  it("is pretty-printed JSON with a fixed top-level key order", () => {
    const text = toJson(makeInput(newsroomClaims()));
    expect(text).toMatch(/^\{\n {2}"format": "claim-desk\/summary@1",\n/);
    expect(text.endsWith("}\n")).toBe(true);
    const doc = JSON.parse(text) as Json;
    expect(Object.keys(doc)).toEqual([
      "format",
      "generatedAt",
      "language",
      "includeUnapproved",
      "organisation",
      "article",
      "counts",
      "countLine",
      "verdicts",
    ]);
    expect(Object.keys(claimsOf(doc, "confirmed")[0] ?? {})).toEqual([
      "id",
      "number",
      "url",
      "statement",
      "speaker",
      "quote",
      "span",
      "verdict",
      "verdictLabel",
      "verdictNote",
      "silentParty",
      "silenceSentence",
      "stage",
      "unverified",
      "sources",
      "ratedBy",
      "ratedAt",
      "approvedBy",
      "approvedAt",
    ]);
  });

  it("keys verdicts in English whatever the article language", () => {
    const doc = JSON.parse(toJson(makeInput(newsroomClaims(), { language: "fr" }))) as Json;
    expect(Object.keys(doc.verdicts as Json)).toEqual(["confirmed", "disputed", "uncommented", "unrated"]);
    expect((doc.verdicts as Record<string, Json>).confirmed?.label).toBe("Confirmé");
    expect(claimsOf(doc, "uncommented")[0]?.verdict).toBe("uncommented");
    expect(doc.counts).toEqual({
      total: 7,
      unverified: 0,
      confirmed: 4,
      disputed: 2,
      uncommented: 1,
      unrated: 0,
    });
  });

  it("writes dates in ISO 8601", () => {
    const doc = JSON.parse(toJson(makeInput([makeClaim({ id: 1 })]))) as Json;
    expect(doc.generatedAt).toBe("2026-12-01T08:00:00.000Z");
    expect((doc.article as Json).publishedAt).toBe("2026-11-24");
    const claim = claimsOf(doc, "confirmed")[0];
    expect(claim?.ratedAt).toBe("2026-11-25T09:30:00.000Z");
    expect(claim?.approvedAt).toBe("2026-11-26T16:45:00.000Z");
    expect(claim?.ratedAt).toMatch(ISO_DATE_TIME);
  });

  it("writes missing and invalid dates as null", () => {
    const claim = makeClaim({
      id: 1,
      stage: "draft",
      approvedAt: null,
      approvedBy: null,
      ratedAt: new Date(Number.NaN),
    });
    const doc = JSON.parse(
      toJson(makeInput([claim], { includeUnapproved: true, article: { publishedAt: "2026-02-31" } })),
    ) as Json;
    expect((doc.article as Json).publishedAt).toBeNull();
    expect(claimsOf(doc, "confirmed")[0]).toMatchObject({
      ratedAt: null,
      approvedAt: null,
      approvedBy: null,
    });
  });

  it("flags unverified claims", () => {
    const doc = JSON.parse(toJson(makeInput(newsroomClaims(), { includeUnapproved: true }))) as Json;
    const unverified = claimsOf(doc, "confirmed").filter((claim) => claim.unverified === true);
    expect(unverified.map((claim) => claim.id)).toEqual([12]);
    expect(unverified[0]?.stage).toBe("in_review");
  });

  it("gives byte-identical output whatever the order of the input", () => {
    const claims = newsroomClaims();
    const expected = toJson(makeInput(claims, { includeUnapproved: true }));
    fc.assert(
      fc.property(fc.shuffledSubarray(claims, { minLength: claims.length }), (shuffled) => {
        expect(toJson(makeInput(shuffled, { includeUnapproved: true }))).toBe(expected);
      }),
    );
  });
});
