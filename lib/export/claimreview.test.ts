import { readFileSync } from "node:fs";
import path from "node:path";
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

/**
 * Required ClaimReview properties, by path: Google's fact-check structured data (claimReviewed,
 * reviewRating.alternateName, url; itemReviewed a Claim with author and appearance, which Google
 * recommends and we always write) plus our own rules.
 */
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
  ["reviewRating.alternateName", "string"],
];

function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => {
    if (node === null || typeof node !== "object") return undefined;
    return (node as Record<string, unknown>)[key];
  }, value);
}

/** The site of a URL, for Google's "url on the same domain as the fact check's publisher". */
function site(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    return new URL(url).hostname.split(".").slice(-2).join(".");
  } catch {
    return null;
  }
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
  if (site(at(review, "url")) !== site(at(review, "author.url"))) {
    problems.push("url: not on the publisher's site");
  }
  const rating = at(review, "reviewRating.ratingValue");
  const worst = at(review, "reviewRating.worstRating");
  const best = at(review, "reviewRating.bestRating");
  const numeric = [rating, worst, best].filter((value) => value !== undefined);
  if (numeric.length > 0) {
    if (numeric.length < 3 || numeric.some((value) => typeof value !== "number")) {
      problems.push("reviewRating: ratingValue, worstRating and bestRating go together, as numbers");
    } else if (typeof rating === "number" && typeof worst === "number" && typeof best === "number") {
      if (!(worst < best)) problems.push("reviewRating: worstRating must be below bestRating");
      if (rating < worst || rating > best)
        problems.push(`reviewRating.ratingValue ${rating} outside ${worst}..${best}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The schema.org vocabulary (its current release, in ../shared/vocab): every type and property
// written must exist, and each property must be one its type (or a supertype) can carry.
// ---------------------------------------------------------------------------------------------

type VocabNode = {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: { "@id": string } | { "@id": string }[];
  "schema:domainIncludes"?: { "@id": string } | { "@id": string }[];
};

const VOCAB_FILE = path.resolve(process.cwd(), "../shared/vocab/schemaorg-current-https.jsonld");

function loadVocabulary() {
  const graph = (JSON.parse(readFileSync(VOCAB_FILE, "utf8")) as { "@graph": VocabNode[] })["@graph"];
  const ids = (value: VocabNode["rdfs:subClassOf"]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => v["@id"]);
  const types = new Map<string, string[]>();
  const properties = new Map<string, string[]>();
  for (const node of graph) {
    const kinds = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
    if (kinds.includes("rdfs:Class")) types.set(node["@id"], ids(node["rdfs:subClassOf"]));
    if (kinds.includes("rdf:Property")) properties.set(node["@id"], ids(node["schema:domainIncludes"]));
  }
  const ancestors = (type: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [type];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(types.get(next) ?? []));
    }
    return seen;
  };
  return { types, properties, ancestors };
}

/** Problems of a JSON-LD node against the vocabulary, recursively. */
function vocabularyProblems(
  node: Record<string, unknown>,
  vocab: ReturnType<typeof loadVocabulary>,
  where = "",
): string[] {
  const problems: string[] = [];
  const type = `schema:${String(node["@type"])}`;
  if (!vocab.types.has(type)) return [`${where}@type ${type} is not a schema.org type`];
  const lineage = vocab.ancestors(type);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const domains = vocab.properties.get(`schema:${key}`);
    if (!domains) problems.push(`${where}${key} is not a schema.org property`);
    else if (!domains.some((domain) => lineage.has(domain)))
      problems.push(`${where}${key} is not for ${type}`);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      problems.push(...vocabularyProblems(value as Record<string, unknown>, vocab, `${where}${key}.`));
    }
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
    (broken as Record<string, unknown>).url = "https://elsewhere.example.com/articles/7#claim-1";
    expect(validateClaimReview(broken)).toEqual([
      'datePublished: "26/11/2026" fails "isoDate"',
      "itemReviewed.author.@type: missing",
      "itemReviewed.author.name: missing",
      "url: not on the publisher's site",
      "reviewRating.ratingValue 9 outside 1..3",
    ]);
    delete (broken.reviewRating as Record<string, unknown>).bestRating;
    expect(validateClaimReview(broken)).toContain(
      "reviewRating: ratingValue, worstRating and bestRating go together, as numbers",
    );
  });

  it("reports types and properties that schema.org does not have or does not allow there", () => {
    const vocab = loadVocabulary();
    const [review] = buildClaimReviews(makeInput([makeClaim({ id: 1 })]));
    const broken = JSON.parse(JSON.stringify(review)) as Record<string, Record<string, unknown>>;
    broken.reviewRating!.verdict = "true";
    broken.itemReviewed!.price = "A claim has no price";
    broken.author!["@type"] = "Newsroom";
    expect(vocabularyProblems(broken, vocab)).toEqual([
      "itemReviewed.price is not for schema:Claim",
      "reviewRating.verdict is not a schema.org property",
      "author.@type schema:Newsroom is not a schema.org type",
    ]);
  });
});

describe("toClaimReview", () => {
  it("produces one valid ClaimReview per approved, confirmed or disputed claim", () => {
    const reviews = JSON.parse(toClaimReview(makeInput(newsroomClaims()))) as unknown[];
    expect(reviews).toHaveLength(6);
    for (const review of reviews) expect(validateClaimReview(review)).toEqual([]);
    const withSilences = JSON.parse(
      toClaimReview(makeInput(newsroomClaims()), { includeUncommented: true }),
    ) as unknown[];
    expect(withSilences).toHaveLength(7);
    for (const review of withSilences) expect(validateClaimReview(review)).toEqual([]);
  });

  it("uses only schema.org types and properties, where schema.org allows them", () => {
    const vocab = loadVocabulary();
    const claims = [
      ...newsroomClaims(),
      makeClaim({ id: 20, speaker: null, verdictNote: "Vérifié auprès de l'AFP." }),
    ];
    const reviews = buildClaimReviews(makeInput(claims), { includeUncommented: true });
    expect(new Set(reviews.map((review) => review.itemReviewed.author?.["@type"]))).toEqual(
      new Set(["Person", "Organization"]),
    );
    for (const review of reviews) expect(vocabularyProblems(review, vocab)).toEqual([]);
  });

  it("rates only a confirmed claim on a number; disputed and uncommented get words only", () => {
    expect(CLAIM_REVIEW_SCALE).toEqual({ worstRating: 1, bestRating: 3, ratings: { confirmed: 3 } });
    const claims = [
      makeClaim({ id: 1, verdict: "confirmed" }),
      makeClaim({ id: 2, verdict: "disputed", verdictNote: "The ministry's own figures say 40." }),
      makeClaim({ id: 3, verdict: "uncommented", silentParty: "Kyiv" }),
    ];
    const ratings = buildClaimReviews(makeInput(claims, { language: "en" }), {
      includeUncommented: true,
    }).map((review) => [review.url, review.reviewRating]);
    expect(ratings).toEqual([
      [
        "https://desk.example.org/articles/7#claim-1",
        { "@type": "Rating", ratingValue: 3, bestRating: 3, worstRating: 1, alternateName: "Confirmed" },
      ],
      [
        "https://desk.example.org/articles/7#claim-2",
        {
          "@type": "Rating",
          alternateName: "Disputed",
          ratingExplanation: "The ministry's own figures say 40.",
        },
      ],
      [
        "https://desk.example.org/articles/7#claim-3",
        { "@type": "Rating", alternateName: "Did not comment", ratingExplanation: "Kyiv did not comment." },
      ],
    ]);
  });

  it("leaves uncommented claims out unless they are asked for", () => {
    const claims = [
      makeClaim({ id: 1, verdict: "disputed" }),
      makeClaim({ id: 3, verdict: "uncommented", silentParty: "Kyiv" }),
    ];
    const urls = (reviews: { url: string }[]) => reviews.map((review) => review.url.split("#")[1]);
    expect(urls(buildClaimReviews(makeInput(claims)))).toEqual(["claim-1"]);
    expect(urls(buildClaimReviews(makeInput(claims), { includeUncommented: false }))).toEqual(["claim-1"]);
    expect(urls(buildClaimReviews(makeInput(claims), { includeUncommented: true }))).toEqual([
      "claim-1",
      "claim-3",
    ]);
    expect(toClaimReview(makeInput([claims[1]!]))).toBe("[]\n");
  });

  it("localises the textual rating and explains a silence", () => {
    const claim = makeClaim({
      id: 3,
      verdict: "uncommented",
      silentParty: "Kyiv",
      verdictNote: "Relancé deux fois.",
    });
    const [review] = buildClaimReviews(makeInput([claim], { language: "fr" }), { includeUncommented: true });
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

  it("dates the review on the approval day in the newsroom's time zone", () => {
    const claim = makeClaim({ id: 1, approvedAt: new Date("2026-11-26T23:30:00Z") });
    expect(buildClaimReviews(makeInput([claim]))[0]?.datePublished).toBe("2026-11-27");
    expect(buildClaimReviews(makeInput([claim], { timeZone: "UTC" }))[0]?.datePublished).toBe("2026-11-26");
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
