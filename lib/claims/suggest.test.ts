import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUGGESTION_THRESHOLD, type Suggestion, suggestClaims } from "./index";

const fixture = fs.readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
  "utf8",
);

function find(suggestions: Suggestion[], prefix: string): Suggestion {
  const s = suggestions.find((x) => x.quote.startsWith(prefix));
  expect(s, `a suggestion starting with ${prefix}`).toBeDefined();
  return s as Suggestion;
}

describe("suggestClaims on the French fixture", () => {
  const suggestions = suggestClaims(fixture, "fr");

  it("anchors every suggestion to its exact span, in reading order", () => {
    expect(suggestions.length).toBeGreaterThan(10);
    let last = -1;
    for (const s of suggestions) {
      expect(s.quote).toBe(fixture.slice(s.start, s.end));
      expect(s.start).toBeGreaterThan(last);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.reasons.length).toBeGreaterThan(0);
      last = s.end;
    }
  });

  it("resolves the Ukrainian president to Zelensky and scores his drone figures high", () => {
    const s = find(suggestions, "Le président ukrainien affirme que la Russie a tiré plus de 1 800 drones");
    expect(s.speaker).toBe("Volodymyr Zelensky");
    expect(s.cue).toBe("affirme");
    expect(s.score).toBeGreaterThanOrEqual(0.8);
    expect(s.reasons.find((r) => r.feature === "numbers")?.label).toContain("1 800");
    expect(s.verdict).toBeUndefined();
  });

  it("does not suggest the no-comment sentence and marks the Moscow claims uncommented by Kyiv", () => {
    expect(suggestions.some((s) => s.quote.startsWith("Kyiv n'a pas commenté"))).toBe(false);
    const moscow = find(suggestions, "Moscou dit contrôler un peu plus des deux tiers");
    expect(moscow).toMatchObject({ speaker: "Moscou", verdict: "uncommented", silentParty: "Kyiv" });
    expect(moscow.reasons.map((r) => r.feature)).toContain("numbers");
    const kremlin = find(suggestions, "Le Kremlin affirme que ses forces ont pris le contrôle");
    expect(kremlin).toMatchObject({ speaker: "Le Kremlin", verdict: "uncommented", silentParty: "Kyiv" });
    const ministry = find(suggestions, "Le ministère russe de la Défense a revendiqué");
    expect(ministry).toMatchObject({ verdict: "uncommented", silentParty: "Kyiv" });
  });

  it("does not mark claims of Kyiv's side or of other passages uncommented", () => {
    const kyiv = find(suggestions, "En début de semaine, Kyiv a déclaré");
    expect(kyiv.verdict).toBeUndefined();
    const marked = suggestions.filter((s) => s.verdict === "uncommented");
    expect(marked).toHaveLength(3);
    for (const s of marked) expect(s.speaker).not.toMatch(/Zelensky|Kyiv|ukrainien/);
  });

  it("resolves a-t-il écrit to Zelensky and words the quotation without its attribution", () => {
    const s = find(suggestions, '"Les drones intercepteurs fonctionnent particulièrement bien');
    expect(s.speaker).toBe("Volodymyr Zelensky");
    expect(s.cue).toBe("a-t-il écrit");
    expect(s.statement).toMatch(
      /^Zelensky\u00a0: les drones intercepteurs fonctionnent .* la semaine dernière\.$/,
    );
    expect(s.statement).not.toContain("a-t-il écrit");
  });

  it("scores the thanks low and gives the unattributed quotation to Zelensky", () => {
    const s = find(suggestions, "Je suis reconnaissant");
    expect(s.score).toBeLessThan(0.2);
    expect(s.reasons.map((r) => r.feature)).toContain("gratitude");
    expect(s.speaker).toBe("Volodymyr Zelensky");
    expect(s.cue).toBeNull();
    expect(s.statement.endsWith('"')).toBe(false);
  });

  it("scores the request and the gratitude of the president below the threshold", () => {
    expect(find(suggestions, "Il a également demandé à ses alliés").score).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(find(suggestions, "Le président ukrainien a exprimé sa gratitude").score).toBeLessThan(
      SUGGESTION_THRESHOLD,
    );
  });

  it("names Donald Trump once, with his title as the role, and words the claim in one line", () => {
    const s = find(suggestions, "Il y a quelques jours, le président américain Donald Trump a annoncé");
    expect(s).toMatchObject({ speaker: "Donald Trump", role: "président américain", cue: "a annoncé" });
    expect(s.statement).toBe("Trump\u00a0: Washington enverrait des armes à l'Ukraine via l'OTAN.");
    expect(s.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
  });

  it("gives every mention of the Ukrainian president one name", () => {
    const zelensky = suggestions.filter(
      (s) => /Zelensky|président ukrainien|^"|^Il |, il /u.test(s.quote) && !s.quote.includes("Trump"),
    );
    expect(zelensky.length).toBeGreaterThan(5);
    for (const s of zelensky)
      expect(s).toMatchObject({ speaker: "Volodymyr Zelensky", role: "président ukrainien" });
    expect(find(suggestions, "Le président ukrainien affirme").statement).toMatch(
      /^Zelensky\u00a0: la Russie a tiré plus de 1 800 drones/u,
    );
  });

  it("scores narration without a statement low: a topic announced is not a claim", () => {
    const s = find(suggestions, "Dans une publication sur X, il a détaillé");
    expect(s.hidden).toBe(true);
    expect(s.reasons.map((r) => r.feature)).toContain("narration");
  });

  it("hides a statement with no source and no figure, with the speaker left empty", () => {
    const s = find(suggestions, "La livraison d'armes, payée par les alliés européens");
    expect(s.speaker).toBeNull();
    expect(s).toMatchObject({ hidden: true });
    expect(s.reasons.map((r) => r.feature)).toContain("unsourced");
  });

  it("does not suggest the subheading", () => {
    expect(suggestions.some((s) => s.quote.startsWith("Moscou affirme avoir pris le contrôle"))).toBe(false);
  });

  it("hides what scores below the threshold, and only that", () => {
    for (const s of suggestions) expect(s.hidden).toBe(s.score < SUGGESTION_THRESHOLD);
    expect(find(suggestions, "Je suis reconnaissant").hidden).toBe(true);
  });

  it("filters by minScore", () => {
    const strong = suggestClaims(fixture, "fr", { minScore: SUGGESTION_THRESHOLD });
    expect(strong.length).toBeLessThan(suggestions.length);
    expect(strong.every((s) => s.score >= SUGGESTION_THRESHOLD)).toBe(true);
    expect(strong.some((s) => s.quote.startsWith("Je suis reconnaissant"))).toBe(false);
  });
});

