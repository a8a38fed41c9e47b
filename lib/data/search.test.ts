import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchParams, type SearchQuery } from "@/lib/validation/search";
import { createArticle, updateArticle } from "./articles";
import { createClaim, deleteClaim, updateClaim } from "./claims";
import { dialect, getDb } from "./connection";
import { search } from "./search";
import { claimInput, makeUser, rawSql } from "@/test/data-helpers";

type Person = Awaited<ReturnType<typeof makeUser>>;
let editor: Person;

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  ...parseSearchParams({}),
  q: text,
  ...extra,
});

async function article(title: string, body: string, extra: { outlet?: string; publishedAt?: string } = {}) {
  return createArticle({
    actor: editor,
    input: {
      title,
      outlet: extra.outlet ?? "",
      url: "",
      language: "fr",
      publishedAt: extra.publishedAt ?? "",
      body,
      bodyFormat: "text",
    },
  });
}

function text(segments: { text: string }[]): string {
  return segments.map((s) => s.text).join("");
}

function marked(segments: { text: string; hit: boolean }[]): string[] {
  return segments.filter((s) => s.hit).map((s) => s.text);
}

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Search");
});

describe("search: case and accent folding", () => {
  it("finds « Défense » and DEFENSE when typed as defense", async () => {
    const body = "Le ministère de la Défense annonce des renforts. LA DEFENSE AÉRIENNE A TENU, selon Kyiv.";
    const { id } = await article("Renforts pour la défense aérienne", body);
    await createClaim({
      actor: editor,
      input: claimInput(id, body, "Le ministère de la Défense annonce des renforts.", {
        speaker: "Ministère",
      }),
    });
    await createClaim({ actor: editor, input: claimInput(id, body, "LA DEFENSE AÉRIENNE A TENU") });

    const results = await search(q("defense"));
    const statements = results?.claims?.items.map((c) => text(c.statement)) ?? [];
    expect(statements).toContain("Le ministère de la Défense annonce des renforts.");
    expect(statements).toContain("LA DEFENSE AÉRIENNE A TENU");
    expect(results?.articles?.items.map((a) => a.id)).toContain(id);

    const upper = await search(q("DÉFENSE aerienne"));
    expect(upper?.claims?.items.map((c) => text(c.statement))).toEqual(["LA DEFENSE AÉRIENNE A TENU"]);
  });

  it("marks the matched words in the statement and the article title", async () => {
    const results = await search(q("défense"));
    const claim = results?.claims?.items.find((c) => text(c.statement).startsWith("Le ministère"));
    expect(marked(claim!.statement)).toEqual(["Défense"]);
    const hit = results?.articles?.items.find((a) => text(a.title).startsWith("Renforts"));
    expect(marked(hit!.title)).toEqual(["défense"]);
    expect(marked(hit!.excerpt).map((w) => w.toLowerCase())).toContain("défense");
  });

  it("matches the last word as a prefix, so half-typed words find the claim", async () => {
    const results = await search(q("ministere de la def"));
    expect(results?.claims?.items.map((c) => text(c.statement))).toContain(
      "Le ministère de la Défense annonce des renforts.",
    );
  });

  it("finds 1 800 when 1800 is typed, and the other way round", async () => {
    const body = "Selon l'état-major, 1 800 soldats ont été déployés. Un autre bilan parle de 2500 blessés.";
    const { id } = await article("Bilan des déploiements", body);
    await createClaim({ actor: editor, input: claimInput(id, body, "1 800 soldats ont été déployés") });
    await createClaim({ actor: editor, input: claimInput(id, body, "2500 blessés") });
    expect((await search(q("1800 soldats")))?.claims?.items.map((c) => text(c.statement))).toEqual([
      "1 800 soldats ont été déployés",
    ]);
    expect((await search(q("2 500 blesses")))?.claims?.items.map((c) => text(c.statement))).toEqual([
      "2500 blessés",
    ]);
  });
});

