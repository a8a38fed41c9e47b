// What every route handler of the app (the API's and the signed-in ones) shares: the context Next
// passes, the query string as an object, and the answer to the HTTP methods a route does not
// implement.
import { AppError } from "@/lib/errors";

export type RouteParams = Record<string, string | string[] | undefined>;
/** What Next passes to a route handler; params are a Promise since Next 15. */
export type RouteContext = { params: Promise<RouteParams> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** Query string → object: the first value of each key; empty values count as absent. */
export function queryObject(request: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (value !== "" && !(key in result)) result[key] = value;
  }
  return result;
}

export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** The methods a route answers: HEAD comes with GET (Next answers it from GET), OPTIONS with all. */
export function allowedMethods(implemented: readonly RouteMethod[]): string[] {
  const allowed = new Set<string>(implemented);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...ROUTE_METHODS.filter((m) => allowed.has(m)), "OPTIONS"];
}

export function methodNotAllowed(request: Request, implemented: readonly RouteMethod[]): AppError {
  const allow = allowedMethods(implemented);
  return new AppError(
    "method_not_allowed",
    `${request.method} is not allowed here; use ${allow.join(", ")}.`,
    { details: { reason: "method_not_allowed", method: request.method, allow, allowed: allow.join(", ") } },
  );
}

/**
 * Marks the handlers that only say which methods a route has (the 405s and OPTIONS): they read and
 * write nothing, the same for everyone, so the authorization matrix leaves them to their own test.
 */
export const METHOD_ANSWER = Symbol.for("claim-desk.method-answer");

export function isMethodAnswer(handler: unknown): boolean {
  return typeof handler === "function" && METHOD_ANSWER in handler;
}

/**
 * A request's body, reading at most `maxBytes` whatever Content-Length claims (it may be absent or
 * wrong): a declared length over it is refused before any byte is read, and the stream is counted
 * as it arrives and stopped as soon as it passes the limit. `tooLarge` is the refusal.
 */
export async function readBodyLimited(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
