// The six real news pages of ../shared/fixtures/articles (read in place, never copied into the
// project) and what their details are, as each page's own metadata states them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shared/fixtures/articles",
);

export type FixturePage = {
  name: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string;
  language: "fr" | "en";
};

export const FIXTURE_PAGES: FixturePage[] = [
  {
    name: "fr-lefigaro-ukraine-campagne-2025",
    title:
      "Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne militaire ukrainienne pour 2025",
    outlet: "Le Figaro",
    url: "https://www.lefigaro.fr/international/guerre-en-ukraine-deux-morts-dans-des-frappes-russes-dans-le-nord-est-du-pays-20241122",
    publishedAt: "2024-11-22",
    language: "fr",
  },
  {
    name: "fr-lemonde-previsions-commission-europeenne",
    title: "Les sombres perspectives économiques de la Commission européenne",
    outlet: "Le Monde",
    url: "https://www.lemonde.fr/economie/article/2019/05/07/dans-ses-previsions-economiques-bruxelles-confirme-la-montee-des-perils_5459325_3234.html",
    publishedAt: "2019-05-07",
    language: "fr",
  },
  {
    name: "fr-radioprague-prymula-demission",
    title: "Le ministre de la Santé sommé de démissionner",
    outlet: "Radio Prague International",
    url: "https://francais.radio.cz/le-ministre-de-la-sante-somme-de-demissionner-8698000",
    publishedAt: "2020-10-23",
    language: "fr",
  },
  {
    name: "en-reuters-israel-tank-journalists",
    title: "Israeli tank 'likely' fired machine gun at reporters after deadly shelling, report finds",
    outlet: "Reuters",
    url: "https://www.reuters.com/world/middle-east/israeli-tank-likely-scenario-fired-machine-gun-reporters-after-deadly-shelling-2024-03-07/",
    publishedAt: "2024-03-07",
    language: "en",
  },
  {
    name: "en-telegraph-zimbabwe-mugabe-coup",
    title:
      "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate",
    outlet: "The Telegraph",
    url: "http://www.telegraph.co.uk/news/2017/11/16/zimbabwes-robert-mugabe-wife-grace-insisting-finishes-term-priest/",
    publishedAt: "2017-11-16",
    language: "en",
  },
  {
    name: "en-bbc-newyork-hart-island-burials",
    title: "Coronavirus: New York ramps up mass burials amid outbreak",
    outlet: "BBC News",
    url: "https://www.bbc.com/news/world-us-canada-52241221",
    publishedAt: "2020-04-10",
    language: "en",
  },
];

export function fixtureHtml(name: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, `${name}.html`));
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, `${name}.txt`), "utf8");
}
