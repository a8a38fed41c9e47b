import { describe, expect, it } from "vitest";
import { upperFirst } from "./upper-first";

describe("upperFirst", () => {
  it("capitalises the first letter and keeps the rest as written", () => {
    expect(upperFirst("le ministère des Transports")).toBe("Le ministère des Transports");
    expect(upperFirst("éducation nationale", "fr-FR")).toBe("Éducation nationale");
    expect(upperFirst("Kyiv")).toBe("Kyiv");
    expect(upperFirst("")).toBe("");
  });

  it("leaves a character outside the basic plane whole", () => {
    expect(upperFirst("𝐀bc")).toBe("𝐀bc");
  });
});
