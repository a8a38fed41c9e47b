import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import * as review from "./index";
import * as model from "./model";
import * as rules from "./rules";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name));

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    if (match[1] !== undefined) found.push(match[1]);
  }
  return found;
}

describe("lib/review boundaries", () => {
  it("imports only its own files", () => {
    expect(sources).toEqual(expect.arrayContaining(["index.ts", "model.ts", "rules.ts"]));
    for (const name of sources) {
      const imports = importsOf(readFileSync(path.join(here, name), "utf8"));
      for (const specifier of imports)
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it("re-exports model and rules from the index", () => {
    for (const [name, value] of Object.entries({ ...model, ...rules })) {
      expect(review, name).toHaveProperty(name, value);
    }
  });
});
