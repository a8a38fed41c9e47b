// An article out of a web page: Mozilla's Readability finds the article on a server-side DOM
// (jsdom, which parses the page and never runs it), after the page's furniture that Readability
// would keep (visually hidden text, captions, "read also" boxes) is taken out.
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import type { Language } from "@/lib/review/model";
import { detectLanguage } from "@/lib/text/language";
import { normaliseBody } from "@/lib/text/normalise";
import { pageDetails, type ArticleDetails } from "./details";
import { blockParagraphs, textBlocks, type Block } from "./dom-text";

export type Extraction = {
  /** The article as stored plain text: headline, standfirst, sub-headings and paragraphs. */
  text: string;
  /** Every word of the page, for when the extraction got it wrong. */
  wholeText: string;
  details: Omit<ArticleDetails, "language"> & { language: Language };
  /** Where the language came from: the page's declaration, or detection from the text. */
  languageSource: "page" | "detected";
};

export type ExtractionResult = { ok: true; extraction: Extraction } | { ok: false; wholeText: string };

/** Below this, what Readability found is a teaser, a paywall or a script-only shell, not an article. */
const MIN_ARTICLE_CHARACTERS = 250;

export function parseHtml(html: string, url?: string): Document {
  // No scripts run, no resources load: jsdom's defaults, spelled out.
  const dom = new JSDOM(html, {
    url: url && /^https?:/i.test(url) ? url : undefined,
    runScripts: undefined,
    resources: undefined,
  });
  return dom.window.document;
}

const REMOVED_TAGS =
  "script, style, noscript, template, svg, iframe, object, embed, canvas, video, audio, button, select, input, textarea, dialog";

// Visually hidden text ("opens new tab", "Image copyright"): screen-reader helpers and CSS clipping.
// Screen-reader helpers are named so anywhere in a class; "hidden" alone only as a whole class
// (Bootstrap's "hidden-xs" hides on small screens only).
const HIDDEN_CLASS =
  /sr-only|visually-?hidden|visuallyhidden|screen-?reader|off-?screen|a11y-hidden|element-invisible/i;
const HIDDEN_TOKEN = /^(hidden|is-hidden|u-hidden|invisible)$/i;

function isHiddenClass(value: string): boolean {
  return value.split(/\s+/).some((name) => HIDDEN_CLASS.test(name) || HIDDEN_TOKEN.test(name));
}

const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0[\s,]+0[\s,]+0[\s,]+0|clip-path\s*:\s*inset\(\s*50%/i;

// Furniture by name: captions and credits of pictures, related links, sharing, newsletters, ads,
// cookie and consent banners, paywall and account prompts, comments. Unambiguous words match
// anywhere in a class or id; short or common ones only as a whole part of it ("share-bar",
// "article_comments", not "commentary" or "shareholders").
const FURNITURE_ANYWHERE =
  /caption|copyright|img-metadata|catcher|read-?more|also-?read|lire-aussi|newsletter|cookie|consent|gdpr|advert|outbrain|taboola|paywall|multi-?device|breadcrumb|tags-list|sign-?off|capping|popin|infographic/i;
const FURNITURE_PART =
  /(^|[-_])(credits?|related|share|sharing|social|ads?|ad-?slot|promo|subscribe|subscription|comments?|byline|author|authors|signature|overlay|modal|popup)([-_]|$)/i;

function isFurniture(names: string): boolean {
  if (/article-?body|story-?body|content/i.test(names)) return false;
  return names
    .split(/\s+/)
    .some((name) => name !== "" && (FURNITURE_ANYWHERE.test(name) || FURNITURE_PART.test(name)));
}

// Infographics drawn as text (the BBC's): their figures are not sentences of the article.
const GRAPHICS = ".idt2, [data-idt-uuid], [data-graphicuuid], [data-graphictext]";

const RELATED_LEAD =
  /^\s*(à lire aussi|a lire aussi|lire aussi|lire également|voir aussi|à voir aussi|read more|read also|related|see also|more on this|watch)\b/i;

function linkDensity(element: Element): number {
  const total = element.textContent?.trim().length ?? 0;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of element.querySelectorAll("a")) linked += a.textContent?.trim().length ?? 0;
  return linked / total;
}