describe("search: filters and fallback", () => {
  it("filters claims by verdict, speaker and outlet, and skips articles for claim-only filters", async () => {
    const body = "Le port d'Odessa a été frappé cette nuit. Le port d'Odessa reste ouvert, dit la mairie.";
    const { id } = await article("Odessa sous les frappes", body, { outlet: "La Gazette" });
    await createClaim({
      actor: editor,
      input: claimInput(id, body, "Le port d'Odessa a été frappé cette nuit.", {
        verdict: "confirmed",
        speaker: "Armée de l'air",
      }),
    });
    await createClaim({
      actor: editor,
      input: claimInput(id, body, "Le port d'Odessa reste ouvert", { speaker: "la mairie" }),
    });
    const confirmed = await search(q("odessa", { verdict: "confirmed" }));
    expect(confirmed?.claims?.items.map((c) => c.verdict)).toEqual(["confirmed"]);
    expect(confirmed?.articles).toBeNull();

    const bySpeaker = await search(q("odessa", { speaker: "LA MAIRIE" }));
    expect(bySpeaker?.claims?.items.map((c) => c.speaker)).toEqual(["la mairie"]);

    expect((await search(q("odessa", { outlet: "la gazette" })))?.claims?.total).toBe(2);
    expect((await search(q("odessa", { outlet: "Autre journal" })))?.claims?.total).toBe(0);
    expect((await search(q("odessa", { type: "articles" })))?.claims).toBeNull();
  });

  it("filters by date: claims by the day they were checked, articles by publication", async () => {
    const { id } = await article("Archives de Marioupol", "Marioupol en 2022.", {
      publishedAt: "2022-05-01",
    });
    void id;
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(q("marioupol", { from: "2022-04-01", to: "2022-05-31" })))?.articles?.total).toBe(1);
    expect((await search(q("marioupol", { from: today })))?.articles?.total).toBe(0);
    expect((await search(q("odessa", { from: "2000-01-01", to: "2000-12-31" })))?.claims?.total).toBe(0);
    expect((await search(q("odessa", { from: "2000-01-01" })))?.claims?.total).toBe(2);
  });

  it("falls back to any of the words when no result holds them all", async () => {
    const results = await search(q("odessa zanzibar"));
    expect(results?.mode).toBe("any");
    expect(results?.claims?.total).toBe(2);
  });

  it("returns null for a query without any word", async () => {
    expect(await search(q('  ()*: -- "" '))).toBeNull();
  });
});

describe("search: ranking with and without filters", () => {
  it("ranks, counts, pages and highlights the same whether or not a filter joins claims and articles", async () => {
    const words = ["brouillard", "brouillard épais", "brouillard épais sur la Manche", "épais"];
    const body = words.map((w, i) => `Phrase ${i} : ${w}.`).join("\n\n");
    const { id } = await article("Météo marine", body, { outlet: "Le Vigie" });
    for (const [i, w] of words.entries()) {
      const quote = `Phrase ${i} : ${w}.`;
      await createClaim({
        actor: editor,
        input: claimInput(id, body, quote, { statement: `Il y a du ${w}.` }),
      });
    }
    const plain = await search(q("brouillard"));
    // Every matching claim and article comes from this outlet: the filter keeps them all, but reads joined.
    const filtered = await search(q("brouillard", { outlet: "Le Vigie" }));
    expect(plain?.claims?.total).toBe(3);
    expect(filtered?.claims).toEqual(plain?.claims);
    expect(filtered?.articles).toEqual(plain?.articles);
    expect(marked(plain!.claims!.items[0]!.statement)).toEqual(["brouillard"]);

    const pageTwo = await search(q("brouillard", { page: 2 }));
    expect(pageTwo?.claims?.page).toBe(1);
    expect(pageTwo?.claims?.items).toEqual(plain?.claims?.items);
  });

  it("highlights only the rows of the page, in the ranking's order, on every page", async () => {
    // More matches than a page of claims (20) and than the articles shown (10), of different
    // lengths so that they rank apart, and equal ones so that the newest comes first among ties.
    for (let a = 0; a < 12; a++) {
      const filler = " et du vent".repeat(a % 4);
      const body = `Un zéphyrin souffle${filler}.\n\nLe zéphyrin tombe${filler} sur Brest.`;
      const { id } = await article(`Bulletin ${a}${a % 3 === 0 ? " zéphyrin" : ""}`, body, {
        outlet: "Ouest",
      });
      await createClaim({ actor: editor, input: claimInput(id, body, `Un zéphyrin souffle${filler}.`) });
      await createClaim({
        actor: editor,
        input: claimInput(id, body, `Le zéphyrin tombe${filler} sur Brest.`, {
          statement: `Le zéphyrin tombe${filler} sur Brest, dit la note.`,
        }),
      });
    }
    // The outlet filter keeps every row but reads them joined, ranked and highlighted in one query.
    for (const page of [1, 2]) {
      const plain = await search(q("zephyrin", { page }));
      const joined = await search(q("zephyrin", { page, outlet: "Ouest" }));
      expect(plain?.claims?.total).toBe(24);
      expect(plain?.claims?.page).toBe(page);
      expect(plain?.claims?.items).toHaveLength(page === 1 ? 20 : 4);
      expect(plain?.claims).toEqual(joined?.claims);
      for (const claim of plain!.claims!.items) expect(marked(claim.statement)).toEqual(["zéphyrin"]);
      expect(plain?.articles?.total).toBe(12);
      expect(plain?.articles?.items).toHaveLength(10);
      expect(plain?.articles).toEqual(joined?.articles);
      for (const a of plain!.articles!.items) expect(marked(a.excerpt)).toContain("zéphyrin");
    }
  });
});

