// The demo workspace written for this project: an invented but typical wire story in French,
// with attributed claims, numbers, and a "did not comment" sentence.
import "server-only";

export const DEMO_ACCOUNTS = [
  { key: "editor", email: "editor@claimdesk.local", name: "Ana Martin", role: "editor" },
  { key: "reviewer", email: "reviewer@claimdesk.local", name: "Ben Okafor", role: "reviewer" },
  { key: "admin", email: "admin@claimdesk.local", name: "Chloé Dubois", role: "admin" },
] as const;

export const DEMO_ARTICLE = {
  title: "Grève du contrôle aérien : des milliers de vols annulés, le gouvernement sous pression",
  outlet: "Le Courrier du Matin",
  url: "https://courrier-du-matin.example/2026/11/24/greve-controle-aerien",
  language: "fr" as const,
  publishedAt: "2026-11-24",
  body: [
    "La Direction générale de l'aviation civile (DGAC) a annoncé lundi que 40 % des vols prévus à Orly seraient annulés mardi, au deuxième jour d'une grève des contrôleurs aériens.",
    "Selon le Syndicat national des contrôleurs du trafic aérien, il manque « plus de 1 200 contrôleurs » dans les centres français. « Nous travaillons avec des effectifs de 2015 pour un trafic de 2026 », a déclaré sa porte-parole, Claire Fontaine.",
    "La compagnie Ryanair affirme avoir déjà dû annuler 420 vols depuis dimanche, touchant environ 75 000 passagers. Son directeur général, Michael O'Leary, a écrit sur X que « la France prend l'Europe en otage ». Le ministère des Transports n'a pas commenté ces chiffres.",
    "Le Premier ministre a assuré que le service minimum serait « garanti à 90 % » pour les vols long-courriers. « Personne ne restera bloqué à l'étranger », a-t-il ajouté.",
    "D'après Eurocontrol, les grèves françaises ont représenté 35 % des retards liés au contrôle aérien en Europe l'été dernier.",
  ].join("\n\n"),
};

/** Claims of the demo article: the quote is found in the body; stage and verdict show every step. */
export const DEMO_CLAIMS = [
  {
    quote: "a annoncé lundi que 40 % des vols prévus à Orly seraient annulés mardi",
    statement: "La DGAC annonce l'annulation de 40 % des vols à Orly mardi.",
    speaker: "DGAC",
    verdict: "confirmed",
    verdictNote: "Communiqué de la DGAC du 23 novembre, vérifié sur son site.",
    silentParty: "",
    sources: [{ url: "https://www.ecologie.gouv.fr/dgac", title: "Communiqué DGAC" }],
    stage: "approved",
  },
  {
    quote: "il manque « plus de 1 200 contrôleurs » dans les centres français",
    statement: "Il manquerait plus de 1 200 contrôleurs aériens en France.",
    speaker: "Syndicat national des contrôleurs du trafic aérien",
    verdict: "disputed",
    verdictNote:
      "La DGAC évalue le déficit à 600 postes ; le chiffre syndical inclut les départs prévus d'ici 2028.",
    silentParty: "",
    sources: [],
    stage: "in_review",
  },
  {
    quote:
      "La compagnie Ryanair affirme avoir déjà dû annuler 420 vols depuis dimanche, touchant environ 75 000 passagers.",
    statement: "Ryanair dit avoir annulé 420 vols touchant 75 000 passagers depuis dimanche.",
    speaker: "Ryanair",
    verdict: "uncommented",
    verdictNote: "",
    silentParty: "le ministère des Transports",
    sources: [],
    stage: "in_review",
    // The right of reply an "uncommented" verdict rests on: asked the evening before publication.
    rightOfReply: {
      kind: "asked",
      channel: "email",
      contactPressOffice: "Service de presse du ministère des Transports",
      askedAt: "2026-11-23T17:30:00+01:00",
      deadline: "2026-11-23T21:00:00+01:00",
      notes: "Demande de réaction aux chiffres de Ryanair.",
    },
  },
  {
    quote: "le service minimum serait « garanti à 90 % » pour les vols long-courriers",
    statement: "Le service minimum serait garanti à 90 % pour les long-courriers.",
    speaker: "le Premier ministre",
    verdict: "unrated",
    verdictNote: "",
    silentParty: "",
    sources: [],
    stage: "draft",
  },
] as const;
