// toHtml: the verified summary as a standalone HTML5 document for download and print.
// Every user string goes through escapeHtml; only http(s) URLs become links. The document loads
// nothing and its Content-Security-Policy forbids scripts, as a second line of defence.
import type { Verdict } from "@/lib/review/model";
import { formatLongDate, formatLongDay, isoDate, isoDateTime, parseIsoDate } from "./dates";
import { escapeHtml, httpUrl } from "./escape";
import { labelsFor, type Labels } from "./labels";
import { sourceLine } from "./sources";
import { buildSummary } from "./summary";
import { textLines, trimText } from "./text";
import type { SummaryInput, SummaryItem, SummarySource } from "./types";

const STYLESHEET = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --paper: #fff;
  --confirmed: #1a7f37; --disputed: #b42318; --uncommented: #9a6700; --unrated: #6e7781; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 16px/1.6 Georgia, "Iowan Old Style", "Times New Roman", serif; }
main { max-width: 44rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
h1, h2, h3, .eyebrow, .meta, .count, .notice, .label, .badge, .signoff, footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.eyebrow { margin: 0 0 .25rem; font-size: .8rem; font-weight: 600; letter-spacing: .06em;
  text-transform: uppercase; color: var(--muted); }
h1 { margin: 0 0 .5rem; font-size: 1.9rem; line-height: 1.25; }
.meta { margin: 0 0 1rem; color: var(--muted); font-size: .9rem; }
.count { margin: 0 0 2rem; padding: .75rem 1rem; border: 1px solid var(--rule); border-radius: 6px; font-size: .95rem; }
.notice { margin: -1.25rem 0 2rem; padding: .75rem 1rem; border: 1px solid var(--disputed); border-radius: 6px;
  color: var(--disputed); font-size: .95rem; font-weight: 600; }
h2 { margin: 2.5rem 0 1rem; padding-bottom: .35rem; border-bottom: 2px solid var(--accent, var(--rule));
  font-size: 1.2rem; }
h2 .n { color: var(--muted); font-weight: 400; }
section.confirmed { --accent: var(--confirmed); }
section.disputed { --accent: var(--disputed); }
section.uncommented { --accent: var(--uncommented); }
section.unrated { --accent: var(--unrated); }
article { margin: 0 0 1.75rem; padding-left: 1rem; border-left: 3px solid var(--accent, var(--rule)); }
h3 { margin: 0 0 .4rem; font-size: 1.05rem; line-height: 1.4; }
h3 .num { color: var(--muted); font-weight: 400; }
.badge { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border: 1px solid var(--disputed);
  border-radius: 999px; color: var(--disputed); font-size: .72rem; font-weight: 600; vertical-align: .15em; }
article p { margin: .35rem 0; }
.label { color: var(--muted); font-size: .85rem; }
blockquote { margin: .6rem 0; padding: .1rem 0 .1rem .9rem; border-left: 2px solid var(--rule);
  color: #3d444d; font-style: italic; }
.silence { font-weight: 600; }
.sources ul { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
.sources li { overflow-wrap: anywhere; }
.signoff { color: var(--muted); font-size: .8rem; }
a { color: #0b5cad; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .8rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .sources a[href]::after { content: " (" attr(href) ")"; color: var(--muted); font-size: 8.5pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  article, blockquote { break-inside: avoid; page-break-inside: avoid; }
  .count { border-color: #999; }
  .notice { border-width: 2px; }
}
`;

const e = escapeHtml;

/** Multi-line user text: escaped, line breaks kept as <br>. */
function lines(text: string): string {
  return textLines(text).map(e).join("<br>\n");
}

function anchor(text: string, href: string): string {
  return `<a href="${e(href)}" rel="noreferrer">${e(text)}</a>`;
}

function source(item: SummarySource, labels: Labels): string {
  const line = sourceLine(item, labels.lang);
  const text = line.href === null ? e(line.text) : anchor(line.text, line.href);
  return line.detail ? `${text} <span class="detail">(${e(line.detail)})</span>` : text;
}

function label(labels: Labels, text: string): string {
  return `<span class="label">${e(text)}${e(labels.colon)}</span>`;
}

function claimArticle(item: SummaryItem, labels: Labels): string {
  const out: string[] = [];
  const badge = item.unverified ? ` <span class="badge">${e(labels.unverified)}</span>` : "";
  out.push(
    `<article id="claim-${item.id}" data-verdict="${item.verdict}">`,
    `<h3><span class="num">${item.number}.</span> ${e(item.statement)}${badge}</h3>`,
    `<p class="speaker">${label(labels, labels.speaker)}${e(item.speaker ?? labels.noSpeaker)}</p>`,
  );
  if (trimText(item.quote) !== "") out.push(`<blockquote><p>${lines(item.quote)}</p></blockquote>`);
  if (item.silenceSentence) out.push(`<p class="silence">${e(item.silenceSentence)}</p>`);
  if (item.verdictNote)
    out.push(`<p class="note">${label(labels, labels.note)}${lines(item.verdictNote)}</p>`);
  if (item.sources.length > 0) {
    out.push(
      `<div class="sources">${label(labels, labels.sources)}<ul>`,
      ...item.sources.map((s) => `<li>${source(s, labels)}</li>`),
      `</ul></div>`,
    );
  }
  const signoff = labels.signoff(
    item.ratedBy || item.ratedAt
      ? { name: item.ratedBy, date: formatLongDay(item.ratedOn, labels.locale) }
      : null,
    item.approvedBy || item.approvedAt
      ? { name: item.approvedBy, date: formatLongDay(item.approvedOn, labels.locale) }
      : null,
    item.unverified,
  );
  if (signoff) out.push(`<p class="signoff">${e(signoff)}</p>`);
  out.push(`</article>`);
  return out.join("\n");
}

function section(verdict: Verdict, heading: string, items: SummaryItem[], labels: Labels): string {
  return [
    `<section class="${verdict}" aria-labelledby="verdict-${verdict}">`,
    `<h2 id="verdict-${verdict}">${e(heading)} <span class="n">(${items.length})</span></h2>`,
    ...items.map((item) => claimArticle(item, labels)),
    `</section>`,
  ].join("\n");
}

export function toHtml(input: SummaryInput): string {
  const summary = buildSummary(input);
  const labels = labelsFor(summary.language);
  const { article } = summary;

  const meta: string[] = [];
  if (article.outlet) meta.push(e(article.outlet));
  const publishedDate = parseIsoDate(article.publishedAt);
  const published = formatLongDate(publishedDate, labels.locale);
  if (published) meta.push(`<time datetime="${isoDate(publishedDate)}">${e(published)}</time>`);
  else if (article.publishedAt) meta.push(e(article.publishedAt));
  const articleHref = httpUrl(article.url);
  if (articleHref) meta.push(anchor(articleHref, articleHref));
  else if (article.url) meta.push(e(article.url));

  const generatedOn = formatLongDay(summary.generatedOn, labels.locale);
  const marker = "\u0000";
  const [before = "", after = ""] = labels.generated(marker, generatedOn).split(marker);
  const orgHref = httpUrl(summary.organisation.url);
  const organisation = orgHref ? anchor(summary.organisation.name, orgHref) : e(summary.organisation.name);
  const generatedAt = isoDateTime(summary.generatedAt);

  const body: string[] = [
    `<header>`,
    `<p class="eyebrow">${e(labels.verifiedSummary)}</p>`,
    `<h1>${e(article.title)}</h1>`,
    meta.length > 0 ? `<p class="meta">${meta.join(" · ")}</p>` : "",
    `<p class="count">${e(summary.countLine)}</p>`,
    summary.counts.unverified > 0 ? `<p class="notice" role="note">${e(labels.unverifiedNotice)}</p>` : "",
    `</header>`,
    ...summary.groups
      .filter((group) => group.claims.length > 0)
      .map((group) => section(group.verdict, group.heading, group.claims, labels)),
    summary.corrections.length > 0
      ? [
          `<section class="corrections" aria-labelledby="corrections">`,
          `<h2 id="corrections">${e(labels.corrections)}</h2>`,
          ...summary.corrections.map(
            (c) =>
              `<p class="correction" data-claim="${c.claimId}"><strong><time datetime="${e(c.on)}">${e(c.heading)}</time>${e(labels.colon.trimEnd())}</strong> ${lines(c.note)}</p>`,
          ),
          `</section>`,
        ].join("\n")
      : "",
    `<footer><p>${e(before)}${organisation}${e(after)}</p></footer>`,
  ];

  return [
    `<!DOCTYPE html>`,
    `<html lang="${labels.lang}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="referrer" content="no-referrer">`,
    `<meta name="generator" content="the claim desk">`,
    generatedAt ? `<meta name="date" content="${generatedAt}">` : "",
    `<title>${e(`${labels.verifiedSummary} — ${article.title}`)}</title>`,
    `<style>${STYLESHEET}</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    ...body,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ]
    .filter((line, i, all) => line !== "" || i === all.length - 1)
    .join("\n");
}
