import { describe, expect, it } from "vitest";
import {
  buildClaimReviews,
  claimReviewScript,
  CLAIM_REVIEW_SCALE,
  scriptSafeJson,
  speakerType,
  toClaimReview,
} from "./claimreview";
import { makeClaim, makeInput, newsroomClaims } from "@/test/export-fixtures";

type Check = "string" | "number" | "isoDate" | "absoluteUrl" | { equals: string } | { oneOf: string[] };

/** Required ClaimReview properties (Google fact-check markup plus our own rules), by path. */
const REQUIRED: [string, Check][] = [
  ["@context", { equals: "https://schema.org" }],
  ["@type", { equals: "ClaimReview" }],
  ["claimReviewed", "string"],
  ["url", "absoluteUrl"],
  ["datePublished", "isoDate"],
  ["author.@type", { equals: "Organization" }],
  ["author.name", "string"],
  ["author.url", "absoluteUrl"],
  ["itemReviewed.@type", { equals: "Claim" }],
  ["itemReviewed.author.@type", { oneOf: ["Person", "Organization"] }],
  ["itemReviewed.author.name", "string"],
  ["itemReviewed.appearance.@type", { oneOf: ["CreativeWork", "NewsArticle"] }],
  ["itemReviewed.appearance.url", "absoluteUrl"],
  ["reviewRating.@type", { equals: "Rating" }],
  ["reviewRating.ratingValue", "number"],
  ["reviewRating.bestRating", "number"],
  ["reviewRating.worstRating", "number"],
  ["reviewRating.alternateName", "string"],
];

function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => {
    if (node === null || typeof node !== "object") return undefined;
    return (node as Record<string, unknown>)[key];
  }, value);
}

/** The list of problems of one ClaimReview object; empty when it is valid. */
function validateClaimReview(review: unknown): string[] {
  const problems: string[] = [];
  for (const [path, check] of REQUIRED) {
    const value = at(review, path);
    if (value === undefined || value === null) {
      problems.push(`${path}: missing`);
      continue;
    }
    const ok =
      check === "string"
        ? typeof value === "string" && value.trim() !== ""
        : check === "number"
          ? typeof value === "number" && Number.isFinite(value)
          : check === "isoDate"
            ? typeof value === "string" &&
              /^\d{4}-\d{2}-\d{2}$/.test(value) &&
              !Number.isNaN(Date.parse(value))
            : check === "absoluteUrl"
              ? typeof value === "string" && /^https?:\/\/[^\s/]+/.test(value)
              : "equals" in check
                ? value === check.equals
                : typeof value === "string" && check.oneOf.includes(value);
    if (!ok) problems.push(`${path}: ${JSON.stringify(value)} fails ${JSON.stringify(check)}`);
  }
  const rating = at(review, "reviewRating.ratingValue");
  const worst = at(review, "reviewRating.worstRating");
  const best = at(review, "reviewRating.bestRating");
  if (typeof rating === "number" && typeof worst === "number" && typeof best === "number") {
    if (!(worst < best)) problems.push("reviewRating: worstRating must be below bestRating");
    if (rating < worst || rating > best)
      problems.push(`reviewRating.ratingValue ${rating} outside ${worst}..${best}`);
  }
  return problems;
}

describe("the ClaimReview validator of this test", () => {
  it("reports missing and mistyped properties", () => {
    const [review] = buildClaimReviews(makeInput([makeClaim({ id: 1 })]));
    const broken = JSON.parse(JSON.stringify(review)) as Record<string, Record<string, unknown>>;
    delete broken.itemReviewed?.author;
    (broken.reviewRating as Record<string, unknown>).ratingValue = 9;
    (broken as Record<string, unknown>).datePublished = "26/11/2026";
    expect(validateClaimReview(broken)).toEqual([
      'datePublished: "26/11/2026" fails "isoDate"',
      "itemReviewed.author.@type: missing",
      "itemReviewed.author.name: missing",
      "reviewRating.ratingValue 9 outside 1..3",
    ]);
  });
});

