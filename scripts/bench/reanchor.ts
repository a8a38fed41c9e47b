// Re-anchoring a 200-claim article onto a new revision (issue 16): lib/text/reanchor-claims.ts on a
// generated article of some 12,000 words with claims spread through it, and a revision that adds an
// update line at the top, corrects a figure, fixes a typo and deletes a paragraph, as outlets do.
// Run alone: npx tsx --tsconfig tsconfig.node.json scripts/bench/reanchor.ts
import { pathToFileURL } from "node:url";
import { selectorFor } from "@/lib/text/reanchor";
import { reanchorClaims, type AnchoredSpan } from "@/lib/text/reanchor-claims";
import { createRng, generateText } from "./text";

export const REANCHOR_TARGET_MS = 200;
const CLAIMS = 200;

export function reanchorCost(): {
  claims: number;
  bodyChars: number;
  medianMs: number;
  runs: number;
  states: Record<string, number>;
} {
  const rng = createRng(16);
  const paragraphs = generateText(rng, "fr", 12_000)
    .split(/\n\n/)
    .map((p, i) => (i % 7 === 3 ? `${p} Le bilan s'élève à 1 800 victimes selon la préfecture.` : p));
  const body = paragraphs.join("\n\n");
  // Claims: 200 spans of whole words, evenly spread.
  const claims: AnchoredSpan[] = [];
  const step = Math.floor(body.length / CLAIMS);
  for (let i = 0; i < CLAIMS; i++) {
    let start = i * step + 10;
    while (start > 0 && /\S/.test(body[start - 1]!)) start--;
    let end = Math.min(body.length, start + 60);
    while (end < body.length && /\S/.test(body[end]!)) end++;
    claims.push({ id: i + 1, ...selectorFor(body, start, end) });
  }
  const revised = `Mis à jour à 09h42.\n\n${paragraphs
    .filter((_, i) => i !== 11)
    .join("\n\n")
    .replace(/1 800 victimes/g, "1 900 victimes")
    .replace(/ de la /, " de  la ")}`;
  for (let i = 0; i < 3; i++) reanchorClaims(claims, revised);
  const runs: number[] = [];
  let states: Record<string, number> = {};
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const results = reanchorClaims(claims, revised);
    runs.push(performance.now() - t0);
    states = {};
    for (const r of results) states[r.result.state] = (states[r.result.state] ?? 0) + 1;
  }
  runs.sort((a, b) => a - b);
  return {
    claims: CLAIMS,
    bodyChars: body.length,
    medianMs: runs[Math.floor(runs.length / 2)]!,
    runs: runs.length,
    states,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = reanchorCost();
  console.log(
    `Re-anchoring ${r.claims} claims on a ${r.bodyChars}-character revision: ${r.medianMs.toFixed(1)} ms (median of ${r.runs}) ` +
      `${r.medianMs < REANCHOR_TARGET_MS ? "✓" : "✗"} < ${REANCHOR_TARGET_MS} ms; states ${JSON.stringify(r.states)}`,
  );
}
