import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("have the same keys in English and French", () => {
    expect(keys(loadMessages("fr")).sort()).toEqual(keys(loadMessages("en")).sort());
  });

  it("translate every string in French", () => {
    const fr = loadMessages("fr") as { signIn: { submit: string } };
    expect(fr.signIn.submit).toBe("Se connecter");
  });
});