const ENGLISH = `Ukrainian President Volodymyr Zelensky said on Sunday that Russia had launched more than 1,800 drones and 83 missiles in a week.

"Our interceptor drones are working particularly well. Hundreds of Shaheds were shot down last week," he wrote on X.

Russia's defence ministry claimed its forces had captured the village of Mirne in the Donetsk region. According to the Kremlin, Moscow now controls two thirds of the region. Kyiv did not immediately respond to a request for comment.

"I am grateful to all our partners," he said.

U.S. President Donald Trump announced last week that Washington would send Patriot systems to Ukraine via NATO.`;

describe("suggestClaims on an English article", () => {
  const suggestions = suggestClaims(ENGLISH, "en");

  it("finds speakers, pronouns and quotations", () => {
    expect(find(suggestions, "Ukrainian President Volodymyr Zelensky said")).toMatchObject({
      speaker: "Volodymyr Zelensky",
      role: "Ukrainian President",
      cue: "said",
      statement: "Zelensky: Russia had launched more than 1,800 drones and 83 missiles in a week.",
    });
    const quote = find(suggestions, '"Our interceptor drones');
    expect(quote).toMatchObject({ speaker: "Volodymyr Zelensky", cue: "wrote" });
    expect(quote.statement).toBe(
      "Zelensky: our interceptor drones are working particularly well. Hundreds of Shaheds were shot down last week.",
    );
    expect(find(suggestions, "U.S. President Donald Trump")).toMatchObject({
      speaker: "Donald Trump",
      cue: "announced",
    });
  });

  it("marks the Russian claims uncommented by Kyiv and drops the no-comment sentence", () => {
    expect(suggestions.some((s) => s.quote.startsWith("Kyiv did not"))).toBe(false);
    expect(find(suggestions, "Russia's defence ministry claimed")).toMatchObject({
      verdict: "uncommented",
      silentParty: "Kyiv",
    });
    const kremlin = find(suggestions, "According to the Kremlin");
    expect(kremlin).toMatchObject({ speaker: "the Kremlin", verdict: "uncommented", silentParty: "Kyiv" });
    expect(kremlin.statement).toBe("Kremlin: Moscow now controls two thirds of the region.");
    expect(find(suggestions, "Ukrainian President Volodymyr Zelensky said").verdict).toBeUndefined();
  });

  it("scores the thanks low and the drone figures high", () => {
    expect(find(suggestions, '"I am grateful').score).toBeLessThan(0.2);
    expect(find(suggestions, "Ukrainian President Volodymyr Zelensky said").score).toBeGreaterThanOrEqual(
      0.8,
    );
  });
});

describe("suggestClaims in general", () => {
  it("returns nothing for an empty body", () => {
    expect(suggestClaims("", "fr")).toEqual([]);
    expect(suggestClaims("\n\n  \n", "en")).toEqual([]);
  });

  it("handles language other with the English rules", () => {
    const [s] = suggestClaims("The Kremlin said 83 missiles were fired.", "other");
    expect(s).toMatchObject({ speaker: "The Kremlin", cue: "said" });
  });

  it("keeps quote === body.slice(start, end) on arbitrary text", () => {
    const piece = fc.constantFrom(
      "Le Kremlin affirme que",
      "Kyiv n'a pas commenté.",
      "« Non. Oui », a-t-il dit.",
      "1 800 drones",
      "\n\n",
      "Il a dit",
      "said",
      '"',
      "declined to comment.",
      ".",
      "🚀",
      "M.",
      "Selon Moscou,",
      "\u00a0",
      "é",
      "\r\n",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom("fr" as const, "en" as const, "other" as const),
        (parts, lang) => {
          const body = parts.join(" ");
          for (const s of suggestClaims(body, lang)) {
            expect(s.quote).toBe(body.slice(s.start, s.end));
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(1);
            if (s.verdict) expect(s.silentParty).toBeTruthy();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("suggestClaims progress", () => {
  it("reports progress up to the number of sentences", () => {
    const body = Array.from(
      { length: 450 },
      (_, i) => `Le ministère a annoncé ${i + 1} nouvelles mesures.`,
    ).join("\n\n");
    const calls: [number, number][] = [];
    suggestClaims(body, "fr", { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, 450]);
    expect(calls.at(-1)).toEqual([450, 450]);
    expect(calls.map(([d]) => d)).toEqual([0, 200, 400, 450]);
  });
});
