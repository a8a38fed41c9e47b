import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  attributeSentence,
  attributeSentences,
  createAttributionContext,
  resolveMention,
} from "./attribution";
import { segmentSentences } from "./segment";

const fixture = fs.readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
  "utf8",
);

const FRENCH_CUES: [sentence: string, speaker: string, cue: string][] = [
  ["Le Kremlin affirme que ses forces avancent.", "Le Kremlin", "affirme"],
  ["Le ministre a affirmé que la ville était tombée.", "Le ministre", "a affirmé"],
  ["Le porte-parole a déclaré que les frappes continueraient.", "Le porte-parole", "a déclaré"],
  ["L'armée déclare avoir abattu 40 drones.", "L'armée", "déclare"],
  ["Moscou dit contrôler la région.", "Moscou", "dit"],
  ["Le gouverneur a dit que la centrale était intacte.", "Le gouverneur", "a dit"],
  ["Selon le ministère de la Défense, 83 missiles ont été tirés.", "le ministère de la Défense", "Selon"],
  ["D'après l'état-major ukrainien, l'attaque a échoué.", "l'état-major ukrainien", "D'après"],
  ["Les forces russes ont avancé, selon des sources militaires.", "des sources militaires", "selon"],
  ["Le groupe Wagner revendique la prise de la ville.", "Le groupe Wagner", "revendique"],
  [
    "Le ministère russe de la Défense a revendiqué la prise de Mirne.",
    "Le ministère russe de la Défense",
    "a revendiqué",
  ],
  ["La présidence a annoncé un nouveau plan d'aide.", "La présidence", "a annoncé"],
  ["Berlin annonce l'envoi de deux batteries Patriot.", "Berlin", "annonce"],
  ["L'ONG a noté une hausse des frappes.", "L'ONG", "a noté"],
  ["Le rapport note que 12 écoles ont été détruites.", "Le rapport", "note"],
  ["L'institut estime que 500 000 personnes ont fui.", "L'institut", "estime"],
  ["Le FMI a estimé la croissance à 2,5 %.", "Le FMI", "a estimé"],
  ["Le ministre a écrit que les négociations étaient rompues.", "Le ministre", "a écrit"],
  ["Le Monde écrit que le sommet est reporté.", "Le Monde", "écrit"],
  ["Le maire de Kharkiv a indiqué que 3 personnes avaient été tuées.", "Le maire de Kharkiv", "a indiqué"],
  ["Le Pentagone a assuré que les livraisons continueraient.", "Le Pentagone", "a assuré"],
  ["Kyiv accuse Moscou de frapper des civils.", "Kyiv", "accuse"],
  ["Mme Dupont a toutefois noté une baisse des prix.", "Mme Dupont", "a toutefois noté"],
  ["« Nous tenons », a affirmé le général Syrsky.", "le général Syrsky", "a affirmé"],
  ["« La ville est encerclée », affirme le Kremlin.", "le Kremlin", "affirme"],
  [
    "« Tout est faux », a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
    "le porte-parole du Kremlin, Dmitri Peskov",
    "a déclaré",
  ],
];

const ENGLISH_CUES: [sentence: string, speaker: string, cue: string][] = [
  ["Russia's defence ministry said its forces took the village.", "Russia's defence ministry", "said"],
  ["The Kremlin says it controls two thirds of the region.", "The Kremlin", "says"],
  ["Moscow claimed 1,800 drones were intercepted.", "Moscow", "claimed"],
  ["The Kremlin claims its forces are advancing.", "The Kremlin", "claims"],
  ["According to the UN, 3,000 civilians were killed.", "the UN", "According to"],
  ["Civilians fled the city, according to local officials.", "local officials", "according to"],
  ["The White House announced new sanctions.", "The White House", "announced"],
  ["A senior official told Reuters the talks had failed.", "A senior official", "told"],
  ["The minister wrote that the deal was off.", "The minister", "wrote"],
  ["The agency stated that 12 people died.", "The agency", "stated"],
  ["The governor added that power had been restored.", "The governor", "added"],
  ["Officials insisted the strike hit military targets.", "Officials", "insisted"],
  ["On Sunday the ministry said 83 missiles were fired.", "the ministry", "said"],
  ["Meta has repeatedly said it removes such content.", "Meta", "has repeatedly said"],
  ['"We will not retreat," said John Smith.', "John Smith", "said"],
  ['"The drones work well," Zelensky wrote on X.', "Zelensky", "wrote"],
];

