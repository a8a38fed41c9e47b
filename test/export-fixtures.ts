// Builders for the lib/export tests (not a test file itself).
import type { Language } from "@/lib/review/model";
import type { SummaryArticle, SummaryClaim, SummaryInput } from "@/lib/export/types";

export function makeClaim(overrides: Partial<SummaryClaim> & { id: number }): SummaryClaim {
  return {
    start: overrides.id * 100,
    end: overrides.id * 100 + 50,
    quote: `Quote ${overrides.id}`,
    statement: `Statement ${overrides.id}.`,
    speaker: "Volodymyr Zelensky",
    verdict: "confirmed",
    verdictNote: null,
    silentParty: null,
    stage: "approved",
    sources: [],
    ratedBy: { name: "Ana" },
    ratedAt: new Date("2026-11-25T09:30:00Z"),
    approvedBy: { name: "Ben" },
    approvedAt: new Date("2026-11-26T16:45:00Z"),
    ...overrides,
  };
}

export function makeArticle(overrides: Partial<SummaryArticle> = {}): SummaryArticle {
  return {
    id: 7,
    title: "Zelensky accuse la Russie",
    outlet: "Euronews",
    url: "https://www.example.com/2026/11/24/zelensky",
    language: "fr",
    publishedAt: "2026-11-24",
    ...overrides,
  };
}

export function makeInput(
  claims: SummaryClaim[],
  overrides: Partial<Omit<SummaryInput, "article">> & {
    article?: Partial<SummaryArticle>;
    language?: Language;
  } = {},
): SummaryInput {
  const { article, language, ...rest } = overrides;
  return {
    article: makeArticle({ ...(language ? { language } : {}), ...article }),
    claims,
    includeUnapproved: false,
    organisation: { name: "The Claim Desk", url: "https://desk.example.org" },
    generatedAt: new Date("2026-12-01T08:00:00Z"),
    appUrl: "https://desk.example.org",
    timeZone: "Europe/Paris",
    ...rest,
  };
}

/** Seven approved claims (4 confirmed, 2 disputed, 1 uncommented) and one in review. */
export function newsroomClaims(): SummaryClaim[] {
  return [
    makeClaim({
      id: 11,
      start: 900,
      verdict: "disputed",
      statement: "Russia controls two thirds of Donetsk.",
    }),
    makeClaim({ id: 4, start: 120, statement: "Russia fired more than 1,800 drones in one week." }),
    makeClaim({
      id: 5,
      start: 700,
      verdict: "uncommented",
      silentParty: "Kyiv",
      speaker: "the Kremlin",
      statement: "Russian forces took the village of Mirne.",
    }),
    makeClaim({ id: 2, start: 40, statement: "Russia is waging a campaign of terror." }),
    makeClaim({ id: 9, start: 300, verdict: "disputed", statement: "The missiles were all intercepted." }),
    makeClaim({ id: 3, start: 300, statement: "83 missiles were fired." }),
    makeClaim({ id: 8, start: 1500, statement: "Patriot systems are part of the delivery." }),
    makeClaim({
      id: 12,
      start: 60,
      stage: "in_review",
      approvedBy: null,
      approvedAt: null,
      statement: "Drone interceptors work particularly well.",
    }),
  ];
}

/**
 * A strict RFC 4180 parser: records end with CRLF (the last one may not), fields are either
 * bare (no quote, CR or LF) or quoted with inner quotes doubled. Anything else throws.
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endOfField = () => i >= text.length || text[i] === separator || text.startsWith("\r\n", i);
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      if (!endOfField()) throw new Error(`garbage after quoted field at ${i}`);
    } else {
      while (!endOfField()) {
        const char = text[i] ?? "";
        if (char === '"' || char === "\r" || char === "\n")
          throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
        field += char;
        i += 1;
      }
    }
    record.push(field);
    if (i >= text.length) {
      records.push(record);
      break;
    }
    if (text[i] === separator) {
      i += 1;
      if (i >= text.length) {
        record.push("");
        records.push(record);
      }
      continue;
    }
    i += 2; // CRLF
    records.push(record);
    record = [];
  }
  return records;
}
