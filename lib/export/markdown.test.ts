import { webSource } from "@/lib/export/sources";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeMarkdownLine } from "./escape";
import { toMarkdown } from "./markdown";
import { makeClaim, makeInput, newsroomClaims } from "@/test/export-fixtures";
import type { SummaryInput } from "./types";

/** Removes the backslash of every backslash escape (CommonMark: before ASCII punctuation). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Text with every backslash escape replaced by a neutral character. */
function withoutEscapes(text: string): string {
  return text.replace(/\\[!-/:-@[-`{-~]/g, "·");
}

/** Characters that are Markdown syntax anywhere on a line. */
const INLINE_SYNTAX = /[*_[\]<>`#|~\\]|&#?[0-9a-z]+;/gi;

/** How CommonMark would start a block with this line (a rough but sufficient classifier). */
function blockKind(line: string): string {
  if (/^ {0,3}#{1,6}(\s|$)/.test(line)) return "heading";
  const quoted = /^ {0,3}> ?(.*)$/.exec(line);
  if (quoted) return `quote>${blockKind(quoted[1] ?? "")}`;
  if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return "break";
  if (/^ {0,3}(=+|-+)\s*$/.test(line)) return "setext";
  if (/^ {0,3}[-+*](\s|$)/.test(line)) return "bullet";
  if (/^ {0,3}\d{1,9}[.)](\s|$)/.test(line)) return "ordered";
  if (/^ {0,3}(```|~~~)/.test(line)) return "fence";
  if (/^ {4}|^\t/.test(line)) return "code";
  if (/^ {0,3}</.test(line)) return "html";
  if (/^ {0,3}\[[^\]]*\]:/.test(line)) return "definition";
  if (/^\s*$/.test(line)) return "blank";
  return "text";
}

/** Same text with every non-whitespace character replaced by "x": same shape, no syntax. */
function plain(text: string): string {
  return text.replace(/[^ \t\n\v\f\r\u2028\u2029]/gu, "x");
}

function inputWithUserText(text: string, language: "fr" | "en" = "en"): SummaryInput {
  return makeInput(
    [
      makeClaim({
        id: 1,
        statement: text,
        speaker: text,
        quote: text,
        verdictNote: text,
        sources: [webSource("https://example.com/source", text)],
        ratedBy: { name: text },
        approvedBy: { name: text },
      }),
      makeClaim({ id: 2, verdict: "uncommented", silentParty: text, quote: text }),
    ],
    {
      language,
      article: { title: text, outlet: text },
      organisation: { name: text, url: "https://desk.example.org" },
    },
  );
}

describe("escapeMarkdown", () => {
  it("escapes emphasis, links, code, headings, HTML and tables", () => {
    expect(escapeMarkdownLine("*bold* _it_ [link](x) `code` #tag <b> a|b ~~s~~ back\\slash")).toBe(
      "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\#tag \\<b\\> a\\|b \\~\\~s\\~\\~ back\\\\slash",
    );
  });

  it("escapes list markers and setext underlines at the start of a line", () => {
    expect(escapeMarkdown("1. one\n2) two\n- dash\n+ plus\n===\n---")).toBe(
      "1\\. one\n2\\) two\n\\- dash\n\\+ plus\n\\===\n\\---",
    );
  });

  it("leaves list-like text in the middle of a line alone", () => {
    expect(escapeMarkdownLine("Il y a 1. un, 2. deux - et + encore")).toBe(
      "Il y a 1. un, 2. deux - et + encore",
    );
  });

  it("escapes entity references but not a lone ampersand", () => {
    expect(escapeMarkdownLine("AT&T &amp; &#169;")).toBe("AT&T \\&amp; &\\#169;");
  });

  it("gives the text back when the escapes are removed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text.replace(/\r\n|\r/g, "\n"));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves no unescaped syntax character and no block start", () => {
    const syntax = fc.string({
      unit: fc.constantFrom(
        ..."*_[]()<>`#|~\\-+=1.);&a \n".split(""),
        ...["1. ", "2) ", "- ", "+ ", "* ", "# ", "> ", "===", "---", "```", "    ", "&amp;", "[a]: "],
      ),
    });
    fc.assert(
      fc.property(fc.oneof(syntax, fc.string({ unit: "binary" })), (text) => {
        const escaped = escapeMarkdown(text);
        expect(withoutEscapes(escaped).match(INLINE_SYNTAX)).toBeNull();
        for (const line of escaped.split("\n"))
          expect(["text", "blank"]).toContain(blockKind(line.trimStart()));
      }),
      { numRuns: 500 },
    );
  });
});

