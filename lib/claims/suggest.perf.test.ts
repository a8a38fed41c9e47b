import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { suggestClaims } from "./suggest";

// Prints the cost of suggestClaims per 10,000 words (target: under 20 ms). The figure is
// printed, never asserted: timings depend on the machine.
describe("suggestClaims cost", () => {
  it("prints the time per 10,000 words on the repeated fixture", () => {
    const fixture = fs.readFileSync(
      path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt"),
      "utf8",
    );
    const parts: string[] = [];
    let words = 0;
    while (words < 10_000) {
      parts.push(fixture);
      words += fixture.split(/\s+/).filter(Boolean).length;
    }
    const body = parts.join("\n\n");
    for (let i = 0; i < 5; i++) suggestClaims(body, "fr");
    const runs: number[] = [];
    let count = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      count = suggestClaims(body, "fr").length;
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? 0;
    const per10k = (median * 10_000) / words;
    console.log(
      `[suggest.perf] ${words} words, ${count} suggestions: median ${median.toFixed(2)} ms, ` +
        `${per10k.toFixed(2)} ms per 10,000 words (best ${(((runs[0] ?? 0) * 10_000) / words).toFixed(2)} ms)`,
    );
    expect(count).toBeGreaterThan(0);
  });
});
