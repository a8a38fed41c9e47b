import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type GoldArticle, evaluate, loadGold, normaliseSpeaker, scoreArticle } from "./evaluate";
import type { Suggestion } from "../suggest";

// Floors a little under what the suggester reaches today (see README, "Suggestions: measured
// quality"): a change that makes the suggestions worse on the labelled articles fails here.
const FLOORS = { recall: 0.95, precision: 0.95, speakerAccuracy: 0.94, noCommentLinking: 0.9 };

describe("suggest:eval", () => {
  const report = evaluate();

  it("scores every labelled article, the six real ones and the project's own", () => {
    const ids = report.articles.map((a) => a.id);
    expect(ids.filter((id) => !id.includes("-own-") && !id.includes("-heldout-"))).toHaveLength(6);
    expect(
      report.articles.filter((a) => a.origin === "own" && a.id.startsWith("fr-")).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      report.articles.filter((a) => a.origin === "own" && a.id.startsWith("en-")).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("keeps recall, precision, speaker accuracy and no-comment linking above their floors", () => {
    expect(report.average.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(report.average.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(report.average.speakerAccuracy).toBeGreaterThanOrEqual(FLOORS.speakerAccuracy);
    expect(report.average.noCommentLinking).toBeGreaterThanOrEqual(FLOORS.noCommentLinking);
    for (const a of report.articles) {
      expect(a.recall, a.id).toBeGreaterThanOrEqual(0.85);
      expect(a.precision, a.id).toBeGreaterThanOrEqual(0.85);
      expect(a.speakerAccuracy, a.id).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("never copies a real article into the project: they are read from ../shared", () => {
    for (const g of loadGold()) {
      if (g.origin === "fixture") expect(g.text.startsWith("../shared/fixtures/articles/")).toBe(true);
      else expect(fs.existsSync(path.resolve(g.text))).toBe(true);
    }
  });
});

describe("scoreArticle", () => {
  const text = "Le Kremlin affirme que 40 drones ont été abattus. Kyiv n'a pas commenté. Il pleut.";
  const gold: GoldArticle = {
    id: "t",
    language: "fr",
    origin: "own",
    text: "",
    noComments: [{ id: "k", anchor: "Kyiv n'a pas commenté", party: "Kyiv" }],
    claims: [{ anchor: "40 drones ont été abattus", speaker: "le Kremlin", silent: "k" }],
  };
  const s = (start: number, end: number, extra: Partial<Suggestion> = {}): Suggestion => ({
    start,
    end,
    quote: text.slice(start, end),
    statement: "",
    speaker: null,
    cue: null,
    score: 1,
    reasons: [],
    hidden: false,
    ...extra,
  });

  it("matches a suggestion by its anchor, counts a repeat against precision and ignores hidden ones", () => {
    const claim = s(0, 49, { speaker: "Kremlin", verdict: "uncommented", silentParty: "Kyiv" });
    const r = scoreArticle(gold, text, [claim, s(0, 49), s(74, 83), s(74, 83, { hidden: true })]);
    expect(r).toMatchObject({ gold: 1, shown: 3, matched: 1, recall: 1, speakerAccuracy: 1 });
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.noCommentLinking).toBe(1);
  });

  it("counts a wrong speaker and a missing link", () => {
    const r = scoreArticle(gold, text, [s(0, 49, { speaker: "Moscou" })]);
    expect(r.speakerAccuracy).toBe(0);
    expect(r.noCommentLinking).toBe(0);
    expect(r.wrongSpeakers[0]).toContain("Moscou");
  });

  it("refuses an anchor that is not in the text", () => {
    expect(() => scoreArticle({ ...gold, claims: [{ anchor: "absent", speaker: null }] }, text, [])).toThrow(
      /anchor not found/,
    );
  });

  it("compares speakers without article, case, accents or spelling variants", () => {
    expect(normaliseSpeaker("la Commission européenne")).toBe(normaliseSpeaker("Commission Européenne"));
    expect(normaliseSpeaker("Volodymyr Zelenski")).toBe(normaliseSpeaker("Volodymyr Zelensky"));
    expect(normaliseSpeaker("Kiev")).toBe(normaliseSpeaker("Kyiv"));
  });
});
