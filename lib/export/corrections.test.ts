// The corrections section of a published summary (issue 16): dated in the article's language and
// the newsroom's time zone, in every format that carries it, and absent when there is none.
import { describe, expect, it } from "vitest";
import { makeClaim, makeInput } from "@/test/export-fixtures";
import { buildClaimReviews, toHtml, toJson, toMarkdown } from "./index";

// 23:30 UTC on 1 December is 2 December in Paris.
const corrections = [
  { claimId: 1, note: "The figure is 1,900, not 1,800.", at: new Date("2026-12-01T23:30:00Z") },
];
const claims = [makeClaim({ id: 1 }), makeClaim({ id: 2 })];

describe("corrections section", () => {
  it("is dated in French: « Correction du 2 décembre 2026 : … »", () => {
    const input = makeInput(claims, { language: "fr", corrections });
    expect(toMarkdown(input)).toContain(
      "## Corrections\n\n**Correction du 2 décembre 2026\u00a0:** The figure is 1,900, not 1,800.\n\n---",
    );
    expect(toHtml(input)).toContain(
      '<p class="correction" data-claim="1"><strong><time datetime="2026-12-02">Correction du 2 décembre 2026</time>\u00a0:</strong> The figure is 1,900, not 1,800.</p>',
    );
    expect(JSON.parse(toJson(input)).corrections).toEqual([
      {
        claimId: 1,
        date: "2026-12-02",
        at: "2026-12-01T23:30:00.000Z",
        heading: "Correction du 2 décembre 2026",
        note: "The figure is 1,900, not 1,800.",
      },
    ]);
    const reviews = buildClaimReviews(input);
    expect(reviews.find((r) => r.url.endsWith("#claim-1"))).toMatchObject({
      dateModified: "2026-12-02",
      correction: [
        {
          "@type": "CorrectionComment",
          text: "Correction du 2 décembre 2026\u00a0: The figure is 1,900, not 1,800.",
          datePublished: "2026-12-02",
        },
      ],
    });
    expect(reviews.find((r) => r.url.endsWith("#claim-2"))).not.toHaveProperty("correction");
  });

  it("is dated in English: “Correction of 2 December 2026: …”", () => {
    const input = makeInput(claims, { language: "en", corrections });
    expect(toMarkdown(input)).toContain("**Correction of 2 December 2026:** The figure is 1,900, not 1,800.");
    expect(toHtml(input)).toContain("Correction of 2 December 2026</time>:</strong>");
    expect(buildClaimReviews(input)[0]!.correction![0]!.text).toBe(
      "Correction of 2 December 2026: The figure is 1,900, not 1,800.",
    );
  });

  it("is left out of a summary never corrected", () => {
    const input = makeInput(claims, { language: "fr" });
    expect(toMarkdown(input)).not.toContain("Correction");
    expect(toHtml(input)).not.toContain("corrections");
    expect(JSON.parse(toJson(input))).not.toHaveProperty("corrections");
    expect(buildClaimReviews(input)[0]).not.toHaveProperty("correction");
  });
});
