// Real kinds of edits an outlet makes to a story during the day, each with the state a claim on it
// must end in. The thresholds and margin of reanchor.ts are tuned on these; the article is the
// project's own writing.

export const ARTICLE = [
  "Kyiv accuse Moscou d'avoir lancé 1 800 drones en une semaine",
  "Le président ukrainien Volodymyr Zelensky a affirmé dimanche que la Russie avait tiré plus de 1 800 drones sur l'Ukraine au cours des sept derniers jours, un record depuis le début de l'année.",
  "« Nos défenses ont intercepté la grande majorité d'entre eux », a-t-il écrit sur Telegram, sans donner de chiffre précis.",
  "Le ministère russe de la Défense a pour sa part assuré avoir abattu 42 drones ukrainiens au-dessus de la région de Belgorod dans la nuit de samedi à dimanche.",
  "Selon l'armée de l'air ukrainienne, trois personnes ont été tuées à Odessa, où un entrepôt a pris feu.",
  "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
].join("\n\n");

export type EditCase = {
  name: string;
  /** The claim's quote on ARTICLE (its first occurrence). */
  quote: string;
  /** The new revision. */
  edit: (body: string) => string;
  expected: "exact" | "changed" | "ambiguous" | "orphaned";
  /** For exact and changed: the words the claim must land on. */
  lands?: string;
};

const paragraphs = (body: string) => body.split("\n\n");
const join = (parts: string[]) => parts.join("\n\n");

const ZELENSKY = "la Russie avait tiré plus de 1 800 drones sur l'Ukraine au cours des sept derniers jours";
const BELGOROD = "avoir abattu 42 drones ukrainiens au-dessus de la région de Belgorod";
const ODESSA = "trois personnes ont été tuées à Odessa";

export const EDIT_CASES: EditCase[] = [
  {
    name: "a paragraph added before the claim's paragraph",
    quote: BELGOROD,
    edit: (b) => {
      const p = paragraphs(b);
      p.splice(3, 0, "Mis à jour à 09h42 : ajoute la réaction de Moscou.");
      return join(p);
    },
    expected: "exact",
    lands: BELGOROD,
  },
  {
    name: "a paragraph added at the top of the story",
    quote: ODESSA,
    edit: (b) => `Mis à jour à 11h05.\n\n${b}`,
    expected: "exact",
    lands: ODESSA,
  },
  {
    name: "a claim that starts its paragraph, after a new paragraph right before it",
    quote: "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
    edit: (b) => {
      const p = paragraphs(b);
      p.splice(5, 0, "Les secours étaient toujours à pied d'œuvre en fin de matinée.");
      return join(p);
    },
    expected: "exact",
    lands: "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
  },
  {
    name: "a typo fixed inside the quote",
    quote: "avoir abattu 42 drones ukrainiens au-dessus de la région de Belgorod",
    edit: (b) =>
      b
        .replace(BELGOROD, "avoir abattu 42 drones ukrainiens au-dessus de la région de Belgorod")
        .replace("Belgorod dans", "Bielgorod dans"),
    expected: "changed",
    lands: "avoir abattu 42 drones ukrainiens au-dessus de la région de Bielgorod",
  },
  {
    name: "a figure corrected (1 800 → 1 900)",
    quote: ZELENSKY,
    edit: (b) => b.replace("tiré plus de 1 800 drones", "tiré plus de 1 900 drones"),
    expected: "changed",
    lands: ZELENSKY.replace("1 800", "1 900"),
  },
  {
    name: "a number in a short quote corrected",
    quote: ODESSA,
    edit: (b) => b.replace("trois personnes ont été tuées", "quatre personnes ont été tuées"),
    expected: "changed",
    lands: "quatre personnes ont été tuées à Odessa",
  },
  {
    name: "the quoted sentence duplicated elsewhere (a recap paragraph)",
    quote: ODESSA,
    edit: (b) => `${b}\n\nEn résumé : ${ODESSA}, selon les autorités.`,
    expected: "exact",
    lands: ODESSA,
  },
  {
    name: "the whole paragraph duplicated by a bad edit",
    quote: ODESSA,
    edit: (b) => {
      const p = paragraphs(b);
      p.splice(5, 0, p[4]!);
      return join(p);
    },
    expected: "ambiguous",
  },
  {
    name: "the sentence deleted",
    quote: BELGOROD,
    edit: (b) => join(paragraphs(b).filter((p) => !p.includes("Belgorod"))),
    expected: "orphaned",
  },
  {
    name: "the article rewritten",
    quote: ZELENSKY,
    edit: () =>
      [
        "Nuit d'attaques aériennes sur l'Ukraine",
        "Des sirènes ont retenti dans plusieurs villes du pays pendant la nuit, ont rapporté les autorités locales.",
        "Un bilan doit être communiqué dans la journée par l'état-major.",
      ].join("\n\n"),
    expected: "orphaned",
  },
  {
    name: "a corrected name whose old spelling still appears elsewhere",
    quote: "Volodymyr Zelensky",
    edit: (b) =>
      `${b.replace("Volodymyr Zelensky a affirmé", "Volodymyr Zelenskyy a affirmé")}\n\nVolodymyr Zelensky doit se rendre à Bruxelles jeudi.`,
    expected: "changed",
    lands: "Volodymyr Zelenskyy",
  },
  {
    name: "the sentence moved to another passage with other context",
    quote: ODESSA,
    edit: (b) =>
      join([
        ...paragraphs(b).filter((p) => !p.includes("Odessa")),
        `Dans le sud, ${ODESSA} lors d'une frappe nocturne.`,
      ]),
    expected: "changed",
    lands: ODESSA,
  },
  {
    name: "the sentence reworded beyond recognition",
    quote: "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
    edit: (b) =>
      b.replace(
        "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
        "Contacté, Moscou a refusé de commenter ces bilans.",
      ),
    expected: "orphaned",
  },
];
