// The article's details as the page states them: its metadata (Open Graph, JSON-LD, <meta>, <link>)
// and, failing those, its visible headline and dates.
import type { Language } from "@/lib/review/model";

export type ArticleDetails = {
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** YYYY-MM-DD, the date as the publisher wrote it (its own time zone). */
  publishedAt: string | null;
  authors: string[];
  /** From the page's declaration; null when it declares none (the caller detects it from the text). */
  language: Language | null;
};

type JsonObject = Record<string, unknown>;

const clean = (value: string | null | undefined): string | null => {
  const text = value?.replace(/[\s\u00a0]+/g, " ").trim();
  return text ? text : null;
};

/** A <meta> by property or name; some sites (Le Monde) put the value in `value` rather than `content`. */
function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attribute of ["property", "name", "itemprop"]) {
      const element = document.querySelector(`meta[${attribute}="${key}" i]`);
      const value = clean(element?.getAttribute("content") ?? element?.getAttribute("value"));
      if (value) return value;
    }
  }
  return null;
}

function jsonLdObjects(document: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const object = value as JsonObject;
    found.push(object);
    if (object["@graph"]) visit(object["@graph"], depth + 1);
    if (object.mainEntity) visit(object.mainEntity, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A broken block (some CMSs escape it twice) says nothing.
    }
  }
  return found;
}

const types = (object: JsonObject): string[] => {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
};

const isArticle = (object: JsonObject) =>
  types(object).some((t) => /Article$|^BlogPosting$|^Report$/.test(t));

const nameOf = (value: unknown): string | null => {
  if (typeof value === "string") return clean(value);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const name = (value as JsonObject).name;
    return typeof name === "string" ? clean(name) : null;
  }
  return null;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);

/** The date as written, or the UTC date of a parsable timestamp. */
export function dateOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (written) {
    const [, y, m, d] = written;
    const month = Number(m);
    const day = Number(d);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${y}-${m}-${d}`;
    return null;
  }
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** "en-GB", "fr_FR", "fr" -> the desk's languages. */
export function languageOf(value: string | null | undefined): Language | null {
  const code = value?.trim().toLowerCase().slice(0, 2);
  if (!code || !/^[a-z]{2}$/.test(code)) return null;
  if (code === "fr") return "fr";
  if (code === "en") return "en";
  return "other";
}

function absoluteUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** "Le Monde.fr" -> "Le Monde": an outlet named by its domain keeps its name. */
function outletName(value: string | null): string | null {
  const name = clean(value);
  if (!name) return null;
  const stripped = name.replace(/\.(fr|com|net|org|co\.uk|be|ch|de|es|it|cz|info)$/i, "").trim();
  return stripped || name;
}

const SEPARATOR = /\s+[|\-–—·:»]\s+/;

/** "Headline - BBC News" -> "Headline": drops the site's name after the last separator. */
export function withoutSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!.trim().toLowerCase();
  const site = outlet?.toLowerCase();
  const looksLikeSite =
    (site !== undefined && (last === site || site.includes(last) || last.includes(site))) ||
    /\.(com|fr|co\.uk|org|net)$/.test(last);
  if (!looksLikeSite) return title;
  const match = [...title.matchAll(new RegExp(SEPARATOR.source, "g"))].pop();
  return match ? title.slice(0, match.index).trim() : title;
}

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.toLowerCase().replace(/\W+/g, "") === b.toLowerCase().replace(/\W+/g, "");

export function pageDetails(document: Document, pageUrl?: string): ArticleDetails {
  const ld = jsonLdObjects(document);
  const article = ld.find(isArticle);
  const organisation = ld.find((o) => types(o).some((t) => /Organization$/.test(t)));

  const outlet = outletName(
    meta(document, "og:site_name") ??
      nameOf(article?.publisher) ??
      nameOf(organisation) ??
      meta(document, "application-name"),
  );

  const ogTitle = meta(document, "og:title", "twitter:title");
  const ldTitle = typeof article?.headline === "string" ? clean(article.headline) : null;
  const h1 = clean(document.querySelector("article h1, main h1, h1")?.textContent);
  const documentTitle = clean(document.title) ? withoutSiteSuffix(clean(document.title)!, outlet) : null;
  // The headline the reader sees (h1), when the document's own title says the same, outranks the
  // shorter social-media headline that some sites give Open Graph.
  const title =
    h1 && same(h1, documentTitle)
      ? h1
      : ((ogTitle && withoutSiteSuffix(ogTitle, outlet)) ?? ldTitle ?? h1 ?? documentTitle);

  const canonical =
    document.querySelector('link[rel~="canonical" i]')?.getAttribute("href") ?? meta(document, "og:url");
  const url = absoluteUrl(clean(canonical), pageUrl) ?? absoluteUrl(pageUrl ?? null, undefined);

  const publishedAt =
    dateOf(meta(document, "article:published_time", "og:article:published_time", "datePublished")) ??
    dateOf(typeof article?.datePublished === "string" ? article.datePublished : null) ??
    dateOf(document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime")) ??
    dateOf(meta(document, "date", "dc.date", "DC.date.issued", "pubdate"));

  const authors = new Set<string>();
  for (const person of list(article?.author)) {
    const personTypes = person && typeof person === "object" ? types(person as JsonObject) : [];
    if (personTypes.some((t) => /Organization$/.test(t))) continue;
    const name = nameOf(person);
    if (name) authors.add(name);
  }
  if (authors.size === 0) {
    const named = meta(document, "author", "og:article:author", "article:author", "byl", "dc.creator");
    if (named && !/^https?:/i.test(named))
      for (const name of named.replace(/^(by|par)\s+/i, "").split(/\s*(?:,|;|\band\b|\bet\b)\s*/))
        if (clean(name)) authors.add(clean(name)!);
  }

  const language =
    languageOf(document.documentElement.getAttribute("lang")) ??
    languageOf(meta(document, "og:locale", "content-language", "language")) ??
    languageOf(typeof article?.inLanguage === "string" ? article.inLanguage : null);

  return { title, outlet, url, publishedAt, authors: [...authors], language };
}
