// Article text for the benchmark database and the suggestion timing: French and English news
// paragraphs built from templates (names, places, numbers, quotes, "did not comment" sentences).
// Written for the project; deterministic for a given seed so two runs build the same database.

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export type Lang = "fr" | "en";

/** One sentence of an article and, when it reports something checkable, the claim it carries. */
export type Sentence = {
  text: string;
  /** The editor's wording of the claim; null for background sentences. */
  statement: string | null;
  speaker: string | null;
  /** Set on "X did not comment" sentences: the party that stayed silent. */
  silentParty: string | null;
};

type Person = { name: string; fr: string; en: string };

const PEOPLE: readonly Person[] = [
  { name: "Hélène Marchetti", fr: "la ministre de la Santé", en: "the health minister" },
  { name: "Karim Benali", fr: "le porte-parole du gouvernement", en: "the government spokesman" },
  { name: "Sophie Lindqvist", fr: "la commissaire européenne au Commerce", en: "the EU trade commissioner" },
  { name: "Tomasz Wierzbicki", fr: "le maire de la ville", en: "the city's mayor" },
  { name: "Amara Diallo", fr: "la secrétaire générale du syndicat", en: "the union's general secretary" },
  { name: "Jonathan Pryce", fr: "le directeur de l'agence", en: "the agency's director" },
  { name: "Olena Kravets", fr: "la vice-ministre de l'Énergie", en: "the deputy energy minister" },
  { name: "Marc-Antoine Lefebvre", fr: "le préfet de la région", en: "the regional prefect" },
  { name: "Ines Carvalho", fr: "l'économiste en chef de la banque", en: "the bank's chief economist" },
  { name: "Rafael Ortega", fr: "le chef de la diplomatie", en: "the foreign minister" },
  { name: "Nadia Haddad", fr: "la présidente de l'association", en: "the association's president" },
  { name: "Pieter de Vries", fr: "le patron de la compagnie", en: "the airline's chief executive" },
  { name: "Yuki Tanaka", fr: "la porte-parole de l'ONG", en: "the charity's spokeswoman" },
  { name: "Gérard Moulin", fr: "le député de la circonscription", en: "the local MP" },
  { name: "Fatou Ndiaye", fr: "la rapporteuse de la commission", en: "the committee's rapporteur" },
  { name: "Dmytro Sydorenko", fr: "le gouverneur de l'oblast", en: "the regional governor" },
];

const ORGS_FR = [
  "le Kremlin",
  "Kyiv",
  "l'état-major",
  "la préfecture",
  "la direction de l'entreprise",
  "le ministère de l'Intérieur",
  "la Commission européenne",
  "l'Organisation mondiale de la santé",
  "la SNCF",
  "la mairie",
  "le syndicat majoritaire",
  "l'armée",
] as const;

const ORGS_EN = [
  "the Kremlin",
  "Kyiv",
  "the general staff",
  "the Home Office",
  "the company's board",
  "the interior ministry",
  "the European Commission",
  "the World Health Organization",
  "the rail operator",
  "the city council",
  "the largest union",
  "the army",
] as const;

const PLACES = [
  "Lyon",
  "Marseille",
  "Kharkiv",
  "Odessa",
  "Bruxelles",
  "Toulouse",
  "Dakar",
  "Montréal",
  "Gdańsk",
  "Zaporijjia",
  "Rennes",
  "Genève",
  "Abidjan",
  "Lille",
  "Bordeaux",
  "Nantes",
] as const;

const OUTLETS = ["AFP", "Reuters", "Le Monde", "The Guardian", "Ouest-France", "BBC News", "Le Soir", "RFI"];

const DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
const DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const THINGS_FR = [
  ["logements", "détruits"],
  ["emplois", "supprimés"],
  ["vols", "annulés"],
  ["élèves", "accueillis"],
  ["drones", "abattus"],
  ["lits d'hôpital", "fermés"],
  ["postes", "créés"],
  ["trains", "supprimés"],
] as const;

const THINGS_EN = [
  ["homes", "destroyed"],
  ["jobs", "cut"],
  ["flights", "cancelled"],
  ["pupils", "enrolled"],
  ["drones", "shot down"],
  ["hospital beds", "closed"],
  ["posts", "created"],
  ["trains", "cancelled"],
] as const;