/** What no reader sees: code, styles, hidden and screen-reader-only text. */
function removeHidden(document: Document): void {
  for (const element of document.querySelectorAll(REMOVED_TAGS)) element.remove();
  for (const element of document.querySelectorAll(
    "[hidden], [aria-hidden='true' i], [role='dialog'], [aria-modal='true']",
  ))
    element.remove();
  for (const element of document.querySelectorAll("[style]")) {
    if (HIDDEN_STYLE.test(element.getAttribute("style") ?? "")) element.remove();
  }
  for (const element of document.querySelectorAll("[class]")) {
    if (element.tagName === "BODY" || element.tagName === "HTML") continue;
    if (element.isConnected && isHiddenClass(element.getAttribute("class") ?? "")) element.remove();
  }
}

/** What readers see around the article: captions, navigation, related links, banners. */
function removeFurniture(document: Document): void {
  for (const element of document.querySelectorAll(
    "figure, figcaption, nav, footer, aside, [role='navigation'], [role='contentinfo'], [role='complementary']",
  ))
    element.remove();
  for (const element of document.querySelectorAll(GRAPHICS)) element.remove();
  for (const element of document.querySelectorAll("[class], [id]")) {
    if (!element.isConnected || element.tagName === "BODY" || element.tagName === "HTML") continue;
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (isFurniture(names)) element.remove();
  }
  for (const element of document.querySelectorAll("p, div, li, section")) {
    if (!element.isConnected) continue;
    const text = element.textContent ?? "";
    if (text.length < 300 && RELATED_LEAD.test(text) && linkDensity(element) > 0.4) element.remove();
  }
}

const collapse = (text: string) => text.replace(/[ \t\n\r\f]+/g, " ").trim();

/**
 * A short paragraph that is nothing but a link ("Read more …") is not the article's; nor, at the
 * end of the article, one that is mostly a link (the outlet's "Our Standards: …" line).
 */
function withoutLinkParagraphs(blocks: Block[]): string[] {
  const kept = blocks.filter((block) => block.text.length >= 200 || block.linkDensity < 0.9);
  while (kept.length > 1) {
    const last = kept[kept.length - 1]!;
    if (last.text.length >= 200 || last.linkDensity < 0.5) break;
    kept.pop();
  }
  return kept.map((block) => block.text);
}

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Extracts the article from a page's HTML, with its details; `url` is where the page came from. */
export function extractArticle(html: string, url?: string): ExtractionResult {
  const document = parseHtml(html, url);
  const details = pageDetails(document, url);
  const headline = collapse(document.querySelector("article h1, main h1, h1")?.textContent ?? "");

  removeHidden(document);
  const wholeText = normaliseBody(document.body ? blockParagraphs(document.body).join("\n") : "");

  removeFurniture(document);
  const article = new Readability<Node>(document, {
    serializer: (node) => node,
    keepClasses: true,
    charThreshold: 300,
  }).parse();
  const paragraphs = article?.content ? withoutLinkParagraphs(textBlocks(article.content)) : [];
  const title = details.title ?? (article?.title ? article.title.trim() : null);
  // Readability leaves the headline out of the content; the stored text starts with it, as the
  // page writes it (its own spaces, non-breaking ones included).
  if (title && (paragraphs.length === 0 || comparable(paragraphs[0]!) !== comparable(title)))
    paragraphs.unshift(headline && comparable(headline) === comparable(title) ? headline : title);
  const text = normaliseBody(paragraphs.join("\n"));

  const articleChars = text.length - (title?.length ?? 0);
  if (!article || articleChars < MIN_ARTICLE_CHARACTERS) return { ok: false, wholeText };

  const declared = details.language;
  return {
    ok: true,
    extraction: {
      text,
      wholeText,
      details: {
        ...details,
        title,
        outlet: details.outlet ?? (article.siteName?.trim() || null),
        authors: details.authors.length > 0 ? details.authors : bylineAuthors(article.byline),
        language: declared ?? detectLanguage(text),
      },
      languageSource: declared ? "page" : "detected",
    },
  };
}

function bylineAuthors(byline: string | null | undefined): string[] {
  const text = byline
    ?.replace(/\s+/g, " ")
    .replace(/^(auteur|author|by|par)\s*:?\s*/i, "")
    .trim();
  if (!text || text.length > 120) return [];
  return text
    .split(/\s*(?:,|;|\band\b|\bet\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}
