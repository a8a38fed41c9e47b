// Score the claim suggester against the labelled articles of lib/claims/eval/gold.
//
//   npm run suggest:eval [-- --verbose] [-- --json]

import { type ArticleScore, evaluate } from "../lib/claims/eval/evaluate";

const args = new Set(process.argv.slice(2));
if (args.has("--help") || args.has("-h")) {
  process.stdout.write(`Usage: npm run suggest:eval [-- --verbose | --json]

Runs the claim suggester on every article labelled in lib/claims/eval/gold/*.json and prints, per
article and on average, the recall and precision of the suggestions shown by default, the share of
matched claims with the right speaker, and the F1 of the no-comment links.

  --verbose   also list the missed claims, false positives, wrong speakers and wrong links
  --json      print the whole report as JSON
`);
  process.exit(0);
}

const report = evaluate();
if (args.has("--json")) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}

const pct = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
const rows: string[][] = [["article", "claims", "shown", "recall", "precision", "speaker", "no-comment"]];
for (const a of report.articles) {
  rows.push([
    a.id,
    String(a.gold),
    String(a.shown),
    pct(a.recall),
    pct(a.precision),
    pct(a.speakerAccuracy),
    a.noCommentLinking === null ? "n/a" : `${pct(a.noCommentLinking)} (${a.links.correct}/${a.links.gold})`,
  ]);
}
const avg = report.average;
rows.push([
  "average",
  String(report.articles.reduce((n, a) => n + a.gold, 0)),
  String(report.articles.reduce((n, a) => n + a.shown, 0)),
  pct(avg.recall),
  pct(avg.precision),
  pct(avg.speakerAccuracy),
  pct(avg.noCommentLinking),
]);
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
process.stdout.write(`${line(rows[0] ?? [])}\n`);
process.stdout.write(`${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
for (const r of rows.slice(1, -1)) process.stdout.write(`${line(r)}\n`);
process.stdout.write(
  `${widths.map((w) => "-".repeat(w)).join("  ")}\n${line(rows[rows.length - 1] ?? [])}\n`,
);

if (args.has("--verbose")) {
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    process.stdout.write(`  ${title}:\n`);
    for (const i of items) process.stdout.write(`    - ${i}\n`);
  };
  for (const a of report.articles as ArticleScore[]) {
    process.stdout.write(`\n${a.id}\n`);
    list("missed", a.misses);
    list("not a claim, or a repeat", a.falsePositives);
    list("wrong speaker", a.wrongSpeakers);
    list("wrong no-comment link", a.wrongLinks);
  }
}