const TOPICS_FR = [
  "la réforme des retraites",
  "le plan de relance",
  "le cessez-le-feu",
  "la hausse des tarifs",
  "la fermeture de l'usine",
  "le projet de loi",
  "les négociations salariales",
  "l'accord commercial",
] as const;

const TOPICS_EN = [
  "the pension reform",
  "the recovery plan",
  "the ceasefire",
  "the fare increase",
  "the factory closure",
  "the bill",
  "the pay talks",
  "the trade deal",
] as const;

const QUOTES_FR = [
  "Nous ne laisserons pas la situation se dégrader davantage",
  "Il n'y aura aucune suppression de poste cette année",
  "Les chiffres parlent d'eux-mêmes",
  "C'est une décision que nous assumons pleinement",
  "Personne n'a été laissé sans solution",
  "Nous avons prévenu le gouvernement dès le mois de janvier",
] as const;

const QUOTES_EN = [
  "We will not let the situation deteriorate any further",
  "There will be no job cuts this year",
  "The figures speak for themselves",
  "This is a decision we fully stand by",
  "Nobody has been left without a solution",
  "We warned the government as early as January",
] as const;

const NBSP = "\u00a0";

/** 1800 → "1 800" in French (no-break space), "1,800" in English. */
function formatNumber(n: number, lang: Lang): string {
  const digits = String(n);
  const groups: string[] = [];
  for (let i = digits.length; i > 0; i -= 3) groups.unshift(digits.slice(Math.max(0, i - 3), i));
  return groups.join(lang === "fr" ? NBSP : ",");
}

/** "de Lyon", "d'Abidjan". */
function deFr(place: string): string {
  return /^[AEIOUYÉÈÀÂÎÔ]/.test(place) ? `d'${place}` : `de ${place}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quantity(rng: Rng): number {
  const scale = pick(rng, [10, 100, 1000, 10000]);
  return between(rng, 2, 99) * (scale / 10) + between(rng, 0, scale / 10 - 1);
}

type Builder = (rng: Rng) => Sentence;

const FR: readonly Builder[] = [
  (rng) => {
    const p = pick(rng, PEOPLE);
    const [thing, done] = pick(rng, THINGS_FR);
    const n = formatNumber(quantity(rng), "fr");
    const place = pick(rng, PLACES);
    return {
      text: `${p.name}, ${p.fr}, a déclaré ${pick(rng, DAYS_FR)} que ${n} ${thing} avaient été ${done} à ${place}.`,
      statement: `${n} ${thing} ont été ${done} à ${place}.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const p = pick(rng, PEOPLE);
    const q = pick(rng, QUOTES_FR);
    return {
      text: `« ${q} », a affirmé ${p.name} lors d'une conférence de presse à ${pick(rng, PLACES)}.`,
      statement: `${p.name} affirme : ${q.charAt(0).toLowerCase()}${q.slice(1)}.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_FR);
    const pct = between(rng, 2, 48);
    const [thing] = pick(rng, THINGS_FR);
    const year = between(rng, 2019, 2025);
    return {
      text: `Selon ${org}, le nombre de ${thing} a augmenté de ${pct}${NBSP}% en ${year}.`,
      statement: `Le nombre de ${thing} a augmenté de ${pct}${NBSP}% en ${year}.`,
      speaker: capitalise(org),
      silentParty: null,
    };
  },
  (rng) => {
    const amount = formatNumber(between(rng, 12, 4800), "fr");
    const year = between(rng, 2026, 2031);
    const outlet = pick(rng, OUTLETS);
    return {
      text: `Le gouvernement prévoit de débloquer ${amount} millions d'euros d'ici ${year}, d'après un document consulté par ${outlet}.`,
      statement: `Le gouvernement prévoit ${amount} millions d'euros d'ici ${year}.`,
      speaker: "le gouvernement",
      silentParty: null,
    };
  },
  (rng) => {
    const n = formatNumber(quantity(rng), "fr");
    const place = pick(rng, PLACES);
    return {
      text: `D'après le ministère de l'Intérieur, ${n} personnes ont été évacuées dans la région ${deFr(place)} depuis ${pick(rng, DAYS_FR)}.`,
      statement: `${n} personnes ont été évacuées dans la région ${deFr(place)}.`,
      speaker: "le ministère de l'Intérieur",
      silentParty: null,
    };
  },
  (rng) => {
    const pct = between(rng, 15, 85);
    return {
      text: `Les syndicats affirment que ${pct}${NBSP}% des agents étaient en grève ${pick(rng, DAYS_FR)}, un chiffre contesté par la direction.`,
      statement: `${pct}${NBSP}% des agents étaient en grève.`,
      speaker: "les syndicats",
      silentParty: null,
    };
  },
  (rng) => {
    const p = pick(rng, PEOPLE);
    const topic = pick(rng, TOPICS_FR);
    return {
      text: `${p.name} a assuré que les discussions sur ${topic} reprendraient « dans les prochains jours ».`,
      statement: `Les discussions sur ${topic} reprendront dans les prochains jours.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_FR);
    const n = between(rng, 3, 40);
    const place = pick(rng, PLACES);
    return {
      text: `${capitalise(org)} a revendiqué la prise de ${n} localités autour de ${place}, une affirmation impossible à vérifier de source indépendante.`,
      statement: `${capitalise(org)} dit avoir pris ${n} localités autour de ${place}.`,
      speaker: capitalise(org),
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_FR);
    const outlet = pick(rng, OUTLETS);
    const text = pick(rng, [
      `${capitalise(org)} n'a pas commenté ces affirmations.`,
      `Contacté par ${outlet}, ${org} n'a pas souhaité réagir.`,
      `Sollicité, ${org} n'a pas répondu aux questions de ${outlet}.`,
    ]);
    return { text, statement: null, speaker: null, silentParty: capitalise(org) };
  },
  (rng) => ({
    text: pick(rng, [
      "La situation restait tendue en fin de journée.",
      "Les discussions doivent reprendre la semaine prochaine.",
      `Un rassemblement est prévu ${pick(rng, DAYS_FR)} devant la préfecture ${deFr(pick(rng, PLACES))}.`,
      "Aucun calendrier précis n'a toutefois été annoncé.",
      `L'opposition a dénoncé « un passage en force » et réclame un débat au Parlement.`,
      `Plusieurs habitants interrogés à ${pick(rng, PLACES)} disent attendre des mesures concrètes.`,
    ]),
    statement: null,
    speaker: null,
    silentParty: null,
  }),
];

