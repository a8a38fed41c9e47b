import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Suggestion } from "./suggest";

const root = process.cwd();
const fixture = path.resolve(root, "../shared/fixtures/seed-article-fr.txt");

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/suggest.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/suggest.ts", () => {
  it("explains its usage with --help", () => {
    const { status, stdout } = run(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Usage: npx tsx scripts/suggest.ts [FILE] [--lang fr|en|other]");
  });

  it("prints the suggestions of a file as JSON", () => {
    const { status, stdout } = run([fixture, "--lang", "fr"]);
    expect(status).toBe(0);
    const suggestions = JSON.parse(stdout) as Suggestion[];
    expect(suggestions.find((s) => s.quote.startsWith("Moscou dit contrôler"))).toMatchObject({
      verdict: "uncommented",
      silentParty: "Kyiv",
    });
  });

  it("reads standard input and guesses the language", () => {
    const { status, stdout } = run([], "The Kremlin said 83 missiles were fired.\n");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([{ speaker: "The Kremlin", cue: "said", start: 0 }]);
  });

  it("refuses an unknown language", () => {
    const { status, stderr } = run(["--lang", "de"], "");
    expect(status).toBe(2);
    expect(stderr).toContain('unknown language "de"');
  });
});
