// Reading an upload (multipart/form-data with one `file` field) without buffering more than the
// limit allows: a declared Content-Length over it is refused before any byte is read, and the body
// is counted as it streams and the read stopped as soon as it passes the limit.
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http";
import { MAX_DOCUMENT_BYTES } from "./model";

/** Room for the multipart envelope (boundaries, headers) around the file itself. */
const ENVELOPE = 64 * 1024;
export const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES + ENVELOPE;

function tooLarge(): AppError {
  return new AppError("too_large", `The file is larger than ${MAX_DOCUMENT_BYTES} bytes.`, {
    fieldErrors: { file: ["file_too_large"] },
    details: { reason: "file_too_large", max: MAX_DOCUMENT_BYTES },
  });
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "");
}

/**
 * A multipart body read within the limit: its text fields, and the file of the field `file` when
 * there is one (refused over 20 MB). Nothing is written anywhere.
 */
export async function readMultipart(
  request: Request,
): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (!isMultipart(request)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the file as multipart/form-data, in a field named file.",
      {
        details: { reason: "multipart_required" },
      },
    );
  }
  const body = await readBodyLimited(request, MAX_UPLOAD_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "The multipart body could not be read.", {
      fieldErrors: { file: ["file_missing"] },
      details: { reason: "multipart_broken" },
    });
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      fields[key] = value;
    } else if (key === "file" && !(value.size === 0 && value.name === "")) {
      // A form's file input left empty sends a nameless empty part: no file. A named empty one is refused later.
      if (value.size > MAX_DOCUMENT_BYTES) throw tooLarge();
      file = { name: value.name || "document", bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return { fields, file };
}

/** The uploaded file's name and bytes. */
export async function readUpload(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const { file } = await readMultipart(request);
  if (!file) {
    throw new AppError("invalid_input", "The upload has no field named file.", {
      fieldErrors: { file: ["file_missing"] },
      details: { reason: "file_missing" },
    });
  }
  return file;
}

/** Headers of a kept file's download: always an attachment, never rendered by the browser. */
export function downloadHeaders(file: { name: string; mediaType: string; size: number; sha256: string }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "Content-Type": file.mediaType.startsWith("text/html") ? "application/octet-stream" : file.mediaType,
    "Content-Length": String(file.size),
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
  };
}
