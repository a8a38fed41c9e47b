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

/** The uploaded file's name and bytes. */
export async function readUpload(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
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
  const file = form.get("file");
  if (!(file instanceof Blob)) {
    throw new AppError("invalid_input", "The upload has no field named file.", {
      fieldErrors: { file: ["file_missing"] },
      details: { reason: "file_missing" },
    });
  }
  if (file.size > MAX_DOCUMENT_BYTES) throw tooLarge();
  const name = file instanceof File ? file.name : "document";
  return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
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
