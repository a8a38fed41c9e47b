import { describe, expect, it } from "vitest";
import { createAttributionContext, attributeSentence } from "./attribution";
import { type PassageItem, detectNoComment, sameSide, uncommentedTargets } from "./no-comment";

const FRENCH: [sentence: string, party: string][] = [
  ["Kyiv n'a pas commenté les affirmations de la Russie.", "Kyiv"],
  ["Le Kremlin n'a pas réagi.", "Le Kremlin"],
  ["Contacté par l'AFP, le ministère n'a pas répondu.", "le ministère"],
  ["L'état-major ukrainien n'a pas souhaité commenter ces informations.", "L'état-major ukrainien"],
  [
    "Le ministère ukrainien de la Défense n'a pas encore réagi à ces annonces.",
    "Le ministère ukrainien de la Défense",
  ],
  ["Moscou n'a pas donné suite à nos sollicitations.", "Moscou"],
  ["La présidence n'a pas pu être jointe.", "La présidence"],
  ["Kyiv ne s'est pas exprimé sur ce point.", "Kyiv"],
  ["Le Pentagone s'est refusé à tout commentaire.", "Le Pentagone"],
  ["Washington n'a fait aucun commentaire.", "Washington"],
  ["Aucune réaction n'a pu être obtenue du côté de Kyiv.", "Kyiv"],
  ["Pas de réaction immédiate du Kremlin.", "Kremlin"],
];
const ENGLISH: [sentence: string, party: string][] = [
  ["Kyiv declined to comment.", "Kyiv"],
  ["The Kremlin did not respond to a request for comment.", "The Kremlin"],
  [
    "A spokesperson for the ministry did not immediately respond to a request for comment.",
    "A spokesperson for the ministry",
  ],
  ["Meta didn't respond to requests for comment.", "Meta"],
  ["The company could not be reached for comment.", "The company"],
  ["Kyiv has not commented on the claims.", "Kyiv"],
  ["Moscow has yet to comment.", "Moscow"],
  ["The embassy was not immediately available for comment.", "The embassy"],
  ["There was no immediate comment from Moscow.", "Moscow"],
  ["Ukraine's defence ministry refused to comment on the strike.", "Ukraine's defence ministry"],
];

describe("detectNoComment", () => {
  it.each(FRENCH)("finds the silent party of %s", (sentence, party) => {
    expect(detectNoComment(sentence, "fr")?.silentParty).toBe(party);
  });

  it.each(ENGLISH)("finds the silent party of %s", (sentence, party) => {
    expect(detectNoComment(sentence, "en")?.silentParty).toBe(party);
  });

  it("gives the offsets of the no-comment words", () => {
    const sentence = "Kyiv n'a pas commenté les affirmations de la Russie.";
    const found = detectNoComment(sentence, "fr");
    expect(found).toMatchObject({ phrase: "n'a pas commenté", mention: "Kyiv" });
    expect(sentence.slice(found?.start, found?.end)).toBe("n'a pas commenté");
  });

  it("resolves a pronoun party with the context", () => {
    const ctx = createAttributionContext();
    attributeSentence("Le porte-parole du Kremlin, Dmitri Peskov, a été interrogé.", "fr", ctx);
    attributeSentence("Dmitri Peskov a déclaré que les frappes continueraient.", "fr", ctx);
    expect(detectNoComment("Il n'a pas répondu aux questions sur Mirne.", "fr", ctx)).toMatchObject({
      silentParty: "Dmitri Peskov",
      mention: "Il",
    });
  });

  it("ignores ordinary sentences", () => {
    expect(detectNoComment("Le Kremlin affirme que ses forces ont pris Mirne.", "fr")).toBeNull();
    expect(detectNoComment("Le ministre a commenté les chiffres.", "fr")).toBeNull();
    expect(detectNoComment("The minister commented on the figures.", "en")).toBeNull();
    expect(detectNoComment("The Kremlin said the talks had failed.", "en")).toBeNull();
  });

  it("uses both French and English rules for language other", () => {
    expect(detectNoComment("Kyiv declined to comment.", "other")?.silentParty).toBe("Kyiv");
    expect(detectNoComment("Kyiv n'a pas commenté.", "other")?.silentParty).toBe("Kyiv");
  });
});

const claim = (paragraph: number, speaker: string | null): PassageItem => ({ paragraph, speaker });
const silent = (paragraph: number, party: string): PassageItem => ({
  paragraph,
  speaker: null,
  noComment: { silentParty: party },
});

const heading = (paragraph: number): PassageItem => ({ paragraph, speaker: null, heading: true });
const about = (paragraph: number, speaker: string | null, text: string): PassageItem => ({
  paragraph,
  speaker,
  text,
});

