// Intake: what arrives as HTML (a link, an uploaded page, a paste) becomes an article's text and
// details for the editor to check before saving. Server-only: the DOM and the fetcher live here.
import "server-only";
import { AppError } from "@/lib/errors";
import { decodeHtml } from "./charset";
import { IntakeError } from "./errors";
import { extractArticle, type Extraction } from "./extract";
import { fetchPage, type FetchOptions } from "./fetch";

export type { Extraction } from "./extract";
export { IntakeError } from "./errors";

export type IntakePreview =
  ({ ok: true } & Extraction) | { ok: false; code: "noArticle"; message: string; wholeText: string };

function extractPreview(html: string, url?: string): IntakePreview {
  const result = extractArticle(html, url);
  if (result.ok) return { ok: true, ...result.extraction };
  const failure = new IntakeError("noArticle");
  return { ok: false, code: "noArticle", message: failure.message, wholeText: result.wholeText };
}

/** Pasted HTML (from the clipboard, or as source text). */
export function previewFromHtml(html: string): IntakePreview {
  return extractPreview(html);
}

/** An uploaded .html/.htm file, in the charset it declares. */
export function previewFromFile(bytes: Uint8Array): IntakePreview {
  return extractPreview(decodeHtml(bytes));
}

/** A link: the page is fetched by the safe fetcher; its final address is the article's link if it names none. */
export async function previewFromUrl(url: string, options?: FetchOptions): Promise<IntakePreview> {
  const page = await fetchPage(url, options);
  const result = extractPreview(decodeHtml(page.bytes, page.contentType), page.url);
  if (result.ok && !result.details.url) result.details.url = page.url;
  return result;
}

/** A fetch that failed, as the app's errors say it: the reason is a message key for the link field. */
export function intakeFailure(error: unknown, field = "url"): never {
  if (error instanceof IntakeError)
    throw new AppError("invalid_input", error.message, { fieldErrors: { [field]: [error.code] } });
  throw error;
}

/** What an editor sends to preview: a link, or HTML. */
export async function previewIntake(
  input: { source: "url"; url: string } | { source: "html"; html: string },
): Promise<IntakePreview> {
  if (input.source === "html") return previewFromHtml(input.html);
  try {
    return await previewFromUrl(input.url);
  } catch (error) {
    intakeFailure(error);
  }
}

type ArticleRequest = {
  title: string;
  outlet: string;
  url: string;
  language: "" | "fr" | "en" | "other";
  publishedAt: string;
  authors?: string;
  body?: string;
  bodyFormat: "text" | "html";
  html?: string;
};

export type ExtractionSummary = Extraction["details"] & {
  source: "html" | "url";
  fetchedUrl: string | null;
  languageSource: Extraction["languageSource"];
};

/**
 * An article to store from an API request: its body as sent, or the article extracted from `html`
 * or from the page at `url`; fields sent in the request win over what the page says.
 */
export async function articleFromRequest(
  request: ArticleRequest,
  options?: FetchOptions,
): Promise<{ input: ArticleRequest & { body: string }; extraction?: ExtractionSummary }> {
  if (request.body !== undefined) return { input: { ...request, body: request.body } };
  const source = request.html !== undefined ? "html" : "url";
  let preview: IntakePreview;
  let fetchedUrl: string | null = null;
  if (request.html !== undefined) preview = previewFromHtml(request.html);
  else {
    try {
      const page = await fetchPage(request.url, options);
      fetchedUrl = page.url;
      preview = extractPreview(decodeHtml(page.bytes, page.contentType), page.url);
    } catch (error) {
      intakeFailure(error);
    }
  }
  if (!preview.ok) intakeFailure(new IntakeError("noArticle"), source);
  const { details } = preview;
  const pick = (sent: string, found: string | null) => (sent.trim() ? sent : (found ?? ""));
  return {
    input: {
      ...request,
      title: pick(request.title, details.title?.replace(/\u00a0/g, " ").slice(0, 300) ?? null),
      outlet: pick(request.outlet, details.outlet?.slice(0, 200) ?? null),
      url: pick(request.url, details.url ?? fetchedUrl),
      language: request.language || details.language,
      publishedAt: pick(request.publishedAt, details.publishedAt),
      authors: pick(request.authors ?? "", details.authors.join(", ").slice(0, 500) || null),
      body: preview.text,
      bodyFormat: "text",
    },
    extraction: { ...details, source, fetchedUrl, languageSource: preview.languageSource },
  };
}