describe("attributeSentence in French", () => {
  it.each(FRENCH_CUES)("finds the speaker of %s", (sentence, speaker, cue) => {
    const a = attributeSentence(sentence, "fr");
    expect(a.speaker).toBe(speaker);
    expect(a.cue).toBe(cue);
    expect(sentence.slice(a.cueStart, a.cueEnd).replace(/\s+/g, " ")).toBe(cue);
  });

  it("resolves a-t-il écrit, a-t-elle déclaré and a-t-il ajouté to the speaker named before", () => {
    const ctx = createAttributionContext();
    attributeSentence("La ministre Anna Kovalenko a présenté le plan.", "fr", ctx);
    expect(attributeSentence("« Il est prêt », a-t-elle déclaré.", "fr", ctx)).toMatchObject({
      speaker: "Anna Kovalenko",
      cue: "a-t-elle déclaré",
      mention: "elle",
      resolution: "pronoun",
    });
    attributeSentence("Le général Oleksandr Syrsky a confirmé l'attaque.", "fr", ctx);
    expect(attributeSentence("« Nous tenons », a-t-il écrit.", "fr", ctx).speaker).toBe("Oleksandr Syrsky");
    expect(attributeSentence("« Et nous tiendrons », a-t-il ajouté.", "fr", ctx)).toMatchObject({
      speaker: "Oleksandr Syrsky",
      cue: "a-t-il ajouté",
    });
    expect(attributeSentence("« Rien n'est perdu », dit-il.", "fr", ctx)).toMatchObject({
      speaker: "Oleksandr Syrsky",
      cue: "dit-il",
    });
  });

  it("keeps the title with the name", () => {
    expect(
      attributeSentence(
        "Il y a quelques jours, le président américain Donald Trump a annoncé l'envoi d'armes.",
        "fr",
      ).speaker,
    ).toBe("le président américain Donald Trump");
  });

  it("resolves a description to the person it describes, else keeps it as written", () => {
    const ctx = createAttributionContext();
    expect(attributeSentence("Le président ukrainien affirme que tout va bien.", "fr", ctx).speaker).toBe(
      "Le président ukrainien",
    );
    attributeSentence(
      "Le président ukrainien Volodymyr Zelensky a reproché à la Russie ses frappes.",
      "fr",
      ctx,
    );
    attributeSentence("Le Kremlin affirme le contraire.", "fr", ctx);
    expect(attributeSentence("Le président ukrainien affirme que tout va bien.", "fr", ctx)).toMatchObject({
      speaker: "Volodymyr Zelensky",
      mention: "Le président ukrainien",
      resolution: "description",
    });
    expect(attributeSentence("Le ministre russe affirme l'inverse.", "fr", ctx).speaker).toBe(
      "Le ministre russe",
    );
  });

  it("resolves a surname to the full name seen before", () => {
    const ctx = createAttributionContext();
    attributeSentence("Volodymyr Zelensky a parlé de 83 missiles, a indiqué la présidence.", "fr", ctx);
    attributeSentence("Volodymyr Zelensky a déclaré que la défense tenait.", "fr", ctx);
    expect(attributeSentence("Zelensky a ajouté que l'aide arrivait.", "fr", ctx)).toMatchObject({
      speaker: "Volodymyr Zelensky",
      resolution: "surname",
    });
  });

  it("resolves il to the nearest person rather than an organisation", () => {
    const ctx = createAttributionContext();
    attributeSentence("Donald Trump a annoncé l'envoi d'armes.", "fr", ctx);
    attributeSentence("Le Kremlin affirme que cela ne change rien.", "fr", ctx);
    expect(attributeSentence("Il a ajouté que les livraisons commenceraient lundi.", "fr", ctx).speaker).toBe(
      "Donald Trump",
    );
  });

  it("ignores cues inside quotations and in relative clauses", () => {
    expect(attributeSentence("« Moscou affirme des mensonges », a déclaré Kyiv.", "fr")).toMatchObject({
      speaker: "Kyiv",
      cue: "a déclaré",
    });
    expect(attributeSentence("Les systèmes Patriot, que l'Ukraine réclame, sont arrivés.", "fr")).toEqual({
      speaker: null,
      cue: null,
    });
    expect(attributeSentence("Il déteste ce qu'il appelle une campagne de terreur.", "fr").cue).toBeNull();
  });

  it("does not take nouns for cues", () => {
    expect(attributeSentence("La note de l'ambassade a été publiée.", "fr").cue).toBeNull();
    expect(attributeSentence("L'annonce a surpris les marchés.", "fr").cue).toBeNull();
    expect(attributeSentence("Kyiv n'a pas dit un mot.", "fr").speaker).toBeNull();
  });

  it("resolves selon lui and an honorific name after the cue", () => {
    const ctx = createAttributionContext();
    attributeSentence("Emmanuel Macron a reçu son homologue.", "fr", ctx);
    expect(attributeSentence("Selon lui, la situation est grave.", "fr", ctx)).toMatchObject({
      speaker: "Emmanuel Macron",
      cue: "Selon",
      mention: "lui",
    });
    expect(
      attributeSentence("« C'est inacceptable », a déclaré M. Macron devant la presse.", "fr", ctx),
    ).toMatchObject({
      speaker: "Emmanuel Macron",
      mention: "M. Macron",
    });
    expect(
      attributeSentence("« C'est inacceptable », a déclaré M. Dupont devant la presse.", "fr").speaker,
    ).toBe("M. Dupont");
  });

  it("finds an inverted speaker between commas and skips relative clauses", () => {
    expect(attributeSentence("Les forces russes, affirme le Kremlin, ont pris Mirne.", "fr").speaker).toBe(
      "le Kremlin",
    );
    expect(
      attributeSentence("La Russie a tiré 80 drones, a affirmé l'armée de l'air ukrainienne.", "fr").speaker,
    ).toBe("l'armée de l'air ukrainienne");
    expect(
      attributeSentence("Le Kremlin, qui affirme contrôler la région, n'a pas donné de chiffres.", "fr").cue,
    ).toBeNull();
  });

  it("returns no speaker when the article asserts the sentence itself", () => {
    expect(attributeSentence("La livraison comprend des systèmes Patriot.", "fr")).toEqual({
      speaker: null,
      cue: null,
    });
  });

  it("gives a quotation without a cue to the last speaker", () => {
    const ctx = createAttributionContext();
    attributeSentence("Le président Volodymyr Zelensky a remercié ses alliés.", "fr", ctx);
    expect(attributeSentence("« Nous tiendrons.", "fr", ctx)).toMatchObject({
      speaker: "Le président Volodymyr Zelensky",
      cue: null,
      resolution: "quotation",
    });
    expect(attributeSentence("Nous vaincrons. »", "fr", ctx).speaker).toBe("Le président Volodymyr Zelensky");
  });

  it("remembers a person named as the subject of a sentence without a cue", () => {
    const ctx = createAttributionContext();
    attributeSentence("Vendredi, la ministre Anna Kovalenko a présenté le plan.", "fr", ctx);
    expect(attributeSentence("« Il est prêt. »", "fr", ctx).speaker).toBe("Anna Kovalenko");
    expect(attributeSentence("Elle a précisé que 300 écoles seraient rouvertes.", "fr", ctx).speaker).toBe(
      "Anna Kovalenko",
    );
  });
});

