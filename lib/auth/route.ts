// The pipeline of every signed-in (cookie session) route handler, twin of authedAction: session →
// role → the handler (which parses its input with zod and calls lib/data) → a Response. Every
// refusal leaves as RFC 9457 problem details with the status of lib/errors.ts.
import "server-only";
import type { z } from "zod";
import { AppError, ERROR_STATUS, type FieldErrors } from "@/lib/errors";
import type { Action } from "@/lib/review";
import { requireUser, type SessionUser } from "./session";

export type RouteParams = Record<string, string | string[] | undefined>;
/** What Next passes to a route handler; params are a Promise since Next 15. */
export type RouteContext = { params: Promise<RouteParams> };

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** The problem+json response for any error; anything but an AppError is logged and reported as a bare 500. */
export function problemResponse(error: unknown): Response {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else {
    console.error(error);
    appError = new AppError("internal", "Something went wrong on our side. Nothing was saved.");
  }
  const status = ERROR_STATUS[appError.code];
  const problem = {
    type: "about:blank",
    title: STATUS_TITLES[status] ?? "Error",
    status,
    detail: appError.message,
    code: appError.code,
    ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}),
  };
  return new Response(JSON.stringify(problem), {
    status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}

/** Query string → object: the first value of each key. */
export function searchParamsObject(request: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (!(key in result)) result[key] = value;
  }
  return result;
}

/**
 * Parses the query string with a zod schema whose messages are keys; a failure is a 400 whose
 * detail spells out the first problem from `messages` (keyed by those message keys).
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  request: Request,
  messages: Record<string, string> = {},
): z.output<S> {
  const parsed = schema.safeParse(searchParamsObject(request));
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  const first = parsed.error.issues[0]?.message ?? "";
  throw new AppError("invalid_input", messages[first] ?? "Some parameters need attention.", { fieldErrors });
}

/**
 * Wraps a route handler: the session is checked (401 without one, 403 without `permission`)
 * before `fn` runs, and whatever `fn` throws becomes a problem response.
 */
export function authedRoute(
  options: { permission?: Action },
  fn: (request: Request, context: { user: SessionUser; params: RouteParams }) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await requireUser(options.permission);
      return await fn(request, { user, params: await context.params });
    } catch (error) {
      return problemResponse(error);
    }
  };
}
