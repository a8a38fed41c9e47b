import fc from "fast-check";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildSearchMatch,
  buildSearchTsQuery,
  silentPartyQuery,
  buildSimilarMatch,
  countCovered,
  foldWord,
  minimumCoverage,
  significantTerms,
  termIndex,
  tokenize,
} from "./query";
import { parseHighlighted } from "./snippet";

// A bare FTS5 table with the same tokenizer as the migration, to prove the expressions parse.
const sqlite = new Database(":memory:");
sqlite.exec(
  "CREATE VIRTUAL TABLE t USING fts5(statement, quote, speaker, verdict_note, tokenize = 'unicode61 remove_diacritics 2')",
);
sqlite.prepare("INSERT INTO t VALUES (?, ?, ?, ?)").run("La Défense a 1 800 soldats", "", "Kremlin", "");
const count = sqlite.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?");
afterAll(() => sqlite.close());

describe("tokenize", () => {
  it("reads thousands groups as one number, whatever the space", () => {
    expect(tokenize("1 800 et 75\u00a0000 puis 1\u202f200 000 ou 1,800 et 1800")).toEqual([
      { kind: "number", digits: "1800" },
      { kind: "word", text: "et" },
      { kind: "number", digits: "75000" },
      { kind: "word", text: "puis" },
      { kind: "number", digits: "1200000" },
      { kind: "word", text: "ou" },
      { kind: "number", digits: "1800" },
      { kind: "word", text: "et" },
      { kind: "number", digits: "1800" },
    ]);
  });

  it("splits elisions and hyphens and drops punctuation", () => {
    expect(tokenize("l’armée « a-t-il » (dit)").map((t) => (t.kind === "word" ? t.text : t.digits))).toEqual([
      "l",
      "armée",
      "a",
      "t",
      "il",
      "dit",
    ]);
  });

  it("folds case and accents like the unicode61 tokenizer", () => {
    expect(foldWord("DÉFENSE")).toBe("defense");
    expect(foldWord("Zelensky")).toBe("zelensky");
  });
});

describe("buildSearchMatch", () => {
  it("quotes every word and makes the last one a prefix", () => {
    expect(buildSearchMatch("défense aér")).toBe('"défense" AND "aér"*');
  });

  it("matches a number with or without its thousands space", () => {
    expect(buildSearchMatch("1800 soldats")).toBe('("1800" OR "1 800") AND "soldats"*');
    expect(count.get(buildSearchMatch("1800"))).toEqual({ n: 1 });
    expect(count.get(buildSearchMatch("1 800 soldats"))).toEqual({ n: 1 });
  });

  it("keeps only telling words when any word may match", () => {
    expect(buildSearchMatch("la défense de Kyiv", "any")).toBe('"défense" OR "Kyiv"*');
  });

  it("returns null when nothing is searchable", () => {
    expect(buildSearchMatch("")).toBeNull();
    expect(buildSearchMatch(' ( ) " * : - ')).toBeNull();
  });

  it("turns operators typed by a user into plain words", () => {
    expect(buildSearchMatch("NEAR(a b) AND speaker:x")).toBe(
      '"NEAR" AND "a" AND "b" AND "AND" AND "speaker" AND "x"*',
    );
  });

  it("never produces an expression FTS5 refuses, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.constantFrom("all", "any"),
        (input, mode) => {
          const match = buildSearchMatch(input, mode as "all" | "any");
          if (match !== null) count.get(match);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never produces an expression FTS5 refuses from operator soup", () => {
    const pieces = fc.constantFrom(
      '"',
      "(",
      ")",
      "AND",
      "OR",
      "NOT",
      "NEAR",
      "*",
      "^",
      ":",
      "-",
      "+",
      "{",
      "}",
      " ",
      "défense",
      "1 800",
      "é",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const match = buildSearchMatch(parts.join(""));
        if (match !== null) count.get(match);
        const similar = buildSimilarMatch(significantTerms(parts.join(" ")));
        if (similar !== null) count.get(similar);
      }),
      { numRuns: 400 },
    );
  });
});

