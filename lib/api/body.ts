import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http";

/** Largest request body the API reads. The article body's own limit (200,000 characters) is a domain rule. */
export const MAX_BODY_BYTES = 1_000_000;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function tooLarge(): AppError {
  return new AppError("too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
    details: { reason: "body_too_large", max: MAX_BODY_BYTES },
  });
}

/** The JSON body of a request, or undefined when there is none. Non-JSON is 415, broken JSON 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBodyLimited(request, MAX_BODY_BYTES, tooLarge);
  if (bytes.byteLength === 0) return undefined;
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
      { details: { reason: "body_not_json_type" } },
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The body is not valid UTF-8.", {
      details: { reason: "body_not_utf8" },
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = (error as Error).message;
    throw new AppError("invalid_input", `The body is not valid JSON: ${problem}`, {
      details: { reason: "body_not_json", error: problem },
    });
  }
}
