import { describe, expect, it } from "vitest";
import { BASE_SCORE, SUGGESTION_THRESHOLD, namedEntities, scoreSentence } from "./score";

const features = (
  sentence: string,
  lang: "fr" | "en" = "fr",
  attribution?: { speaker: string | null; cue: string | null },
) => scoreSentence(sentence, lang, { attribution }).reasons.map((r) => r.feature);

describe("scoreSentence", () => {
  it("scores a reported claim with quantities high and says why", () => {
    const s = scoreSentence(
      "Le président ukrainien affirme que la Russie a tiré plus de 1 800 drones et 83 missiles en une semaine.",
      "fr",
      { attribution: { speaker: "Volodymyr Zelensky", cue: "affirme" } },
    );
    expect(s.score).toBeGreaterThanOrEqual(0.9);
    const numbers = s.reasons.find((r) => r.feature === "numbers");
    expect(numbers?.label).toContain('"1 800"');
    expect(s.reasons.map((r) => r.feature)).toEqual(
      expect.arrayContaining(["numbers", "named_entities", "factual_verb", "attribution"]),
    );
  });

  it("recognises numbers with no-break spaces, words and percentages", () => {
    expect(features("Le budget atteint 12\u00a0500\u202f000 euros.")).toContain("numbers");
    expect(
      features("Moscou contrôle les deux tiers de la région.", "fr", { speaker: "Moscou", cue: null }),
    ).toContain("numbers");
    expect(features("L'inflation a atteint 2,5 % en mars.")).toContain("numbers");
    expect(features("Inflation rose by 3.5 percent.", "en")).toContain("numbers");
    expect(features("Le ciel est bleu.")).not.toContain("numbers");
  });

  it("counts names that are not at the start of the sentence, and known ones anywhere", () => {
    expect(namedEntities("Le Kremlin a parlé à Washington et à l'OTAN.")).toEqual([
      "Kremlin",
      "Washington",
      "OTAN",
    ]);
    expect(namedEntities("Hier, Volodymyr Zelensky a parlé.")).toEqual(["Volodymyr Zelensky"]);
    expect(namedEntities("Moscou affirme.")).toEqual(["Moscou"]);
    expect(namedEntities("Demain sera un autre jour.")).toEqual([]);
    expect(namedEntities("NATO met in Brussels.")).toEqual(["NATO", "Brussels"]);
  });

  it("scores thanks, wishes, requests and opinions low", () => {
    const low = [
      ["Je suis reconnaissant à tous ceux qui souhaitent investir dans la protection de la vie.", "fr"],
      ["Nous espérons que la paix reviendra vite.", "fr"],
      ["Il a demandé à ses alliés d'accroître la pression.", "fr"],
      ["Nous devons neutraliser cette menace.", "fr"],
      ["Je pense que la situation va s'améliorer.", "fr"],
      ["We thank our partners for their support.", "en"],
      ["He called on allies to act.", "en"],
      ["I believe this is the right decision.", "en"],
    ] as const;
    for (const [sentence, lang] of low) {
      expect(scoreSentence(sentence, lang).score, sentence).toBeLessThan(SUGGESTION_THRESHOLD);
    }
    expect(features("Je suis reconnaissant à nos alliés.")).toContain("gratitude");
    expect(features("Nous espérons la paix.")).toContain("wish");
    expect(features("He called on allies to act.", "en")).toContain("request");
    expect(features("I believe this is right.", "en")).toContain("opinion");
  });

  it("scores a headline without a verb low", () => {
    const s = scoreSentence("Guerre en Ukraine : la bataille du Donbass", "fr");
    expect(s.reasons.map((r) => r.feature)).toEqual(
      expect.arrayContaining(["no_final_punctuation", "no_verb"]),
    );
    expect(s.score).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(features("Moscou affirme avoir pris le contrôle de certains territoires")).not.toContain(
      "no_verb",
    );
  });

  it("scores questions and very short sentences down", () => {
    expect(features("Que va faire Moscou ?")).toContain("question");
    expect(features("Rien.")).toContain("short");
  });

  it("stays in [0, 1] and is the clamped sum of its reasons", () => {
    for (const sentence of [
      "Je suis reconnaissant, merci, nous espérons, nous devons, je pense.",
      "Le Kremlin affirme que 1 800 drones, 83 missiles et 1 200 bombes ont été tirés sur Kyiv, Kharkiv et Odessa lundi.",
      "",
    ]) {
      const s = scoreSentence(sentence, "fr", { attribution: { speaker: "Le Kremlin", cue: "affirme" } });
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      const sum = s.reasons.reduce((t, r) => t + r.weight, 0);
      expect(s.score).toBeCloseTo(Math.min(1, Math.max(0, sum)), 2);
      expect(s.reasons[0]).toEqual({ feature: "base", weight: BASE_SCORE, label: "base score" });
    }
  });

  it("gives a bonus to attribution, smaller for an uncued quotation", () => {
    const cued = scoreSentence("Les forces avancent.", "fr", {
      attribution: { speaker: "Le Kremlin", cue: "affirme" },
    });
    const quoted = scoreSentence("Les forces avancent.", "fr", {
      attribution: { speaker: "Le Kremlin", cue: null },
    });
    const none = scoreSentence("Les forces avancent.", "fr");
    expect(cued.score).toBeGreaterThan(quoted.score);
    expect(quoted.score).toBeGreaterThan(none.score);
    expect(cued.reasons.find((r) => r.feature === "attribution")?.label).toBe(
      'attributed to Le Kremlin ("affirme")',
    );
  });
});
