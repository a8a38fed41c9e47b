import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as claims from "./index";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name));

describe("lib/claims boundaries", () => {
  it("imports only its own files and the review model", () => {
    for (const name of sources) {
      const source = readFileSync(path.join(here, name), "utf8");
      for (const match of source.matchAll(
        /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/gm,
      )) {
        const specifier = match[1] ?? match[2];
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^(?:\.\/[\w.-]+|@\/lib\/review\/model)$/);
      }
    }
  });

  it("exposes the public API from the index", () => {
    for (const name of [
      "segmentSentences",
      "attributeSentence",
      "attributeSentences",
      "createAttributionContext",
      "detectNoComment",
      "scoreSentence",
      "suggestClaims",
    ]) {
      expect(typeof (claims as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
