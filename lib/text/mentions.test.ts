import { describe, expect, it } from "vitest";
import { handleMatches, handleOf, mentionAtCaret, mentionHandles } from "./mentions";

describe("mentions", () => {
  it("finds handles, each once, lower-cased, without trailing punctuation", () => {
    expect(mentionHandles("@Ana, ask @ben. And @ana again (@rae-2)!")).toEqual(["ana", "ben", "rae-2"]);
    expect(mentionHandles("Write to @ana@newsroom.example today")).toEqual(["ana@newsroom.example"]);
  });

  it("does not take e-mail addresses or lone @ for mentions", () => {
    expect(mentionHandles("press@gov.ua and a.b@c.de, @ alone, x@")).toEqual([]);
  });

  it("matches an account by its local part or its whole address", () => {
    expect(handleOf("Ana.Martin@Newsroom.example")).toBe("ana.martin");
    expect(handleMatches("ana.martin", "Ana.Martin@newsroom.example")).toBe(true);
    expect(handleMatches("ana.martin@newsroom.example", "Ana.Martin@newsroom.example")).toBe(true);
    expect(handleMatches("ana", "ana.martin@newsroom.example")).toBe(false);
  });

  it("finds the mention being typed at the caret", () => {
    expect(mentionAtCaret("Thanks @re", 10)).toEqual({ start: 7, query: "re" });
    expect(mentionAtCaret("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAtCaret("mail me@x", 9)).toBeNull();
    expect(mentionAtCaret("@ben done", 9)).toBeNull();
  });
});