describe("search: hostile query strings", () => {
  const HOSTILE = [
    '"',
    '"""',
    'défense"',
    "(",
    ")",
    "((défense",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "défense AND",
    "OR défense",
    "NEAR(défense odessa, 2)",
    "défense NOT",
    "-défense",
    "défense -",
    "statement:défense",
    "speaker : défense",
    "{statement}: odessa",
    "*",
    "défense*",
    "^défense",
    "+",
    "a-t-il",
    "l'armée d’Ukraine",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "\u0000",
    "\u0301",
    "🙂",
    "\uE000défense\uE001",
    "x".repeat(500),
    "défense ".repeat(60),
  ];
  for (const input of HOSTILE) {
    it(`does not throw on ${JSON.stringify(input.slice(0, 40))}`, async () => {
      const results = await search(q(input));
      expect(results?.failed ?? false).toBe(false);
    });
  }
});

describe("search index: kept in sync by triggers", () => {
  async function claimIds(word: string) {
    return (await search(q(word)))?.claims?.items.map((c) => c.id) ?? [];
  }
  async function articleIds(word: string) {
    return (await search(q(word, { type: "articles" })))?.articles?.items.map((a) => a.id) ?? [];
  }

  it("indexes a claim on insert, reindexes on update, forgets it on delete", async () => {
    const body = "Le village de Vovtchansk est encerclé. Le village de Kupiansk est libre.";
    const { id } = await article("Front nord", body);
    const created = await createClaim({
      actor: editor,
      input: claimInput(id, body, "Le village de Vovtchansk est encerclé.", {
        verdictNote: "Source: tirelire",
      }),
    });
    expect(await claimIds("vovtchansk")).toEqual([created.id]);
    expect(await claimIds("tirelire")).toEqual([created.id]);

    const quote = "Le village de Kupiansk est libre.";
    const updated = await updateClaim({
      actor: editor,
      input: { ...claimInput(id, body, quote), id: created.id, version: created.version, verdictNote: "" },
    });
    expect(await claimIds("vovtchansk")).toEqual([]);
    expect(await claimIds("tirelire")).toEqual([]);
    expect(await claimIds("kupiansk")).toEqual([created.id]);

    await deleteClaim({ actor: editor, id: created.id, version: updated.version });
    expect(await claimIds("kupiansk")).toEqual([]);
  });

  it("indexes an article on insert, reindexes its title on update, forgets a claim on delete", async () => {
    const body = "Les négociations de Riyad reprennent.";
    const { id } = await article("Pourparlers à Riyad", body);
    const claim = await createClaim({
      actor: editor,
      input: claimInput(id, body, "Les négociations de Riyad reprennent."),
    });
    expect(await articleIds("riyad")).toEqual([id]);

    await updateArticle({
      actor: editor,
      input: {
        id,
        version: 1,
        title: "Pourparlers à Djeddah",
        outlet: "",
        url: "",
        language: "fr",
        publishedAt: "",
      },
    });
    expect(await articleIds("djeddah")).toEqual([id]);
    expect(await articleIds("pourparlers riyad")).toEqual([id]); // still in the body
    expect(await articleIds("pourparlers riyad djeddah")).toEqual([id]);
    expect(
      (await search(q("pourparlers", { type: "articles" })))?.articles?.items[0]?.title.map((s) => s.text),
    ).toEqual(["Pourparlers", " à Djeddah"]);

    // An article is never deleted now (its revisions are history, which nothing deletes); a claim
    // row deleted is forgotten by the index.
    expect(await claimIds("riyad")).toContain(claim.id);
    await rawSql(sql`DELETE FROM claims WHERE id = ${claim.id}`);
    expect(await claimIds("riyad")).not.toContain(claim.id);
    expect(await articleIds("djeddah")).toEqual([id]);
  });

  // SQLite's own: on PostgreSQL the tsvector is a generated column, computed by the database itself.
  it.skipIf(dialect() === "postgres")(
    "passes the FTS5 integrity check against the claims and articles tables",
    () => {
      const db = getDb();
      expect(() =>
        db.run(sql`INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)`),
      ).not.toThrow();
      expect(() =>
        db.run(sql`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`),
      ).not.toThrow();
    },
  );
});

describe("parseSearchParams", () => {
  it("keeps the valid fields and drops the malformed ones", () => {
    expect(
      parseSearchParams({
        q: "  défense ",
        verdict: "bogus",
        stage: "approved",
        from: "2026-13-45",
        page: "-3",
        type: ["claims", "x"],
      }),
    ).toMatchObject({
      q: "défense",
      verdict: undefined,
      stage: "approved",
      from: undefined,
      page: 1,
      type: "claims",
    });
  });

  it("cuts a very long query instead of refusing it", () => {
    expect(parseSearchParams({ q: "mot ".repeat(100) }).q.length).toBeLessThanOrEqual(200);
  });
});