describe("uncommentedTargets", () => {
  it("targets the claims before it in its passage, not those of the silent party's side", () => {
    const items = [
      claim(0, "Kremlin"),
      claim(1, "Le Kremlin"),
      claim(1, "Le président ukrainien Volodymyr Zelensky"),
      silent(1, "Kyiv"),
      claim(1, "Moscou"),
    ];
    expect(new Map(uncommentedTargets(items))).toEqual(
      new Map([
        [1, "Kyiv"],
        [0, "Kyiv"],
      ]),
    );
  });

  it("reaches claims several paragraphs back when they concern the silent party", () => {
    // The Reuters case: the IDF's silence comes four paragraphs after the claims about an Israeli tank.
    const items = [
      about(0, "TNO", "An Israeli tank fired two shells."),
      about(1, "TNO", "The institute analysed the audio."),
      about(2, null, "The reporters were in shock."),
      claim(3, null),
      silent(4, "The Israel Defense Forces (IDF)"),
      claim(4, "the IDF"),
    ];
    expect(new Map(uncommentedTargets(items))).toEqual(
      new Map([
        [3, "The Israel Defense Forces (IDF)"],
        [2, "The Israel Defense Forces (IDF)"],
        [1, "The Israel Defense Forces (IDF)"],
        [0, "The Israel Defense Forces (IDF)"],
      ]),
    );
  });

  it("stops at a heading and reaches no further than NO_COMMENT_REACH paragraphs", () => {
    const items = [
      about(0, "Le Pentagone", "Kyiv a reçu des missiles."),
      heading(1),
      about(2, "Moscou", "Kyiv a perdu Mirne."),
      claim(3, null),
      claim(4, null),
      claim(5, null),
      claim(6, null),
      silent(7, "Kyiv"),
    ];
    // Only the Moscou claim at paragraph 2 concerns Kyiv, and it is five paragraphs back.
    expect(uncommentedTargets(items).size).toBe(0);
    items.splice(3, 1, about(3, "Moscou", "Kyiv a perdu Avdiivka."));
    expect([...uncommentedTargets(items).keys()].sort()).toEqual([3, 4, 5, 6]);
  });

  it("attaches to nothing when its passage does not concern the silent party", () => {
    // "Lebanon's Minister of Information did not respond", after claims of Al Jazeera about Israel.
    const items = [
      about(0, "Ihtisham Hibatullah", "This incident strongly indicates intentional targeting by Israel."),
      silent(1, "Lebanon's Minister of Information"),
    ];
    expect(uncommentedTargets(items).size).toBe(0);
    // The same claims, in the silent party's own paragraph, are taken.
    expect(
      uncommentedTargets([{ ...items[0], paragraph: 1 } as PassageItem, items[1] as PassageItem]).size,
    ).toBe(1);
  });

  it("takes the previous paragraph when the no-comment sentence points back or follows the other side", () => {
    const back = [
      claim(0, "Le Pentagone"),
      { ...silent(1, "Kyiv"), text: "Kyiv n'a pas commenté ces affirmations." },
    ];
    expect([...uncommentedTargets(back).keys()]).toEqual([0]);
    expect([...uncommentedTargets([claim(0, "Le Kremlin"), silent(1, "Kyiv")]).keys()]).toEqual([0]);
    expect(uncommentedTargets([claim(0, "Le ministère de la Santé"), silent(1, "Kyiv")]).size).toBe(0);
  });

  it("takes claims that name the party, several paragraphs back", () => {
    const items = [
      about(0, "la CGT", "Le constructeur Stellantis prévoit de supprimer 2 000 postes."),
      about(1, "la CGT", "Le site de Poissy serait le plus touché."),
      about(2, "Sophie Binet", "Les salariés ont appris la nouvelle par la presse."),
      silent(3, "la direction de Stellantis"),
    ];
    expect([...uncommentedTargets(items).keys()].sort()).toEqual([0, 1, 2]);
  });

  it("leaves a claim to the nearest no-comment sentence", () => {
    const items = [claim(0, "Washington"), silent(0, "Kyiv"), claim(0, "Kyiv"), silent(0, "Le Kremlin")];
    expect(new Map(uncommentedTargets(items))).toEqual(
      new Map([
        [0, "Kyiv"],
        [2, "Le Kremlin"],
      ]),
    );
  });

  it("ignores a no-comment sentence without a party", () => {
    expect(
      uncommentedTargets([
        claim(0, "Moscou"),
        { paragraph: 0, speaker: null, noComment: { silentParty: null } },
      ]).size,
    ).toBe(0);
  });
});

describe("sameSide", () => {
  it("matches a capital, its government and its adjective", () => {
    expect(sameSide("Kyiv", "Kyiv")).toBe(true);
    expect(sameSide("Le président ukrainien Volodymyr Zelensky", "Kyiv")).toBe(true);
    expect(sameSide("Le Kremlin", "Moscou")).toBe(true);
    expect(sameSide("Le ministère russe de la Défense", "Moscou")).toBe(true);
    expect(sameSide("The White House", "Washington")).toBe(true);
    expect(sameSide("le ministère", "Le ministère")).toBe(true);
  });

  it("keeps opposite sides apart", () => {
    expect(sameSide("Le Kremlin", "Kyiv")).toBe(false);
    expect(sameSide("Moscou", "Kyiv")).toBe(false);
    expect(sameSide("un porte-parole", "l'ONU")).toBe(false);
  });
});
