import { describe, expect, it } from "vitest";
import { preferredSpeakerName, suggestSpeakerGroups } from "./speaker-names";

describe("suggestSpeakerGroups", () => {
  it("groups a surname, a full name and a full name with a title", () => {
    expect(
      suggestSpeakerGroups([
        "Kremlin",
        "le président ukrainien Volodymyr Zelensky",
        "Zelensky",
        "Volodymyr Zelensky",
      ]),
    ).toEqual([["Zelensky", "Volodymyr Zelensky", "le président ukrainien Volodymyr Zelensky"]]);
  });

  it("groups spellings that differ only in case and accents", () => {
    const groups = suggestSpeakerGroups(["Ministère de la Défense", "ministere de la defense"]);
    expect(groups.map((g) => [...g].sort())).toEqual([
      ["Ministère de la Défense", "ministere de la defense"],
    ]);
  });

  it("leaves a short name alone when it fits unrelated longer names", () => {
    expect(
      suggestSpeakerGroups(["le ministère", "le ministère des Transports", "le ministère de la Défense"]),
    ).toEqual([]);
  });

  it("ignores names made only of short or common words", () => {
    expect(suggestSpeakerGroups(["le PM", "PM", "ONU"])).toEqual([]);
  });
});

describe("preferredSpeakerName", () => {
  const names = ["le président ukrainien Volodymyr Zelensky", "Zelensky", "Volodymyr Zelensky"];

  it("proposes the most used name", () => {
    expect(preferredSpeakerName(names, new Map([["Zelensky", 5]]))).toBe("Zelensky");
  });

  it("proposes a proper full name on a tie", () => {
    expect(preferredSpeakerName(names, new Map(names.map((n) => [n, 1])))).toBe("Volodymyr Zelensky");
    expect(preferredSpeakerName(["the Kremlin", "Le Kremlin"], new Map())).toBe("Le Kremlin");
  });
});
