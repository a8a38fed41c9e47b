import { webSource } from "@/lib/export/sources";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelsFor } from "./labels";
import { buildSummary, claimUrl, summaryItems } from "./summary";
import { makeClaim, makeInput, newsroomClaims } from "@/test/export-fixtures";

const ids = (input: Parameters<typeof buildSummary>[0]) =>
  summaryItems(buildSummary(input)).map((item) => item.id);

describe("buildSummary", () => {
  it("keeps only approved claims by default", () => {
    const summary = buildSummary(makeInput(newsroomClaims()));
    expect(summaryItems(summary).map((item) => item.id)).not.toContain(12);
    expect(summary.counts).toEqual({
      total: 7,
      unverified: 0,
      byVerdict: { confirmed: 4, disputed: 2, uncommented: 1, unrated: 0 },
    });
    expect(summaryItems(summary).every((item) => item.unverified === false)).toBe(true);
  });

  it("includes unapproved claims flagged unverified when asked", () => {
    const claims = [
      ...newsroomClaims(),
      makeClaim({
        id: 20,
        stage: "draft",
        verdict: "unrated",
        ratedBy: null,
        ratedAt: null,
        approvedBy: null,
        approvedAt: null,
      }),
    ];
    const summary = buildSummary(makeInput(claims, { includeUnapproved: true }));
    const items = summaryItems(summary);
    expect(items.filter((item) => item.unverified).map((item) => item.id)).toEqual([12, 20]);
    expect(items.find((item) => item.id === 4)?.unverified).toBe(false);
    expect(summary.counts.unverified).toBe(2);
    expect(summary.counts.byVerdict.unrated).toBe(1);
  });

  it("groups by verdict in a fixed order and sorts each group in reading order", () => {
    const summary = buildSummary(makeInput(newsroomClaims(), { includeUnapproved: true }));
    expect(summary.groups.map((group) => group.verdict)).toEqual([
      "confirmed",
      "disputed",
      "uncommented",
      "unrated",
    ]);
    expect(summary.groups.map((group) => group.claims.map((item) => item.id))).toEqual([
      [2, 12, 4, 3, 8],
      [9, 11],
      [5],
      [],
    ]);
  });

  it("breaks ties on the same start by end, then by id", () => {
    const claims = [
      makeClaim({ id: 3, start: 10, end: 30 }),
      makeClaim({ id: 1, start: 10, end: 30 }),
      makeClaim({ id: 2, start: 10, end: 20 }),
    ];
    expect(ids(makeInput(claims))).toEqual([2, 1, 3]);
  });

  it("numbers claims continuously across sections", () => {
    const items = summaryItems(buildSummary(makeInput(newsroomClaims())));
    expect(items.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives the same summary whatever the order of the input", () => {
    const claims = newsroomClaims();
    const expected = buildSummary(makeInput(claims, { includeUnapproved: true }));
    fc.assert(
      fc.property(fc.shuffledSubarray(claims, { minLength: claims.length }), (shuffled) => {
        expect(buildSummary(makeInput(shuffled, { includeUnapproved: true }))).toEqual(expected);
      }),
    );
  });

  it("does not reorder the caller's array", () => {
    const claims = newsroomClaims();
    const before = claims.map((claim) => claim.id);
    buildSummary(makeInput(claims));
    expect(claims.map((claim) => claim.id)).toEqual(before);
  });

  it("turns the silent party into a sentence in French and English", () => {
    const claim = makeClaim({ id: 1, verdict: "uncommented", silentParty: "Kyiv" });
    const fr = summaryItems(buildSummary(makeInput([claim], { language: "fr" })));
    const en = summaryItems(buildSummary(makeInput([claim], { language: "en" })));
    expect(fr[0]?.silenceSentence).toBe("Kyiv n'a pas commenté.");
    expect(en[0]?.silenceSentence).toBe("Kyiv did not comment.");
  });

  it("starts the silence sentence with a capital letter", () => {
    const claim = makeClaim({ id: 1, verdict: "uncommented", silentParty: "le ministère des Transports" });
    const [fr] = summaryItems(buildSummary(makeInput([claim], { language: "fr" })));
    const [en] = summaryItems(
      buildSummary(makeInput([{ ...claim, silentParty: "the Kremlin" }], { language: "en" })),
    );
    expect(fr?.silenceSentence).toBe("Le ministère des Transports n'a pas commenté.");
    expect(fr?.silentParty).toBe("le ministère des Transports");
    expect(en?.silenceSentence).toBe("The Kremlin did not comment.");
  });

  it("has a sentence for an uncommented claim without a silent party", () => {
    const claim = makeClaim({ id: 1, verdict: "uncommented", silentParty: "  " });
    const [item] = summaryItems(buildSummary(makeInput([claim], { language: "en" })));
    expect(item?.silentParty).toBeNull();
    expect(item?.silenceSentence).toBe("The party concerned did not comment.");
  });

  it("leaves the silence sentence empty for other verdicts", () => {
    const claim = makeClaim({ id: 1, verdict: "disputed", silentParty: "Kyiv" });
    expect(summaryItems(buildSummary(makeInput([claim])))[0]?.silenceSentence).toBeNull();
  });

  it("uses English labels for articles in other languages", () => {
    const summary = buildSummary(makeInput(newsroomClaims(), { language: "other" }));
    expect(summary.locale).toBe("en-GB");
    expect(summary.groups[0]?.heading).toBe("Confirmed");
    expect(labelsFor("other")).toBe(labelsFor("en"));
  });

  it("localises verdict headings", () => {
    const headings = (language: "fr" | "en") =>
      buildSummary(makeInput([], { language })).groups.map((group) => group.heading);
    expect(headings("fr")).toEqual(["Confirmé", "Contesté", "Sans commentaire", "Non évalué"]);
    expect(headings("en")).toEqual(["Confirmed", "Disputed", "Did not comment", "Unrated"]);
  });

  it("writes the count line with plurals in English", () => {
    expect(buildSummary(makeInput(newsroomClaims(), { language: "en" })).countLine).toBe(
      "7 claims verified: 4 confirmed, 2 disputed, 1 without comment.",
    );
    expect(buildSummary(makeInput([makeClaim({ id: 1 })], { language: "en" })).countLine).toBe(
      "1 claim verified: 1 confirmed.",
    );
    expect(
      buildSummary(makeInput(newsroomClaims(), { language: "en", includeUnapproved: true })).countLine,
    ).toBe("8 claims (1 not yet approved): 5 confirmed, 2 disputed, 1 without comment.");
    expect(buildSummary(makeInput([], { language: "en" })).countLine).toBe("No verified claims yet.");
  });

  it("writes the count line with plurals and French spacing in French", () => {
    expect(buildSummary(makeInput(newsroomClaims(), { language: "fr" })).countLine).toBe(
      "7 affirmations vérifiées\u00a0: 4 confirmées, 2 contestées, 1 sans commentaire.",
    );
    expect(
      buildSummary(makeInput([makeClaim({ id: 1, verdict: "disputed" })], { language: "fr" })).countLine,
    ).toBe("1 affirmation vérifiée\u00a0: 1 contestée.");
    expect(buildSummary(makeInput([], { language: "fr" })).countLine).toBe(
      "Aucune affirmation vérifiée pour l'instant.",
    );
  });

  it("normalises whitespace and empty values but keeps no-break spaces", () => {
    const claim = makeClaim({
      id: 1,
      statement: "  Plus de 1\u00a0800 drones\n tirés  ",
      speaker: " ",
      verdictNote: "\n  ",
      sources: [webSource("  ", "empty"), webSource(" https://example.com/a ", " ")],
      ratedBy: { name: "" },
    });
    const [item] = summaryItems(buildSummary(makeInput([claim])));
    expect(item?.statement).toBe("Plus de 1\u00a0800 drones tirés");
    expect(item?.speaker).toBeNull();
    expect(item?.verdictNote).toBeNull();
    expect(item?.sources).toEqual([webSource("https://example.com/a", null)]);
    expect(item?.ratedBy).toBeNull();
  });

  it("drops invalid dates", () => {
    const claim = makeClaim({ id: 1, ratedAt: new Date("not a date") });
    expect(summaryItems(buildSummary(makeInput([claim])))[0]?.ratedAt).toBeNull();
  });

  it("builds absolute claim URLs from the app URL", () => {
    expect(claimUrl("https://desk.example.org/", 7, 12)).toBe("https://desk.example.org/articles/7#claim-12");
    const [item] = summaryItems(
      buildSummary(makeInput([makeClaim({ id: 3 })], { appUrl: "https://x.test//" })),
    );
    expect(item?.url).toBe("https://x.test/articles/7#claim-3");
  });
});
