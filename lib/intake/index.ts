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

function preview(html: string, url?: string): IntakePreview {
  const result = extractArticle(html, url);
  if (result.ok) return { ok: true, ...result.extraction };
  const failure = new IntakeError("noArticle");
  return { ok: false, code: "noArticle", message: failure.message, wholeText: result.wholeText };
}

/** Pasted HTML (from the clipboard, or as source text). */
export function previewFromHtml(html: string): IntakePreview {
  return preview(html);
}

/** An uploaded .html/.htm file, in the charset it declares. */
export function previewFromFile(bytes: Uint8Array): IntakePreview {
  return preview(decodeHtml(bytes));
}

/** A link: the page is fetched by the safe fetcher; its final address is the article's link if it names none. */
export async function previewFromUrl(url: string, options?: FetchOptions): Promise<IntakePreview> {
  const page = await fetchPage(url, options);
  const result = preview(decodeHtml(page.bytes, page.contentType), page.url);
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
