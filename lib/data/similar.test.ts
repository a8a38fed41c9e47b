import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "./articles";
import { approveClaim, createClaim } from "./claims";
import { findSimilarClaims } from "./similar";
import { claimInput, makeUser } from "@/test/data-helpers";

type Person = Awaited<ReturnType<typeof makeUser>>;
let editor: Person;
let reviewer: Person;
let archive: { id: number };
let today: { id: number };
const ids: Record<string, number> = {};

// Last week's article: what the desk already checked.
const ARCHIVE = [
  "Le Kremlin affirme contrôler les deux tiers de la région de Donetsk.",
  "Moscou affirme contrôler 12 villages dans la région de Kharkiv.",
  "Kyiv dit avoir abattu 30 drones au-dessus de Kharkiv cette nuit.",
  "L'armée ukrainienne aurait perdu 1 800 chars depuis janvier.",
  "Moscow says it controls two thirds of the Donetsk region.",
  "Les deux tiers de la région de Donetsk seraient sous contrôle russe, selon un blogueur.",
  "La région de Donetsk compte de nombreux abris.",
].join("\n\n");

const TODAY = "Selon le Kremlin, les deux tiers de la région de Donetsk sont désormais sous contrôle russe.";

async function add(
  key: string,
  article: { id: number },
  body: string,
  quote: string,
  how: "approved" | "rated" | "draft",
) {
  const claim = await createClaim({
    actor: editor,
    input: claimInput(article.id, body, quote, {
      verdict: how === "draft" ? "unrated" : "disputed",
      verdictNote: how === "draft" ? "" : "Checked against the ISW map.",
      submit: how !== "draft",
    }),
  });
  if (how === "approved") await approveClaim({ actor: reviewer, id: claim.id });
  ids[key] = claim.id;
}

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Similar");
  reviewer = await makeUser("reviewer", "Ben Similar");
  const input = {
    outlet: "Le Courrier",
    url: "",
    language: "fr" as const,
    publishedAt: "",
    bodyFormat: "text" as const,
  };
  archive = await createArticle({
    actor: editor,
    input: { ...input, title: "Le front de l'Est", body: ARCHIVE },
  });
  today = await createArticle({
    actor: editor,
    input: { ...input, title: "Donetsk aujourd'hui", body: TODAY },
  });
  const quotes = ARCHIVE.split("\n\n");
  await add("twoThirds", archive, ARCHIVE, quotes[0]!, "approved");
  await add("villages", archive, ARCHIVE, quotes[1]!, "approved");
  await add("drones", archive, ARCHIVE, quotes[2]!, "rated");
  await add("tanks", archive, ARCHIVE, quotes[3]!, "approved");
  await add("english", archive, ARCHIVE, quotes[4]!, "approved");
  await add("unreviewed", archive, ARCHIVE, quotes[5]!, "draft");
  await add("shelters", archive, ARCHIVE, quotes[6]!, "approved");
  // A claim in today's article itself, rated: the panel must not show the article its own claims.
  await add("sameArticle", today, TODAY, TODAY, "rated");
});

describe("findSimilarClaims", () => {
  it("ranks a reworded claim with the same numbers and places first", async () => {
    const found = await findSimilarClaims({ text: TODAY, excludeArticleId: today.id });
    expect(found[0]?.id).toBe(ids.twoThirds);
    expect(found[0]).toMatchObject({
      articleId: archive.id,
      articleTitle: "Le front de l'Est",
      verdict: "disputed",
      verdictNote: "Checked against the ISW map.",
      stage: "approved",
    });
    const ranks = found.map((c) => c.id);
    for (const unrelated of [ids.villages, ids.drones, ids.tanks]) {
      if (ranks.includes(unrelated!)) expect(ranks.indexOf(unrelated!)).toBeGreaterThan(0);
    }
  });

  it("shows only reviewed claims of other articles", async () => {
    const found = (await findSimilarClaims({ text: TODAY, excludeArticleId: today.id, limit: 10 })).map(
      (c) => c.id,
    );
    expect(found).not.toContain(ids.unreviewed);
    expect(found).not.toContain(ids.sameArticle);
    const withOwnArticle = (await findSimilarClaims({ text: TODAY, limit: 10 })).map((c) => c.id);
    expect(withOwnArticle).toContain(ids.sameArticle);
  });

  it("counts numbers however they are written: 1800 finds 1 800", async () => {
    const found = await findSimilarClaims({
      text: "Depuis janvier, 1800 chars ukrainiens perdus",
      excludeArticleId: today.id,
    });
    expect(found[0]?.id).toBe(ids.tanks);
  });

  it("meets two thirds and 2/3", async () => {
    const found = await findSimilarClaims({
      text: "Russia now holds 2/3 of the Donetsk region, Moscow says",
      excludeArticleId: today.id,
    });
    expect(found[0]?.id).toBe(ids.english);
  });

  it("ignores claims that share only a common word", async () => {
    const found = await findSimilarClaims({
      text: "La région de Bretagne vote son budget",
      excludeArticleId: today.id,
    });
    expect(found).toEqual([]);
  });

  it("returns nothing for text made of stop words or punctuation", async () => {
    expect(await findSimilarClaims({ text: "selon le la les de des et" })).toEqual([]);
    expect(await findSimilarClaims({ text: '"() AND OR NEAR: -*' })).toEqual([]);
    expect(await findSimilarClaims({ text: "" })).toEqual([]);
  });
});
