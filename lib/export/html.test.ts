import { webSource } from "@/lib/export/sources";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape";
import { toHtml } from "./html";
import { makeClaim, makeInput, newsroomClaims } from "@/test/export-fixtures";
import type { SummaryInput } from "./types";

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "'",
  );
}

/** The document without its stylesheet (the CSS has quotes of its own). */
function withoutStyle(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>");
}

const tags = (html: string) => withoutStyle(html).match(/<[^>]*>/g) ?? [];
const count = (text: string, char: string) => text.split(char).length - 1;

/** Same text with every non-whitespace character replaced by "x": same shape, no markup. */
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
      makeClaim({ id: 2, verdict: "uncommented", silentParty: text, quote: text, stage: "draft" }),
    ],
    {
      language,
      includeUnapproved: true,
      article: { title: text, outlet: text },
      organisation: { name: text, url: "https://desk.example.org" },
    },
  );
}

describe("escapeHtml", () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("never leaves a markup character and decodes back to the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decodeHtml(escaped)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("toHtml", () => {
  it("is a complete standalone HTML5 document", () => {
    const html = toHtml(makeInput(newsroomClaims(), { language: "fr" }));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain("<title>Synthèse vérifiée — Zelensky accuse la Russie</title>");
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).toMatch(/<style>[\s\S]*@page \{[^}]*margin[\s\S]*<\/style>/);
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/<script|<link|<img|src=/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("sets the lang attribute from the article language", () => {
    expect(toHtml(makeInput([], { language: "en" }))).toContain('<html lang="en">');
    expect(toHtml(makeInput([], { language: "other" }))).toContain('<html lang="en">');
  });

  it("closes every element it opens", () => {
    const html = withoutStyle(toHtml(makeInput(newsroomClaims(), { includeUnapproved: true })));
    const voids = new Set(["meta", "br", "!DOCTYPE"]);
    const stack: string[] = [];
    for (const tag of html.match(/<\/?[!a-zA-Z][^\s>]*/g) ?? []) {
      const name = tag.replace(/^<\/?/, "");
      if (voids.has(name)) continue;
      if (tag.startsWith("</")) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it("renders sections, claims, quotes and sources", () => {
    const claims = [
      makeClaim({
        id: 1,
        quote: "« Une campagne de terreur »\nsur deux lignes",
        verdictNote: "Chiffres recoupés.",
        sources: [webSource("https://example.com/a", "Source A")],
      }),
    ];
    const html = toHtml(makeInput(claims, { language: "fr" }));
    expect(html).toContain('<section class="confirmed" aria-labelledby="verdict-confirmed">');
    expect(html).toContain('<h2 id="verdict-confirmed">Confirmé <span class="n">(1)</span></h2>');
    expect(html).toContain('<article id="claim-1" data-verdict="confirmed">');
    expect(html).toContain(
      "<blockquote><p>« Une campagne de terreur »<br>\nsur deux lignes</p></blockquote>",
    );
    expect(html).toContain('<li><a href="https://example.com/a" rel="noreferrer">Source A</a></li>');
    expect(html).toContain("Chiffres recoupés.");
  });

  it("escapes script tags, attributes and quotes in user text", () => {
    const evil = `</title><script>alert("x")</script><img src=x onerror='y'>`;
    const html = toHtml(inputWithUserText(evil));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror='y'");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("onerror=&#39;y&#39;");
  });

  it("keeps URLs inside their attribute and links only http and https", () => {
    const claim = makeClaim({
      id: 1,
      sources: [
        webSource('https://example.com/a" onmouseover="alert(1)', "quoted"),
        webSource("javascript:alert(1)", "js"),
        webSource("data:text/html,<b>x</b>", null),
      ],
    });
    const html = toHtml(makeInput([claim], { article: { url: "javascript:void(0)" } }));
    expect(html).toContain('href="https://example.com/a%22%20onmouseover=%22alert(1)"');
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain("<li>js (javascript:alert(1))</li>");
    expect(html).toContain("<li>data:text/html,&lt;b&gt;x&lt;/b&gt;</li>");
    for (const tag of tags(html)) expect(count(tag, '"') % 2).toBe(0);
  });

  it("writes localised dates in English and French", () => {
    const en = toHtml(makeInput(newsroomClaims(), { language: "en" }));
    expect(en).toContain('<time datetime="2026-11-24">24 November 2026</time>');
    expect(en).toContain("Rated by Ana on 25 November 2026 · approved by Ben on 26 November 2026");
    const fr = toHtml(makeInput(newsroomClaims(), { language: "fr" }));
    expect(fr).toContain('<time datetime="2026-11-24">24 novembre 2026</time>');
    expect(fr).toContain("Évalué par Ana le 25 novembre 2026 · approuvé par Ben le 26 novembre 2026");
    expect(fr).toContain("le 1er décembre 2026.");
  });

  it("dates instants on the newsroom's calendar day whatever the hour", () => {
    const claim = makeClaim({
      id: 1,
      ratedAt: new Date("2026-11-25T23:59:59Z"),
      approvedAt: new Date("2026-11-26T00:00:00Z"),
    });
    const utc = toHtml(makeInput([claim], { language: "en", timeZone: "UTC" }));
    expect(utc).toContain("Rated by Ana on 25 November 2026 · approved by Ben on 26 November 2026");
    const paris = toHtml(makeInput([claim], { language: "en", timeZone: "Europe/Paris" }));
    expect(paris).toContain("Rated by Ana on 26 November 2026 · approved by Ben on 26 November 2026");
  });

  it("writes the uncommented sentence in both languages", () => {
    const claim = makeClaim({ id: 1, verdict: "uncommented", silentParty: "Kyiv" });
    expect(toHtml(makeInput([claim], { language: "en" }))).toContain(
      '<p class="silence">Kyiv did not comment.</p>',
    );
    expect(toHtml(makeInput([claim], { language: "fr" }))).toContain(
      '<p class="silence">Kyiv n&#39;a pas commenté.</p>',
    );
  });

  it("marks unapproved claims with an unverified badge", () => {
    const html = toHtml(makeInput(newsroomClaims(), { includeUnapproved: true, language: "en" }));
    expect(count(html, '<span class="badge">Unverified</span>')).toBe(1);
    expect(html).toMatch(
      /Drone interceptors work particularly well\. <span class="badge">Unverified<\/span>/,
    );
    expect(html).toContain("Rated by Ana on 25 November 2026 · not yet approved");
  });

  it("warns at the top when the document holds unapproved claims", () => {
    const html = toHtml(makeInput(newsroomClaims(), { includeUnapproved: true, language: "en" }));
    expect(html).toMatch(/<p class="count">[^<]*<\/p>\n<p class="notice" role="note">Working document: /);
    expect(toHtml(makeInput(newsroomClaims(), { language: "en" }))).not.toContain('class="notice"');
  });

  it("never lets user text add markup or quotes", () => {
    const markup = fc.string({
      unit: fc.constantFrom("<", ">", '"', "'", "&", "/", "=", "script", "br", " ", "\n", "a", "é"),
    });
    fc.assert(
      fc.property(
        fc.oneof(markup, fc.string({ unit: "binary" })),
        fc.constantFrom("fr" as const, "en" as const),
        (text, language) => {
          const actual = withoutStyle(toHtml(inputWithUserText(text, language)));
          const reference = withoutStyle(toHtml(inputWithUserText(plain(text), language)));
          expect(tags(actual)).toEqual(tags(reference));
          for (const char of ["<", ">", '"']) expect(count(actual, char)).toBe(count(reference, char));
        },
      ),
      { numRuns: 300 },
    );
  });
});
