// The one error contract of the app (server actions, route handlers, the proxy, the data layer and
// the UI): the codes, their HTTP statuses and titles, and the error every layer throws. The
// problem+json shape is built in ./problem.ts, the words a person reads in ./text.ts, both from
// these codes and the message catalogs (messages/<locale>/errors.json). Safe to import anywhere
// (the browser, the CLI, tests outside Next): it imports nothing.

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  four_eyes: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  wrong_stage: 409,
  needs_verdict: 400,
  needs_silent_party: 400,
  needs_note: 400,
  body_locked: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The problem+json `title` of each code: the kind of problem, in English (RFC 9457 §3.1.4). */
export const ERROR_TITLES = {
  invalid_input: "Invalid input",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  four_eyes: "Four eyes: someone else must approve",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Changed meanwhile",
  wrong_stage: "Wrong stage",
  needs_verdict: "Verdict needed",
  needs_silent_party: "Silent party needed",
  needs_note: "Note needed",
  body_locked: "Body locked",
  too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Internal error",
  unavailable: "Service unavailable",
} as const satisfies Record<ErrorCode, string>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A stable URI reference per kind of problem: the section of the API reference that explains it. */
export function problemType(code: ErrorCode): string {
  return `/settings/api#problem-${code}`;
}

/** Field name → message keys (errors.<key> in the catalogs), as zod schemas report them. */
export type FieldErrors = Record<string, string[]>;

/**
 * What a person needs to be told besides the code. `reason` names the sentence in the catalogs
 * (errorReasons.<reason>); the other string and number values fill its placeholders ({by}, {at}…).
 * `current` is the record as it is now, with a conflict.
 */
export type ErrorDetails = Record<string, unknown> & { reason?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: ErrorDetails;

  /**
   * `message` is English for logs and is never shown to a person: the UI and the API's `detail`
   * put the code, `details.reason` and the fields into words from the catalogs (./text.ts).
   */
  constructor(
    code: ErrorCode,
    message: string,
    extra: { fieldErrors?: FieldErrors; details?: ErrorDetails } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type Failure = {
  ok: false;
  code: ErrorCode;
  /** English, for logs; show describeError(t, failure) instead. */
  message: string;
  fieldErrors?: FieldErrors;
  details?: ErrorDetails;
};

export type ActionResult<T> = { ok: true; data: T } | Failure;

export const INTERNAL_MESSAGE = "Something went wrong on our side. Nothing was saved.";

/**
 * The digests of what Next throws to steer a request, as next/navigation's unstable_rethrow tells
 * them apart: redirect() and permanentRedirect(), notFound() / forbidden() / unauthorized(),
 * dynamic rendering bail-outs. Read here from the digest so that this module needs no Next (the
 * CLI and the test runners load it without Next's module resolution).
 */
const NEXT_CONTROL_FLOW =
  /^(NEXT_REDIRECT;|NEXT_HTTP_ERROR_FALLBACK;|DYNAMIC_SERVER_USAGE$|BAILOUT_TO_CLIENT_SIDE_RENDERING$|NEXT_PRERENDER_INTERRUPTED$|HANGING_PROMISE_REJECTION$)/;

export function isNextControlFlow(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === "string" && NEXT_CONTROL_FLOW.test(digest)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Any thrown value as an AppError. Next's own control flow (redirect(), notFound(), dynamic
 * rendering bail-outs) is thrown on: it is not a failure, and Next must see it.
 */
export function toAppError(error: unknown): AppError {
  if (isNextControlFlow(error)) throw error;
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    console.error(`The database is unavailable: ${(error as Error).message}`);
    return new AppError("unavailable", "The database is unavailable (restarting, unreachable); try again.", {
      details: { reason: "database_unavailable", retryAfter: 2 },
    });
  }
  console.error(error);
  return new AppError("internal", INTERNAL_MESSAGE);
}

// The database going away, whatever the driver says (node-postgres, drizzle's wrapper as the cause):
// SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting or stopping),
// a refused or reset socket, a connection lost mid-query, no free connection within the timeout.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|the database system is (starting up|shutting down|in recovery mode)/i;

/** True when `error` (or its cause) says the database cannot be reached right now, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
      return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The narrow failure a server action returns to the browser: code, fields and details, no stack. */
export function toFailure(error: unknown): Failure {
  const appError = toAppError(error);
  return {
    ok: false,
    code: appError.code,
    message: appError.message,
    fieldErrors: appError.fieldErrors,
    details: appError.details,
  };
}

/** The failure of a call that got no answer at all (the network dropped, the server went away). */
export function networkFailure(): Failure {
  return {
    ok: false,
    code: "unavailable",
    message: "The action got no answer from the server.",
    details: { reason: "network" },
  };
}