describe("toClaimReview", () => {
  it("produces one valid ClaimReview per approved, rated claim", () => {
    const reviews = JSON.parse(toClaimReview(makeInput(newsroomClaims()))) as unknown[];
    expect(reviews).toHaveLength(7);
    for (const review of reviews) expect(validateClaimReview(review)).toEqual([]);
  });

  it("maps verdicts onto a 1 (disputed) to 3 (confirmed) scale", () => {
    expect(CLAIM_REVIEW_SCALE).toEqual({
      worstRating: 1,
      bestRating: 3,
      ratings: { disputed: 1, uncommented: 2, confirmed: 3 },
    });
    const claims = [
      makeClaim({ id: 1, verdict: "confirmed" }),
      makeClaim({ id: 2, verdict: "disputed" }),
      makeClaim({ id: 3, verdict: "uncommented", silentParty: "Kyiv" }),
    ];
    const ratings = buildClaimReviews(makeInput(claims, { language: "en" })).map((review) => [
      review.url,
      review.reviewRating.ratingValue,
      review.reviewRating.alternateName,
    ]);
    expect(ratings).toEqual([
      ["https://desk.example.org/articles/7#claim-1", 3, "Confirmed"],
      ["https://desk.example.org/articles/7#claim-2", 1, "Disputed"],
      ["https://desk.example.org/articles/7#claim-3", 2, "Did not comment"],
    ]);
  });

  it("localises the textual rating and explains a silence", () => {
    const claim = makeClaim({
      id: 3,
      verdict: "uncommented",
      silentParty: "Kyiv",
      verdictNote: "Relancé deux fois.",
    });
    const [review] = buildClaimReviews(makeInput([claim], { language: "fr" }));
    expect(review?.reviewRating.alternateName).toBe("Sans commentaire");
    expect(review?.reviewRating.ratingExplanation).toBe("Kyiv n'a pas commenté. Relancé deux fois.");
    expect(review?.inLanguage).toBe("fr");
  });

  it("fills the reviewed claim from the statement, speaker and article", () => {
    const [review] = buildClaimReviews(
      makeInput([makeClaim({ id: 1, statement: "Russia fired 83 missiles." })]),
    );
    expect(review).toMatchObject({
      claimReviewed: "Russia fired 83 missiles.",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Volodymyr Zelensky" },
        datePublished: "2026-11-24",
        appearance: {
          "@type": "NewsArticle",
          url: "https://www.example.com/2026/11/24/zelensky",
          headline: "Zelensky accuse la Russie",
          datePublished: "2026-11-24",
          publisher: { "@type": "Organization", name: "Euronews" },
        },
      },
      author: { "@type": "Organization", name: "The Claim Desk", url: "https://desk.example.org" },
    });
  });

  it("dates the review on the approval day in UTC", () => {
    const claim = makeClaim({ id: 1, approvedAt: new Date("2026-11-26T23:30:00Z") });
    expect(buildClaimReviews(makeInput([claim]))[0]?.datePublished).toBe("2026-11-26");
  });

  it("leaves out unrated and unapproved claims even when unapproved ones are included", () => {
    const claims = [
      makeClaim({ id: 1 }),
      makeClaim({ id: 2, verdict: "unrated", stage: "approved" }),
      makeClaim({ id: 3, stage: "in_review", approvedAt: null, approvedBy: null }),
    ];
    const reviews = buildClaimReviews(makeInput(claims, { includeUnapproved: true }));
    expect(reviews.map((review) => review.url)).toEqual(["https://desk.example.org/articles/7#claim-1"]);
  });

  it("credits the outlet when the article itself makes the claim", () => {
    const [review] = buildClaimReviews(makeInput([makeClaim({ id: 1, speaker: null })]));
    expect(review?.itemReviewed.author).toEqual({ "@type": "Organization", name: "Euronews" });
  });

  it("writes no null values", () => {
    const input = makeInput([makeClaim({ id: 1, speaker: null })], {
      article: { outlet: null, url: null, publishedAt: null },
      language: "other",
    });
    const text = toClaimReview(input);
    expect(text).not.toContain("null");
    expect(JSON.parse(text)).toHaveLength(1);
  });

  it("is an empty array when nothing is reviewable", () => {
    expect(toClaimReview(makeInput([]))).toBe("[]\n");
  });
});

describe("speakerType", () => {
  it.each([
    ["Volodymyr Zelensky", "Person"],
    ["Donald Trump", "Person"],
    ["le président ukrainien", "Person"],
    ["un porte-parole du Kremlin", "Person"],
    ["Kremlin spokesperson Dmitry Peskov", "Person"],
    ["the Kremlin", "Organization"],
    ["Le ministère russe de la Défense", "Organization"],
    ["Kyiv", "Organization"],
    ["NATO", "Organization"],
    ["Ukrainian armed forces", "Organization"],
    ["l'OTAN", "Organization"],
  ] as const)("classifies %j as a %s", (name, type) => {
    expect(speakerType(name)).toBe(type);
  });
});

describe("claimReviewScript", () => {
  it("wraps the JSON-LD in a script element", () => {
    const reviews = buildClaimReviews(makeInput([makeClaim({ id: 1 })]));
    const script = claimReviewScript(reviews);
    expect(script.startsWith('<script type="application/ld+json">[{"@context":"https://schema.org"')).toBe(
      true,
    );
    expect(script.endsWith("]</script>")).toBe(true);
  });

  it("cannot be closed or commented out by user text", () => {
    const claim = makeClaim({ id: 1, statement: "</script><script>alert(1)</script><!-- & \u2028" });
    const reviews = buildClaimReviews(makeInput([claim]));
    const script = claimReviewScript(reviews);
    const inner = script.slice('<script type="application/ld+json">'.length, -"</script>".length);
    expect(inner).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(inner)).toEqual(reviews);
  });

  it("gives the same escaped JSON for frameworks that render the element themselves", () => {
    const claim = makeClaim({ id: 1, statement: "</script> & <!--" });
    const reviews = buildClaimReviews(makeInput([claim]));
    const inner = scriptSafeJson(reviews);
    expect(claimReviewScript(reviews)).toBe(`<script type="application/ld+json">${inner}</script>`);
    expect(inner).not.toMatch(/[<>&]/);
    expect(JSON.parse(inner)).toEqual(reviews);
  });
});
