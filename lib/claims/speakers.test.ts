import { describe, expect, it } from "vitest";
import { type Suggestion, suggestClaims } from "./index";
import { buildRegistry, canonicalOrg } from "./speakers";
import { segmentSentences } from "./segment";
import { canonicalName, nameVariants, sameName, searchVariants } from "./variants";

function find(suggestions: Suggestion[], part: string): Suggestion {
  const s = suggestions.find((x) => x.quote.includes(part));
  expect(s, `a suggestion containing ${part}`).toBeDefined();
  return s as Suggestion;
}

describe("one name per speaker", () => {
  const body = `Le ministre de la Santé sommé de démissionner

Le Premier ministre a fait savoir qu'il cherchait un remplaçant au ministre.

Mercredi, le ministre de la Santé Roman Prymula a dîné au restaurant avec le Premier ministre Andrej Babiš.

« Je n'ai enfreint aucune règle », a déclaré le ministre de la Santé. M. Prymula a ajouté qu'il resterait en poste.

Le Premier ministre a indiqué qu'il demanderait sa démission, a-t-il dit. Il a aussi déclaré qu'un nouveau ministre serait nommé lundi.`;
  const suggestions = suggestClaims(body, "fr");

  it("gives a description the name of the person holding that title, even named later", () => {
    expect(find(suggestions, "Le Premier ministre a fait savoir")).toMatchObject({
      speaker: "Andrej Babiš",
      role: "Premier ministre",
    });
    expect(find(suggestions, "a déclaré le ministre de la Santé")).toMatchObject({
      speaker: "Roman Prymula",
      role: "ministre de la Santé",
    });
  });

  it("resolves a surname with its honorific and a pronoun to the full name", () => {
    expect(find(suggestions, "M. Prymula a ajouté").speaker).toBe("Roman Prymula");
    expect(find(suggestions, "Il a aussi déclaré").speaker).toBe("Andrej Babiš");
  });

  it("does not suggest the headline", () => {
    expect(suggestions.some((s) => s.quote.includes("sommé de démissionner"))).toBe(false);
  });

  it("merges spellings of a name through the variants table", () => {
    const s = suggestClaims(
      "Le président ukrainien Volodymyr Zelensky a affirmé que 40 drones avaient été abattus.\n\n« Nous tenons », a ajouté M. Zelenski.",
      "fr",
    );
    expect(s.map((x) => x.speaker)).toEqual(["Volodymyr Zelensky", "Volodymyr Zelensky"]);
  });

  it("keeps an institution apart from its members", () => {
    const s = suggestClaims(
      "Le ministre de l'Économie, Éric Lombard, a assuré que le déficit serait de 5,4 %. Le ministère de l'Économie a précisé que le plan ne comporterait aucune hausse d'impôts. Le ministre a ajouté qu'un plan de 5 milliards serait présenté.",
      "fr",
    );
    expect(s.map((x) => x.speaker)).toEqual(["Éric Lombard", "Le ministère de l'Économie", "Éric Lombard"]);
  });

  it("names the source of passive, impersonal and document attributions", () => {
    const en = suggestClaims(
      "The Bank of England cut its growth forecast to 0.75%. The central bank expects unemployment to rise to 4.9%. TNO's analysis showed the rounds were fired from 1.34 km away. According to government data published in March, 1.2 million people will be affected. It was announced on Wednesday that the pension age will rise to 67.",
      "en",
    );
    expect(en.map((x) => x.speaker)).toEqual([
      "The Bank of England",
      "The Bank of England",
      "TNO",
      "government data",
      null,
    ]);
    expect(find(en, "It was announced").cue).toBe("was announced");
    expect(find(en, "It was announced").hidden).toBe(false);
    const fr = suggestClaims(
      "L'Otan et l'Ukraine se retrouveront mardi à Bruxelles, a-t-on appris de sources diplomatiques. Selon des estimations de l'agence russe des statistiques (Rosstat), le taux de fécondité était de 1,41 enfant par femme.",
      "fr",
    );
    expect(fr.map((x) => x.speaker)).toEqual(["sources diplomatiques", "Rosstat"]);
  });

  it("counts forecasts and positions without a speech verb as the institution's claims", () => {
    const s = suggestClaims(
      "La Commission européenne a présenté ses chiffres mardi. L'institution abaisse ses prévisions de croissance pour 2019 à 1,4 %. Une prévision proche de celle de la Banque de France, qui table sur une hausse de 1,4 % en 2019.",
      "fr",
    );
    expect(find(s, "L'institution abaisse").speaker).toBe("Commission européenne");
    expect(find(s, "qui table sur").speaker).toBe("la Banque de France");
  });

  it("gives a multi-sentence quotation with the cue at the end to the cue's speaker", () => {
    const s = suggestClaims(
      'Officials met on Monday. "They are bussing in crews at night. We have photographs of it. This is strike-breaking," said Unite general secretary Sharon Graham.',
      "en",
    );
    expect(find(s, "bussing")).toMatchObject({ speaker: "Sharon Graham", role: "Unite general secretary" });
  });
});