const EN: readonly Builder[] = [
  (rng) => {
    const p = pick(rng, PEOPLE);
    const [thing, done] = pick(rng, THINGS_EN);
    const n = formatNumber(quantity(rng), "en");
    const place = pick(rng, PLACES);
    return {
      text: `${p.name}, ${p.en}, said on ${pick(rng, DAYS_EN)} that ${n} ${thing} had been ${done} in ${place}.`,
      statement: `${n} ${thing} were ${done} in ${place}.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const p = pick(rng, PEOPLE);
    const q = pick(rng, QUOTES_EN);
    return {
      text: `"${q}," ${p.name} told reporters in ${pick(rng, PLACES)}.`,
      statement: `${p.name} says: ${q.charAt(0).toLowerCase()}${q.slice(1)}.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_EN);
    const pct = between(rng, 2, 48);
    const [thing] = pick(rng, THINGS_EN);
    const year = between(rng, 2019, 2025);
    return {
      text: `According to ${org}, the number of ${thing} rose by ${pct}% in ${year}.`,
      statement: `The number of ${thing} rose by ${pct}% in ${year}.`,
      speaker: capitalise(org),
      silentParty: null,
    };
  },
  (rng) => {
    const amount = formatNumber(between(rng, 12, 4800), "en");
    const year = between(rng, 2026, 2031);
    const outlet = pick(rng, OUTLETS);
    return {
      text: `The government plans to release ${amount} million euros by ${year}, according to a document seen by ${outlet}.`,
      statement: `The government plans ${amount} million euros by ${year}.`,
      speaker: "the government",
      silentParty: null,
    };
  },
  (rng) => {
    const n = formatNumber(quantity(rng), "en");
    const place = pick(rng, PLACES);
    return {
      text: `The interior ministry said ${n} people had been evacuated from the ${place} area since ${pick(rng, DAYS_EN)}.`,
      statement: `${n} people were evacuated from the ${place} area.`,
      speaker: "the interior ministry",
      silentParty: null,
    };
  },
  (rng) => {
    const pct = between(rng, 15, 85);
    return {
      text: `Unions claimed that ${pct}% of staff were on strike on ${pick(rng, DAYS_EN)}, a figure the management disputes.`,
      statement: `${pct}% of staff were on strike.`,
      speaker: "the unions",
      silentParty: null,
    };
  },
  (rng) => {
    const p = pick(rng, PEOPLE);
    const topic = pick(rng, TOPICS_EN);
    return {
      text: `${p.name} insisted that talks on ${topic} would resume "in the coming days".`,
      statement: `Talks on ${topic} will resume in the coming days.`,
      speaker: p.name,
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_EN);
    const n = between(rng, 3, 40);
    const place = pick(rng, PLACES);
    return {
      text: `${capitalise(org)} claimed to have captured ${n} villages around ${place}, a claim that could not be independently verified.`,
      statement: `${capitalise(org)} says it captured ${n} villages around ${place}.`,
      speaker: capitalise(org),
      silentParty: null,
    };
  },
  (rng) => {
    const org = pick(rng, ORGS_EN);
    const outlet = pick(rng, OUTLETS);
    const text = pick(rng, [
      `${capitalise(org)} did not comment on the claims.`,
      `Contacted by ${outlet}, ${org} declined to comment.`,
      `${capitalise(org)} did not respond to a request for comment from ${outlet}.`,
    ]);
    return { text, statement: null, speaker: null, silentParty: capitalise(org) };
  },
  (rng) => ({
    text: pick(rng, [
      "The situation remained tense late in the day.",
      "Talks are due to resume next week.",
      `A rally is planned on ${pick(rng, DAYS_EN)} outside the town hall in ${pick(rng, PLACES)}.`,
      "No precise timetable has been announced, however.",
      `The opposition condemned "a power grab" and called for a debate in parliament.`,
      `Several residents interviewed in ${pick(rng, PLACES)} said they were waiting for concrete measures.`,
    ]),
    statement: null,
    speaker: null,
    silentParty: null,
  }),
];

