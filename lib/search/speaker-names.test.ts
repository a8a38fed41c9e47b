import { describe, expect, it } from "vitest";
import { suggestSpeakerGroups } from "./speaker-names";

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
