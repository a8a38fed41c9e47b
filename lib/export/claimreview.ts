// toClaimReview: schema.org ClaimReview JSON-LD, one review per approved, rated claim, for search
// engines and fact-check aggregators (https://schema.org/ClaimReview, Google's "Fact check"
// structured data: claimReviewed, reviewRating with alternateName, url on the publisher's site,
// itemReviewed a Claim with its author and appearance).
//
// Ratings. Only a confirmed claim is a rating of truth, and only it gets a number (3 on a 1 to 3
// scale: aggregators read the top of the scale as "true"). A disputed claim (contested by evidence
// or another party) and an uncommented one (the party concerned did not answer) say nothing about
// truth on such a scale: putting them at the bottom or the middle would read as "false" or "half
// true". They get a textual rating only: alternateName (the verdict in the article's language) and
// ratingExplanation (the silence and the editor's note), no ratingValue, bestRating or worstRating.
//
// Left out: `unrated` claims (no verdict); claims that are not approved, even with
// `includeUnapproved` (structured data is for publication, and publishing a verdict nobody approved
// would skip the four-eyes rule); and `uncommented` claims unless `includeUncommented` is asked for
// (a silence is news in the summary, but not a fact check to syndicate by default).
import type { Verdict } from "@/lib/review/model";
import { isoDate, parseIsoDate } from "./dates";
import { buildSummary, summaryItems } from "./summary";
import type { SummaryArticle, SummaryInput, SummaryItem } from "./types";

export const CLAIM_REVIEW_SCALE = {
  worstRating: 1,
  bestRating: 3,
  /** The verdicts with a numeric rating; the other reviewable ones get a textual rating only. */
  ratings: { confirmed: 3 },
} as const satisfies { worstRating: number; bestRating: number; ratings: Partial<Record<Verdict, number>> };

/** The verdicts a ClaimReview can be written for (unrated claims have no verdict to publish). */
const REVIEWABLE = ["confirmed", "disputed", "uncommented"] as const satisfies readonly Verdict[];
type ReviewableVerdict = (typeof REVIEWABLE)[number];

export type ClaimReviewOptions = {
  /** Also write claims nobody answered (textual rating only). Default false: they are left out. */
  includeUncommented?: boolean;
};

export type JsonLdThing<T extends string> = { "@type": T; name: string };

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  itemReviewed: {
    "@type": "Claim";
    author?: JsonLdThing<"Person" | "Organization">;
    datePublished?: string;
    appearance?: {
      "@type": "NewsArticle";
      url?: string;
      headline: string;
      datePublished?: string;
      publisher?: JsonLdThing<"Organization">;
    };
  };
  reviewRating: {
    "@type": "Rating";
    /** Only for a confirmed claim, with bestRating and worstRating. */
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
    ratingExplanation?: string;
  };
  author: { "@type": "Organization"; name: string; url: string };
  datePublished: string;
  /** The day of the latest correction, when the review was corrected after publication. */
  dateModified?: string;
  /** schema.org `correction` (CreativeWork): the corrections published for this claim, oldest first. */
  correction?: { "@type": "CorrectionComment"; text: string; datePublished: string }[];
  inLanguage?: string;
};