// Claim-bearing builders are the first eight; the last two give "did not comment" and background.
const CLAIM_BUILDERS = 8;

/** A sentence carrying a claim. */
export function claimSentence(rng: Rng, lang: Lang): Sentence {
  const builders = lang === "fr" ? FR : EN;
  return builders[Math.floor(rng() * CLAIM_BUILDERS)]!(rng);
}

/** A sentence carrying no claim: background or "did not comment". */
export function otherSentence(rng: Rng, lang: Lang): Sentence {
  const builders = lang === "fr" ? FR : EN;
  return builders[rng() < 0.35 ? CLAIM_BUILDERS : CLAIM_BUILDERS + 1]!(rng);
}

export type PlacedSentence = Sentence & { start: number; end: number };
export type GeneratedArticle = { title: string; body: string; sentences: PlacedSentence[] };

/**
 * An article of `sentenceCount` sentences, at least `claimCount` of which carry a claim,
 * in paragraphs of two to four sentences. Offsets are UTF-16 indices into the body.
 */
export function generateArticle(
  rng: Rng,
  lang: Lang,
  sentenceCount: number,
  claimCount: number,
): GeneratedArticle {
  const count = Math.max(sentenceCount, claimCount);
  const claimSlots = new Set<number>();
  // Spread the claim-bearing sentences through the article.
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order.slice(0, claimCount)) claimSlots.add(i);
  let body = "";
  const sentences: PlacedSentence[] = [];
  let inParagraph = 0;
  let paragraphSize = between(rng, 2, 4);
  for (let i = 0; i < count; i++) {
    const s = claimSlots.has(i) ? claimSentence(rng, lang) : otherSentence(rng, lang);
    if (i > 0) {
      if (inParagraph >= paragraphSize) {
        body += "\n\n";
        inParagraph = 0;
        paragraphSize = between(rng, 2, 4);
      } else body += " ";
    }
    const start = body.length;
    body += s.text;
    sentences.push({ ...s, start, end: body.length });
    inParagraph++;
  }
  const lead = sentences.find((s) => s.statement !== null)?.statement ?? sentences[0]!.text;
  const title = lead.length > 110 ? `${lead.slice(0, 107).trimEnd()}…` : lead.replace(/\.$/, "");
  return { title, body, sentences };
}

/** About `words` words of French or English article text, for timing the suggestions. */
export function generateText(rng: Rng, lang: Lang, words: number): string {
  const parts: string[] = [];
  let total = 0;
  while (total < words) {
    const article = generateArticle(rng, lang, 30, 18);
    parts.push(article.body);
    total += article.body.split(/\s+/).filter(Boolean).length;
  }
  return parts.join("\n\n");
}

export { OUTLETS, PLACES, ORGS_FR, ORGS_EN };
