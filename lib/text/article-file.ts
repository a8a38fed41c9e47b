// Uploaded article files: which ones we take, and how their bytes become text. Runs in the browser
// (the new-article form) and in tests; the server normalises and checks the body again.
import { normaliseBody } from "./normalise";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const KINDS: Record<string, "text" | "html"> = {
  txt: "text",
  text: "text",
  md: "text",
  markdown: "text",
  html: "html",
  htm: "html",
};

export const ACCEPTED_FILE_TYPES = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

export type FileCheck =
  { ok: true; kind: "text" | "html" } | { ok: false; error: "fileType" | "fileTooLarge" };

/** By extension, not MIME type: browsers report .md as "" or "application/octet-stream". */
export function checkArticleFile(file: { name: string; size: number }): FileCheck {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const kind = KINDS[extension];
  if (!kind) return { ok: false, error: "fileType" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: "fileTooLarge" };
  return { ok: true, kind };
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252, the usual other newsroom encoding. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * The body text of an uploaded file, normalised as it will be stored. The HTML converter (and its
 * parser) loads only for an HTML file, so that it stays out of the form's first load.
 */
export async function articleFileText(bytes: Uint8Array, kind: "text" | "html"): Promise<string> {
  const text = decodeText(bytes);
  if (kind === "text") return normaliseBody(text);
  const { htmlToText } = await import("./html");
  return normaliseBody(htmlToText(text));
}
