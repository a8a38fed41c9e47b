// The SHA-256 of a text's UTF-8 bytes, in hex: the content hash of a published version (issue 16).
import { createHash } from "node:crypto";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
