import { describe, expect, it } from "vitest";
import { parseIdParam } from "./id";

describe("parseIdParam: the one reading of an id in a URL (API and page routes)", () => {
  it("reads canonical decimal ids", () => {
    expect(parseIdParam("1")).toBe(1);
    expect(parseIdParam("1262")).toBe(1262);
    expect(parseIdParam(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses every other spelling of a number", () => {
    for (const raw of [
      "0x4ee",
      "01262",
      "+1262",
      "1262.0",
      "1262e0",
      " 1262",
      "1262 ",
      "\t1262",
      "0",
      "-1",
      "0b1",
      "１２６２",
      "",
      "9007199254740992",
      "99999999999999999999",
      "Infinity",
    ]) {
      expect(parseIdParam(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(parseIdParam(1262)).toBeNull();
    expect(parseIdParam(undefined)).toBeNull();
    expect(parseIdParam(["1262"])).toBeNull();
  });
});