describe("toMarkdown", () => {
  it("reads like a summary an editor can forward", () => {
    const md = toMarkdown(
      makeInput(newsroomClaims(), {
        language: "en",
        article: { title: "Zelensky accuses Russia of terror campaign" },
      }),
    );
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Zelensky accuses Russia of terror campaign");
    expect(md).toContain(
      "**Verified summary** · Euronews · 24 November 2026 · <https://www.example.com/2026/11/24/zelensky>",
    );
    expect(md).toContain("\n\n7 claims verified: 4 confirmed, 2 disputed, 1 without comment.\n\n");
    expect(lines.filter((line) => line.startsWith("## "))).toEqual([
      "## Confirmed (4)",
      "## Disputed (2)",
      "## Did not comment (1)",
    ]);
    expect(md).toContain("**1. Russia is waging a campaign of terror.**");
    expect(md).toContain("Speaker: Volodymyr Zelensky");
    expect(md).toContain("> Quote 2");
    expect(md).toContain("*Rated by Ana on 25 November 2026 · approved by Ben on 26 November 2026*");
    expect(md).toContain("*Generated by [The Claim Desk](https://desk.example.org/) on 1 December 2026.*");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("localises labels and dates in French", () => {
    const md = toMarkdown(makeInput(newsroomClaims(), { language: "fr" }));
    expect(md).toContain("**Synthèse vérifiée** · Euronews · 24 novembre 2026 ·");
    expect(md).toContain("7 affirmations vérifiées\u00a0: 4 confirmées, 2 contestées, 1 sans commentaire.");
    expect(md).toContain("## Confirmé (4)");
    expect(md).toContain("## Sans commentaire (1)");
    expect(md).toContain("Personne citée\u00a0: Volodymyr Zelensky");
    expect(md).toContain("*Évalué par Ana le 25 novembre 2026 · approuvé par Ben le 26 novembre 2026*");
    expect(md).toContain("le 1er décembre 2026");
  });

  it("writes the silent party as a sentence in both languages", () => {
    const claim = makeClaim({ id: 1, verdict: "uncommented", silentParty: "Kyiv" });
    expect(toMarkdown(makeInput([claim], { language: "en" }))).toContain("*Kyiv did not comment.*");
    expect(toMarkdown(makeInput([claim], { language: "fr" }))).toContain("*Kyiv n'a pas commenté.*");
  });

  it("marks unapproved claims as unverified", () => {
    const md = toMarkdown(makeInput(newsroomClaims(), { language: "en", includeUnapproved: true }));
    expect(md).toContain("**2. Drone interceptors work particularly well.** *(Unverified)*");
    expect(md).toContain("*Rated by Ana on 25 November 2026 · not yet approved*");
    expect(md.match(/\(Unverified\)/g)).toHaveLength(1);
    expect(toMarkdown(makeInput(newsroomClaims(), { language: "fr", includeUnapproved: true }))).toContain(
      "*(Non vérifié)*",
    );
  });

  it("warns at the top when the document holds unapproved claims", () => {
    const en = toMarkdown(makeInput(newsroomClaims(), { language: "en", includeUnapproved: true }));
    const fr = toMarkdown(makeInput(newsroomClaims(), { language: "fr", includeUnapproved: true }));
    expect(en).toContain("\n\n**Working document: it includes claims that are not yet approved");
    expect(en.indexOf("Working document")).toBeLessThan(en.indexOf("## Confirmed"));
    expect(fr).toContain("**Document de travail\u00a0: il contient des affirmations pas encore approuvées");
  });

  it("has no warning when every claim shown is approved", () => {
    expect(toMarkdown(makeInput(newsroomClaims(), { language: "en" }))).not.toContain("Working document");
    const approved = newsroomClaims().filter((claim) => claim.stage === "approved");
    expect(toMarkdown(makeInput(approved, { language: "en", includeUnapproved: true }))).not.toContain(
      "Working document",
    );
  });

  it("names the article as speaker when there is none", () => {
    const md = toMarkdown(makeInput([makeClaim({ id: 1, speaker: null })], { language: "en" }));
    expect(md).toContain("Speaker: the article itself");
  });

  it("keeps quote lines that look like lists or headings inside the blockquote", () => {
    const claim = makeClaim({ id: 1, quote: "1. first\n- second\n# third\n\n\n> fourth\n    code?" });
    const md = toMarkdown(makeInput([claim]));
    expect(md).toContain("> 1\\. first\n> \\- second\n> \\# third\n>\n> \\> fourth\n> code?");
  });

  it("escapes user text in every field", () => {
    const md = toMarkdown(inputWithUserText("*x* [y](javascript:z) <img> #1"));
    expect(md).toContain("# \\*x\\* \\[y\\](javascript:z) \\<img\\> \\#1\n");
    expect(md).toContain("**1. \\*x\\* \\[y\\](javascript:z) \\<img\\> \\#1**");
    expect(md).toContain("- [\\*x\\* \\[y\\](javascript:z) \\<img\\> \\#1](https://example.com/source)");
    expect(md).not.toContain("<img>");
  });

  it("links only http and https sources", () => {
    const claim = makeClaim({
      id: 1,
      sources: [webSource("javascript:alert(1)", "Click"), webSource("https://example.com/a_(b)", null)],
    });
    const md = toMarkdown(makeInput([claim], { language: "en" }));
    expect(md).toContain("- Click (javascript:alert(1))");
    expect(md).toContain("- [https://example.com/a\\_(b)](<https://example.com/a_(b)>)");
  });

  it("keeps the block structure whatever the user text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string({
            unit: fc.constantFrom(
              ..."*_[]<>`#-=|\n x".split(""),
              ...["1. ", "2) ", "- ", "+ ", "# ", "> ", "===", "&amp;"],
            ),
          }),
        ),
        fc.constantFrom("fr" as const, "en" as const),
        (text, language) => {
          const actual = toMarkdown(inputWithUserText(text, language));
          const reference = toMarkdown(inputWithUserText(plain(text), language));
          expect(actual.split("\n").map(blockKind)).toEqual(reference.split("\n").map(blockKind));
          expect(withoutEscapes(actual).match(INLINE_SYNTAX)).toEqual(
            withoutEscapes(reference).match(INLINE_SYNTAX),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