describe("significantTerms", () => {
  it("drops French and English stop words and keeps numbers, places and names", () => {
    const keys = significantTerms(
      "Selon le Kremlin, les deux tiers de la région de Donetsk sont sous son contrôle",
    ).map((t) => t.key);
    expect(keys).toEqual(["kremlin", "#2", "#3", "region", "donetsk", "control"]);
    expect(significantTerms("Moscow says it controls two thirds of Donetsk").map((t) => t.key)).toEqual([
      "moscow",
      "control",
      "#2",
      "#3",
      "donetsk",
    ]);
  });

  it("gives one key to 1 800, 1800 and 1,800", () => {
    expect(significantTerms("1 800 chars, 1800 chars, 1,800 chars").map((t) => t.key)).toEqual([
      "#1800",
      "char",
    ]);
  });

  it("builds an any-term expression limited to the statement, quote and speaker", () => {
    expect(buildSimilarMatch(significantTerms("Deux vols"))).toBe(
      '{statement quote speaker} : (("2" OR "deux") OR ("vols" OR "vol"))',
    );
    expect(buildSimilarMatch([])).toBeNull();
  });

  it("counts how many terms a candidate covers, across wordings", () => {
    const terms = significantTerms("Moscou contrôle les deux tiers de la région de Donetsk");
    expect(countCovered(terms, termIndex("Moscow controls 2/3 of the Donetsk region"))).toBe(5);
    expect(countCovered(terms, termIndex("La Bretagne vote son budget"))).toBe(0);
  });

  it("takes the names of Object's own properties as plain words", () => {
    expect(significantTerms("constructor toString valueOf __proto__").map((t) => t.key)).toEqual([
      "constructor",
      "tostr",
      "valueof",
      "proto",
    ]);
    expect(termIndex("the constructor").numbers.size).toBe(0);
  });

  it("asks for at least two shared terms, or a third of them", () => {
    expect([1, 2, 3, 6, 9, 24].map(minimumCoverage)).toEqual([1, 2, 2, 2, 3, 8]);
  });
});

describe("parseHighlighted", () => {
  it("splits a highlighted string into plain and marked segments", () => {
    expect(parseHighlighted("la \uE000Défense\uE001 et <b>\uE000defense\uE001</b>")).toEqual([
      { text: "la ", hit: false },
      { text: "Défense", hit: true },
      { text: " et <b>", hit: false },
      { text: "defense", hit: true },
      { text: "</b>", hit: false },
    ]);
    expect(parseHighlighted(null)).toEqual([]);
  });
});

describe("name variants and silent parties in search box queries", () => {
  const variants = (word: string) =>
    ({ kiev: ["Kyiv", "Kiev", "Kyïv"], zelenski: ["Volodymyr Zelensky", "Zelenski"] })[
      word.toLowerCase()
    ] ?? [word];

  it("adds each name's other spellings (once each after folding), several words as a phrase", () => {
    expect(buildSearchMatch("Kiev drones", "all", { variants })).toBe('("Kiev" OR "Kyiv") AND "drones"*');
    expect(buildSearchMatch("Zelenski", "all", { variants })).toBe('("Zelenski"* OR "Volodymyr Zelensky")');
    expect(buildSearchTsQuery("Zelenski", "all", { variants })).toBe(
      "('Zelenski':* | ('Volodymyr' <-> 'Zelensky'))",
    );
  });

  it("reads “<party> did not comment” in both languages as a search of the silent parties", () => {
    expect(silentPartyQuery("Kyiv did not comment")).toBe("Kyiv");
    expect(silentPartyQuery("the Israeli military didn't respond to requests")).toBe("the Israeli military");
    expect(silentPartyQuery("Kiev n'a pas commenté")).toBe("Kiev");
    expect(silentPartyQuery("le Kremlin n’avait pas répondu")).toBe("le Kremlin");
    expect(silentPartyQuery("Moscou a refusé de commenter")).toBe("Moscou");
    expect(silentPartyQuery("did not comment")).toBeNull();
    expect(silentPartyQuery("Kyiv drones")).toBeNull();
    expect(buildSearchMatch("Kiev did not comment", "all", { variants })).toBe(
      '{silent_party} : (("Kiev" OR "Kyiv"))',
    );
  });
});