/** A case-insensitive whole-word pattern that understands accented letters. */
function words(list: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])`, "iu");
}

const PERSON_TITLE = words(
  [
    "president",
    "président",
    "presidente",
    "minister",
    "ministre",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "porte-parole",
    "official",
    "responsable",
    "chancellor",
    "chancelier",
    "chancelière",
    "general",
    "général",
    "mayor",
    "maire",
    "secretary",
    "secrétaire",
    "king",
    "roi",
    "queen",
    "reine",
    "pope",
    "pape",
    "ambassador",
    "ambassadeur",
    "ambassadrice",
    "commander",
    "commandant",
    "chief",
    "chef",
    "director",
    "directeur",
    "directrice",
    "leader",
    "dirigeant",
    "dirigeante",
    "envoy",
    "émissaire",
    "adviser",
    "advisor",
    "conseiller",
    "conseillère",
    "governor",
    "gouverneur",
    "senator",
    "sénateur",
    "sénatrice",
    "deputy",
    "député",
    "députée",
    "mr",
    "mrs",
    "ms",
    "dr",
    "m\\.",
    "mme",
  ].join("|"),
);

const ORGANISATION_WORD = words(
  [
    "ministry",
    "ministère",
    "government",
    "gouvernement",
    "kremlin",
    "army",
    "armée",
    "forces?",
    "police",
    "office",
    "agency",
    "agence",
    "council",
    "conseil",
    "committee",
    "comité",
    "commission",
    "company",
    "société",
    "group",
    "groupe",
    "party",
    "parti",
    "union",
    "nations",
    "embassy",
    "ambassade",
    "presidency",
    "présidence",
    "administration",
    "department",
    "département",
    "authorit(?:y|ies)",
    "autorités?",
    "institute",
    "institut",
    "bank",
    "banque",
    "court",
    "cour",
    "tribunal",
    "parliament",
    "parlement",
    "senate",
    "sénat",
    "état-major",
    "white house",
    "maison blanche",
    "nato",
    "otan",
    "onu",
  ].join("|"),
);

const DEFINITE = /^(?:the\s|le\s|la\s|les\s|l['’])/i;

/**
 * "Person" or "Organization" for a speaker name, by heuristic: a title ("President…", "un
 * porte-parole…", "le ministre…") makes a person; a definite article ("the Kremlin"), an
 * institution word ("le ministère…"), an acronym or a single word ("Kyiv", "Moscou") an
 * organisation; any other name ("Volodymyr Zelensky") a person.
 */
export function speakerType(name: string): "Person" | "Organization" {
  const trimmed = name.trim();
  if (PERSON_TITLE.test(trimmed)) return "Person";
  if (DEFINITE.test(trimmed) || ORGANISATION_WORD.test(trimmed) || !/\s/.test(trimmed)) return "Organization";
  return "Person";
}

function appearance(article: SummaryArticle): NonNullable<ClaimReview["itemReviewed"]["appearance"]> {
  const published = isoDate(parseIsoDate(article.publishedAt));
  return {
    "@type": "NewsArticle",
    ...(article.url ? { url: article.url } : {}),
    headline: article.title,
    ...(published ? { datePublished: published } : {}),
    ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
  };
}

function reviewable(
  item: SummaryItem,
  options: ClaimReviewOptions,
): item is SummaryItem & { verdict: ReviewableVerdict } {
  if (item.unverified || !(REVIEWABLE as readonly Verdict[]).includes(item.verdict)) return false;
  return item.verdict !== "uncommented" || options.includeUncommented === true;
}

function rating(item: SummaryItem & { verdict: ReviewableVerdict }): ClaimReview["reviewRating"] {
  const explanation = [item.silenceSentence, item.verdictNote].filter((text) => text !== null).join(" ");
  const numeric =
    item.verdict === "confirmed"
      ? {
          ratingValue: CLAIM_REVIEW_SCALE.ratings.confirmed,
          bestRating: CLAIM_REVIEW_SCALE.bestRating,
          worstRating: CLAIM_REVIEW_SCALE.worstRating,
        }
      : {};
  return {
    "@type": "Rating",
    ...numeric,
    alternateName: item.verdictLabel,
    ...(explanation ? { ratingExplanation: explanation } : {}),
  };
}

/** The ClaimReview objects of a summary input (see the ratings and the rules at the top of the file). */
export function buildClaimReviews(input: SummaryInput, options: ClaimReviewOptions = {}): ClaimReview[] {
  const summary = buildSummary(input);
  const { article, organisation } = summary;
  const published = isoDate(parseIsoDate(article.publishedAt));
  const language = article.language === "other" ? null : article.language;

  return summaryItems(summary)
    .filter((item) => reviewable(item, options))
    .map((item): ClaimReview => {
      const author: JsonLdThing<"Person" | "Organization"> | null = item.speaker
        ? { "@type": speakerType(item.speaker), name: item.speaker }
        : article.outlet
          ? { "@type": "Organization", name: article.outlet }
          : null;
      const corrections = summary.corrections.filter((c) => c.claimId === item.id && c.on !== "");
      return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: item.url,
        claimReviewed: item.statement,
        itemReviewed: {
          "@type": "Claim",
          ...(author ? { author } : {}),
          ...(published ? { datePublished: published } : {}),
          appearance: appearance(article),
        },
        reviewRating: rating(item),
        author: { "@type": "Organization", name: organisation.name, url: organisation.url },
        // The review is published when it is approved; fall back for inconsistent data.
        datePublished: item.approvedOn ?? item.ratedOn ?? summary.generatedOn,
        ...(corrections.length > 0
          ? {
              dateModified: corrections[corrections.length - 1]!.on,
              correction: corrections.map((c) => ({
                "@type": "CorrectionComment" as const,
                text: `${c.heading}${summary.language === "fr" ? "\u00a0:" : ":"} ${c.note}`,
                datePublished: c.on,
              })),
            }
          : {}),
        ...(language ? { inLanguage: language } : {}),
      };
    })
    .filter((review) => review.datePublished !== "");
}

/** Pretty JSON-LD: an array with one ClaimReview per approved, reviewable claim (may be empty). */
export function toClaimReview(input: SummaryInput, options: ClaimReviewOptions = {}): string {
  return `${JSON.stringify(buildClaimReviews(input, options), null, 2)}\n`;
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * A `<script type="application/ld+json">` element for an HTML page. `<`, `>` and `&` are written
 * as JSON unicode escapes, so no user text can close the script ("</script>") or open a comment.
 */
export function claimReviewScript(
  jsonLd: ClaimReview | readonly ClaimReview[] | Record<string, unknown>,
): string {
  return `<script type="application/ld+json">${scriptSafeJson(jsonLd)}</script>`;
}

/**
 * The text inside claimReviewScript's element, for frameworks that render the element
 * themselves (React's dangerouslySetInnerHTML): JSON with `<`, `>` and `&` as unicode escapes.
 */
export function scriptSafeJson(
  jsonLd: ClaimReview | readonly ClaimReview[] | Record<string, unknown>,
): string {
  return JSON.stringify(jsonLd).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_ESCAPES[char] ?? char);
}
