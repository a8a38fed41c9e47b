// Print claim suggestions for an article as JSON.
//
//   npx tsx scripts/suggest.ts FILE [--lang fr|en|other] [--min-score N]
//   cat article.txt | npx tsx scripts/suggest.ts --lang fr

import fs from "node:fs";
import { suggestClaims } from "../lib/claims";
import type { Language } from "../lib/review/model";

const USAGE = `Usage: npx tsx scripts/suggest.ts [FILE] [--lang fr|en|other] [--min-score N]

Suggests the claims of a news article (plain text, paragraphs separated by blank lines) and
prints them as a JSON array, in reading order. Each suggestion has start/end offsets (UTF-16
code units into the text after NFC normalisation and \\r\\n → \\n, as the app stores bodies),
the quoted span, a proposed statement, speaker and cue, a check-worthiness score in [0, 1] with
its reasons, and verdict "uncommented" with silentParty when a no-comment sentence
("Kyiv n'a pas commenté", "X declined to comment") refers to it.

  FILE             the article; read from standard input when absent or "-"
  --lang, -l       fr, en or other (default: guessed from common words)
  --min-score N    leave out suggestions scoring below N (0 to 1, default 0)
  --help, -h       show this help`;

type Options = { file: string | null; language: Language | null; minScore: number };

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options | "help" {
  const options: Options = { file: null, language: null, minScore: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--lang" || flag === "-l") {
      const lang = value();
      if (lang !== "fr" && lang !== "en" && lang !== "other") fail(`unknown language "${lang}"`);
      options.language = lang;
    } else if (flag === "--min-score") {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 1) fail("--min-score takes a number between 0 and 1");
      options.minScore = n;
    } else if (flag.startsWith("-") && flag !== "-") fail(`unknown option ${flag}`);
    else if (options.file !== null) fail("only one FILE may be given");
    else options.file = flag;
  }
  return options;
}

/** French or English, from the most common short words; "other" when neither shows. */
function guessLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const fr = new Set([
    "le",
    "la",
    "les",
    "des",
    "du",
    "est",
    "et",
    "une",
    "que",
    "dans",
    "pour",
    "qui",
    "sur",
    "pas",
    "au",
  ]);
  const en = new Set([
    "the",
    "and",
    "of",
    "is",
    "that",
    "to",
    "in",
    "was",
    "for",
    "on",
    "with",
    "said",
    "has",
    "it",
    "by",
  ]);
  let f = 0;
  let e = 0;
  for (const w of words) {
    if (fr.has(w)) f++;
    if (en.has(w)) e++;
  }
  if (f === 0 && e === 0) return "other";
  return f >= e ? "fr" : "en";
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let raw: string;
  try {
    raw = fs.readFileSync(options.file === null || options.file === "-" ? 0 : options.file, "utf8");
  } catch (error) {
    process.stderr.write(`cannot read ${options.file ?? "standard input"}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const body = raw.normalize("NFC").replace(/\r\n?/g, "\n");
  const language = options.language ?? guessLanguage(body);
  const suggestions = suggestClaims(body, language, { minScore: options.minScore });
  process.stdout.write(`${JSON.stringify(suggestions, null, 2)}\n`);
}

main();
