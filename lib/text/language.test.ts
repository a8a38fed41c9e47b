import { describe, expect, it } from "vitest";
import { readSeedArticle } from "@/test/seed-article";
import { detectLanguage } from "./language";
import { normaliseBody } from "./normalise";

describe("detectLanguage", () => {
  it("recognises the French seed article", () => {
    expect(detectLanguage(normaliseBody(readSeedArticle()))).toBe("fr");
  });

  it("recognises a French paragraph", () => {
    expect(
      detectLanguage(
        "Le gouvernement a annoncé lundi que des milliers de vols seraient annulés en raison de la grève des contrôleurs aériens.",
      ),
    ).toBe("fr");
  });

  it("recognises an English paragraph", () => {
    expect(
      detectLanguage(
        "The government announced on Monday that thousands of flights would be cancelled because of the air traffic controllers' strike.",
      ),
    ).toBe("en");
  });

  it("calls another language other", () => {
    expect(
      detectLanguage(
        "Die Regierung hat am Montag angekündigt, dass wegen des Streiks der Fluglotsen Tausende Flüge gestrichen werden.",
      ),
    ).toBe("other");
  });

  it("calls a text too short to tell other", () => {
    expect(detectLanguage("Oui.")).toBe("other");
    expect(detectLanguage("")).toBe("other");
  });
});