describe("attributeSentence in English", () => {
  it.each(ENGLISH_CUES)("finds the speaker of %s", (sentence, speaker, cue) => {
    const a = attributeSentence(sentence, "en");
    expect(a.speaker).toBe(speaker);
    expect(a.cue).toBe(cue);
  });

  it("resolves he, she and descriptions", () => {
    const ctx = createAttributionContext();
    attributeSentence("Ukrainian President Volodymyr Zelensky said 1,800 drones were fired.", "en", ctx);
    expect(attributeSentence('"Our drones work well," he wrote.', "en", ctx).speaker).toBe(
      "Volodymyr Zelensky",
    );
    attributeSentence("Foreign Minister Andrii Sybiha told reporters the talks would resume.", "en", ctx);
    expect(attributeSentence("She told reporters the talks would resume.", "en", ctx).speaker).toBe(
      "Andrii Sybiha",
    );
    expect(attributeSentence("The Ukrainian president said the war must end.", "en", ctx)).toMatchObject({
      speaker: "Volodymyr Zelensky",
      resolution: "description",
    });
  });

  it("takes the subject before a relative clause or an apposition", () => {
    expect(
      attributeSentence("Zelensky, who met Trump on Friday, said the talks were productive.", "en").speaker,
    ).toBe("Zelensky");
    expect(
      attributeSentence("Dmitry Peskov, the Kremlin spokesman, said no talks were planned.", "en").speaker,
    ).toBe("Dmitry Peskov");
  });

  it("ends an inverted speaker before a time or place", () => {
    expect(attributeSentence('"We are ready," said Pete Hegseth on Monday.', "en").speaker).toBe(
      "Pete Hegseth",
    );
  });

  it("does not read said after to, will or not as an attribution", () => {
    expect(attributeSentence("The minister declined to say whether troops would stay.", "en").cue).toBeNull();
    expect(attributeSentence("Kyiv has not said anything.", "en").speaker).toBeNull();
  });

  it("treats language other with the English rules", () => {
    expect(attributeSentence("The Kremlin said the village fell.", "other")).toMatchObject({
      speaker: "The Kremlin",
      cue: "said",
    });
  });
});

