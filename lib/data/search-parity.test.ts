// One set of search queries with the results they must give, run on SQLite (FTS5, bm25) and on
// PostgreSQL (tsvector, ts_rank) alike (vitest projects "sqlite" and "pg"): both backends return
// the same top results, in the same order where the column weights decide it, for the same data.
import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/validation/search";
import { createArticle } from "./articles";
import { createClaim } from "./claims";
import { search } from "./search";
import { findSimilarClaims } from "./similar";
import { claimInput, makeUser } from "@/test/data-helpers";

const CLAIMS = {
  defense: {
    statement: "La défense aérienne a abattu 1 800 drones au-dessus de Kharkiv.",
    speaker: "Armée de l'air ukrainienne",
  },
  troops: {
    statement: "Plus de 75 000 soldats sont mobilisés sur le front de Zaporijjia.",
    speaker: "Ministère de la Défense",
  },
  grain: { statement: "Les exportations de céréales ont repris depuis Odessa.", speaker: "Port d'Odessa" },
  energy: { statement: "Les frappes ont privé 1,2 million de foyers d'électricité.", speaker: "Ukrenergo" },
  kremlin: { statement: "Le Kremlin affirme avoir pris le contrôle de Koupiansk.", speaker: "Kremlin" },
  drones: { statement: "L'armée a reçu 1800 drones de fabrication locale.", speaker: "Mykhaïlo Fedorov" },
} as const;
type Key = keyof typeof CLAIMS;

const BODY = Object.values(CLAIMS)
  .map((c) => c.statement)
  .join("\n\n");

const ids = {} as Record<Key, number>;
let articleId = 0;
let otherArticleId = 0;

beforeAll(async () => {
  const editor = await makeUser("editor", "Parity Editor");
  const reviewer = await makeUser("reviewer", "Parity Reviewer");
  void reviewer;
  const article = await createArticle({
    actor: editor,
    input: {
      title: "Défense aérienne : la nuit de Kharkiv",
      outlet: "Le Courrier",
      url: "",
      language: "fr",
      publishedAt: "2030-05-01",
      body: BODY,
      bodyFormat: "text",
    },
  });
  articleId = article.id;
  const other = await createArticle({
    actor: editor,
    input: {
      title: "Céréales : le corridor d'Odessa",
      outlet: "La Gazette",
      url: "",
      language: "fr",
      publishedAt: "2030-05-02",
      body: "Le port d'Odessa expédie de nouveau des céréales. Les assureurs restent prudents.",
      bodyFormat: "text",
    },
  });
  otherArticleId = other.id;
  for (const [key, claim] of Object.entries(CLAIMS) as [Key, (typeof CLAIMS)[Key]][]) {
    const view = await createClaim({
      actor: editor,
      input: claimInput(article.id, BODY, claim.statement, {
        speaker: claim.speaker,
        verdict: "confirmed",
        verdictNote: "Vérifié auprès de deux sources.",
      }),
    });
    ids[key] = view.id;
  }
});

async function claimKeys(text: string): Promise<Key[]> {
  const results = await search({ ...parseSearchParams({}), q: text, type: "claims" });
  const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key as Key]));
  return (results?.claims?.items ?? []).map((item) => byId.get(item.id)!);
}

// Ordered where the weights decide (statement over speaker); sets where the texts tie.
const ORDERED: [string, Key[]][] = [
  ["defense", ["defense", "troops"]],
  ["DÉFENSE aérienne", ["defense"]],
  ["armee", ["drones", "defense"]],
  ["odessa", ["grain"]],
  ["kremlin", ["kremlin"]],
  ["koupi", ["kremlin"]],
  ["ukrenergo", ["energy"]],
  ["fedorov", ["drones"]],
  ["mykhailo", ["drones"]],
  ["zaporijjia soldats", ["troops"]],
  ["75000", ["troops"]],
  ["75 000 soldats", ["troops"]],
  ["electricite", ["energy"]],
];
const UNORDERED: [string, Key[]][] = [
  ["1800 drones", ["defense", "drones"]],
  ["1 800", ["defense", "drones"]],
  // No claim holds both words: the search falls back to claims holding either.
  ["défense odessa", ["defense", "troops", "grain"]],
];

describe("search parity: the same top results on SQLite and PostgreSQL", () => {
  it.each(ORDERED)("%s", async (text, expected) => {
    expect(await claimKeys(text)).toEqual(expected);
  });

  it.each(UNORDERED)("%s (any order)", async (text, expected) => {
    expect((await claimKeys(text)).sort()).toEqual([...expected].sort());
  });

  it("highlights the words as typed, accents and case folded", async () => {
    const results = await search({ ...parseSearchParams({}), q: "DEFENSE aerienne" });
    const hit = results?.claims?.items[0];
    expect(hit?.id).toBe(ids.defense);
    expect(hit?.statement.filter((s) => s.hit).map((s) => s.text)).toEqual(["défense", "aérienne"]);
  });

  it("finds articles by title before body, and counts their claims", async () => {
    const results = await search({ ...parseSearchParams({}), q: "odessa", type: "articles" });
    expect(results?.articles?.items.map((a) => a.id)).toEqual([otherArticleId, articleId]);
    expect(results?.articles?.items[1]?.claimCount).toBe(Object.keys(CLAIMS).length);
    expect(results?.articles?.items[0]?.title.filter((s) => s.hit).map((s) => s.text)).toEqual(["Odessa"]);
  });

  it("filters by speaker and outlet ignoring case", async () => {
    const bySpeaker = await search({ ...parseSearchParams({}), q: "drones", speaker: "mykhaïlo fedorov" });
    expect(bySpeaker?.claims?.items.map((c) => c.id)).toEqual([ids.drones]);
    const byOutlet = await search({ ...parseSearchParams({}), q: "odessa", outlet: "la gazette" });
    expect(byOutlet?.claims?.items ?? []).toEqual([]);
    expect(byOutlet?.articles?.items.map((a) => a.id)).toEqual([otherArticleId]);
  });

  it("finds the same similar claims, numbers written either way", async () => {
    const similar = await findSimilarClaims({ text: "Kharkiv : 1800 drones abattus par la défense" });
    expect(similar.map((c) => c.id)[0]).toBe(ids.defense);
    expect(similar.map((c) => c.id)).toContain(ids.drones);
  });
});
