// What a document is, read from its bytes (file-type, plus a check for plain text, which has no
// signature), and whether its name agrees. Only the kinds a desk receives as evidence are kept:
// PDF, images, text and CSV, office documents. Everything else is refused, as is a file whose
// content does not match its extension (a .pdf that is a PNG, an .exe renamed .docx).
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";

type Kind = { mediaType: string; extensions: readonly string[] };

/** Detected by file-type: its MIME type → the extensions a file of that content may have. */
const DETECTED: Record<string, Kind> = {
  "application/pdf": { mediaType: "application/pdf", extensions: ["pdf"] },
  "image/png": { mediaType: "image/png", extensions: ["png"] },
  "image/jpeg": { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  "image/gif": { mediaType: "image/gif", extensions: ["gif"] },
  "image/webp": { mediaType: "image/webp", extensions: ["webp"] },
  "image/tiff": { mediaType: "image/tiff", extensions: ["tif", "tiff"] },
  "image/heic": { mediaType: "image/heic", extensions: ["heic"] },
  "application/rtf": { mediaType: "application/rtf", extensions: ["rtf"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  "application/vnd.oasis.opendocument.text": {
    mediaType: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
  },
  "application/vnd.oasis.opendocument.spreadsheet": {
    mediaType: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: ["ods"],
  },
  "application/vnd.oasis.opendocument.presentation": {
    mediaType: "application/vnd.oasis.opendocument.presentation",
    extensions: ["odp"],
  },
};

/** Old office formats share one container (Compound File Binary): the extension says which. */
const CFB: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

/** Plain text has no signature: these extensions, when the bytes are UTF-8 text. */
const TEXT: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  text: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
};

export const ACCEPTED_EXTENSIONS = [
  ...new Set([
    ...Object.values(DETECTED).flatMap((k) => k.extensions),
    ...Object.keys(CFB),
    ...Object.keys(TEXT),
  ]),
].sort();

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** UTF-8 (a BOM allowed) without NUL or other control characters than tab, line ends and form feed. */
export function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

function refuse(reason: "file_empty" | "file_type_unknown" | "file_type_mismatch", extra = {}): never {
  const messages = {
    file_empty: "The file is empty.",
    file_type_unknown: "The desk does not keep this kind of file.",
    file_type_mismatch: "The file's content does not match its extension.",
  };
  throw new AppError(reason === "file_empty" ? "invalid_input" : "unsupported_media_type", messages[reason], {
    fieldErrors: { file: [reason] },
    details: { reason, ...extra },
  });
}

/** The media type of a document, from its content; throws a 4xx AppError when the desk refuses it. */
export async function detectDocument(bytes: Uint8Array, name: string): Promise<{ mediaType: string }> {
  if (bytes.byteLength === 0) refuse("file_empty");
  const extension = extensionOf(name);
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    if (found.mime === "application/x-cfb") {
      const mediaType = CFB[extension];
      if (mediaType) return { mediaType };
      refuse(ACCEPTED_EXTENSIONS.includes(extension) ? "file_type_mismatch" : "file_type_unknown");
    }
    const kind = DETECTED[found.mime];
    if (!kind)
      refuse(ACCEPTED_EXTENSIONS.includes(extension) ? "file_type_mismatch" : "file_type_unknown", {
        detected: found.ext,
      });
    if (!kind.extensions.includes(extension))
      refuse("file_type_mismatch", { detected: found.ext, extension: extension || "-" });
    return { mediaType: kind.mediaType };
  }
  if (looksLikeText(bytes)) {
    const mediaType = TEXT[extension];
    if (mediaType) return { mediaType };
    if (ACCEPTED_EXTENSIONS.includes(extension)) refuse("file_type_mismatch", { detected: "txt", extension });
    refuse("file_type_unknown");
  }
  if (ACCEPTED_EXTENSIONS.includes(extension)) refuse("file_type_mismatch", { detected: "-", extension });
  refuse("file_type_unknown");
}
