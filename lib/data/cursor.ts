import "server-only";
import { AppError } from "@/lib/errors";

/** An opaque page cursor: the sort key of the last item sent, as base64url JSON. */
export function encodeCursor(key: number[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The sort key inside a cursor; anything else is invalid input, never a 500. */
export function decodeCursor(cursor: string, length: number): number[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === length && key.every((n) => Number.isSafeInteger(n))) {
      return key as number[];
    }
  } catch {
    // fall through to the refusal
  }
  throw new AppError("invalid_input", "This cursor is not one the API gave out.", {
    fieldErrors: { cursor: ["invalidCursor"] },
    details: { reason: "cursor_invalid" },
  });
}