describe("two attributions in one sentence", () => {
  it("gives two suggestions, each with its speaker and its own span", () => {
    const body =
      "South Africa said Mr Mugabe had told President Jacob Zuma that he was confined to his home and the military said it was keeping him and his family safe.";
    const s = suggestClaims(body, "en");
    expect(s.map((x) => x.speaker)).toEqual(["South Africa", "the military"]);
    for (const x of s) expect(x.quote).toBe(body.slice(x.start, x.end));
    expect(s[1]?.quote).toBe("the military said it was keeping him and his family safe.");
    const fr = suggestClaims(
      "Le ministre Éric Lombard a assuré que l'objectif de 5,4 % serait tenu, tandis que la Cour des comptes a estimé que cette trajectoire était « peu crédible ».",
      "fr",
    );
    expect(fr.map((x) => x.speaker)).toEqual(["Éric Lombard", "la Cour des comptes"]);
  });
});

describe("standfirst repeats, datelines and no-comment passages", () => {
  it("suggests a claim repeated in the standfirst and the body once, in the body", () => {
    const body = `UK economy: growth forecast cut

The Bank of England expects the economy to grow by 0.75% this year.

LONDON, May 8 (Wire) - The Bank of England cut its growth forecast for this year to 0.75% on Thursday.`;
    const s = suggestClaims(body, "en").filter((x) => !x.hidden);
    expect(s).toHaveLength(1);
    expect(s[0]?.quote.startsWith("The Bank of England cut")).toBe(true);
    expect(s[0]?.statement).toBe(
      "The Bank of England cut its growth forecast for this year to 0.75% on Thursday.",
    );
  });

  it("links a no-comment sentence to the claims paragraphs before it, and an unrelated one to none", () => {
    const body = `Selon la CGT, Stellantis prévoit de supprimer 2 000 postes.

Le syndicat affirme que le site de Poissy serait le plus touché, avec 800 emplois menacés.

« C'est inacceptable », a dénoncé la secrétaire générale de la CGT, Sophie Binet.

Stellantis n'a pas répondu.

Le gouverneur de la région, Oleh Synehoubov, a fait état de trois blessés.

L'agence Tass n'a pas pu être jointe.`;
    const s = suggestClaims(body, "fr");
    expect(find(s, "Selon la CGT")).toMatchObject({
      speaker: "la CGT",
      verdict: "uncommented",
      silentParty: "Stellantis",
    });
    expect(find(s, "Le syndicat affirme")).toMatchObject({ speaker: "la CGT", verdict: "uncommented" });
    expect(find(s, "inacceptable")).toMatchObject({ speaker: "Sophie Binet", verdict: "uncommented" });
    expect(find(s, "Oleh Synehoubov").verdict).toBeUndefined();
  });
});

describe("speaker registry", () => {
  it("finds people by title, apposition and acronyms of institutions", () => {
    const sentences = segmentSentences(
      "Sebastian Kurz, le chancelier autrichien, a parlé. Le porte-parole du Kremlin, Dmitri Peskov, a répondu. The Israel Defense Forces (IDF) did not respond.",
      "fr",
    );
    const reg = buildRegistry(sentences, "fr");
    expect(reg.persons.map((p) => [p.name, p.role])).toEqual([
      ["Sebastian Kurz", "chancelier autrichien"],
      ["Dmitri Peskov", "porte-parole du Kremlin"],
    ]);
    expect(canonicalOrg(reg, "The Israel Defense Forces (IDF)")).toBe("IDF");
    expect(canonicalOrg(reg, "TNO's report")).toBe("TNO");
    expect(canonicalOrg(reg, "le tabloïd Blesk")).toBe("Blesk");
    expect(canonicalOrg(reg, "les données du ministère du Travail")).toBe("le ministère du Travail");
  });
});

describe("name variants", () => {
  it("knows transliterations of places, people and institutions", () => {
    expect(sameName("Kiev", "Kyiv")).toBe(true);
    expect(sameName("Zelenski", "Zelenskyy")).toBe(true);
    expect(sameName("Moscou", "Moscow")).toBe(true);
    expect(sameName("OTAN", "NATO")).toBe(true);
    expect(sameName("Kyiv", "Moscow")).toBe(false);
    expect(nameVariants("Kiev")[0]).toBe("Kyiv");
    expect(searchVariants("Zelenski")).toContain("Zelensky");
    expect(nameVariants("Ouagadougou")).toEqual(["Ouagadougou"]);
  });

  it("rewrites known variants to the preferred form, word by word", () => {
    expect(canonicalName("Kiev")).toBe("Kyiv");
    expect(canonicalName("le président Zelenski")).toBe("le président Zelensky");
    expect(canonicalName("Andrej Babiš")).toBe("Andrej Babiš");
  });
});