describe("attributeSentences", () => {
  it("attributes every sentence of the fixture with offsets into the body", () => {
    const sentences = segmentSentences(fixture, "fr");
    const attributions = attributeSentences(sentences, "fr");
    const byStart = (prefix: string) => {
      const i = sentences.findIndex((s) => s.text.startsWith(prefix));
      expect(i, prefix).toBeGreaterThanOrEqual(0);
      return attributions[i];
    };
    expect(byStart("Le président ukrainien Volodymyr Zelensky a reproché")?.speaker).toBe(
      "Le président ukrainien Volodymyr Zelensky",
    );
    expect(byStart("Dans une publication sur X, il a détaillé")?.speaker).toBe("Volodymyr Zelensky");
    expect(byStart("Le président ukrainien affirme que la Russie a tiré")).toMatchObject({
      speaker: "Volodymyr Zelensky",
      cue: "affirme",
      mention: "Le président ukrainien",
    });
    expect(byStart("En début de semaine, Kyiv a déclaré")).toMatchObject({
      speaker: "Kyiv",
      cue: "a déclaré",
    });
    expect(byStart("Le ministère russe de la Défense")).toMatchObject({
      speaker: "Le ministère russe de la Défense",
      cue: "a revendiqué",
    });
    expect(byStart("Le Kremlin affirme que ses forces")).toMatchObject({
      speaker: "Le Kremlin",
      cue: "affirme",
    });
    expect(byStart("Moscou dit contrôler")).toMatchObject({ speaker: "Moscou", cue: "dit" });
    expect(byStart("Volodymyr Zelensky a toutefois noté")).toMatchObject({
      speaker: "Volodymyr Zelensky",
      cue: "a toutefois noté",
    });
    expect(byStart('"Les drones intercepteurs')).toMatchObject({
      speaker: "Volodymyr Zelensky",
      cue: "a-t-il écrit",
      mention: "il",
    });
    expect(byStart("Il a également demandé")?.speaker).toBe("Volodymyr Zelensky");
    expect(byStart('"Les "Shaheds" sont')).toMatchObject({ speaker: "Volodymyr Zelensky", cue: "a affirmé" });
    expect(byStart("Il y a quelques jours")).toMatchObject({
      speaker: "le président américain Donald Trump",
      cue: "a annoncé",
    });
    expect(byStart("La livraison d'armes")).toEqual({ speaker: null, cue: null });

    const i = sentences.findIndex((s) => s.text.startsWith("Le Kremlin affirme que ses forces"));
    const a = attributions[i];
    expect(fixture.slice(a?.cueStart, a?.cueEnd)).toBe("affirme");
  });
});

describe("resolveMention", () => {
  it("keeps an unknown pronoun as written and drops the indefinite on", () => {
    const ctx = createAttributionContext();
    expect(resolveMention("il", "fr", ctx).speaker).toBe("il");
    expect(resolveMention("on", "fr", ctx).speaker).toBeNull();
  });
});
