// Every API error leaves as RFC 9457 problem details, from one table: the status comes from
// ERROR_STATUS (lib/errors.ts), the title from here, the detail from the AppError.
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import type { ClaimView } from "@/lib/data/claims";
import type { ApiProblem } from "@/lib/validation/api";
import { toApiClaim } from "./serialize";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const ERROR_TITLES = {
  invalid_input: "Invalid input",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  four_eyes: "Four eyes: someone else must approve",
  not_found: "Not found",
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

/** A stable URI reference per kind of problem: the section of the API reference that explains it. */
export function problemType(code: ErrorCode): string {
  return `/settings/api#problem-${code}`;
}

/** Field messages are message keys; the API spells them out in English. */
function spellOut(key: string): string {
  const catalog = loadMessages("en") as Record<string, Record<string, unknown> | undefined>;
  for (const namespace of ["errors", "apiErrors", "intakeErrors"]) {
    const text = catalog[namespace]?.[key];
    if (typeof text === "string") return text;
  }
  return key;
}

export function toProblem(error: AppError): ApiProblem {
  const problem: ApiProblem = {
    type: problemType(error.code),
    title: ERROR_TITLES[error.code],
    status: ERROR_STATUS[error.code],
    detail: error.message,
    code: error.code,
  };
  if (error.fieldErrors) {
    problem.errors = Object.entries(error.fieldErrors).flatMap(([field, codes]) =>
      codes.map((code) => ({ field, code, detail: spellOut(code) })),
    );
  }
  const details = error.details ?? {};
  if (typeof details.by === "string") problem.by = details.by;
  if (typeof details.at === "string") problem.at = details.at;
  if (details.current && typeof details.current === "object")
    problem.current = toApiClaim(details.current as ClaimView);
  if (typeof details.retryAfter === "number") problem.retryAfter = details.retryAfter;
  return problem;
}

/** The problem+json response for any error; anything but an AppError is logged and reported as a bare 500. */
export function problemResponse(error: unknown, headers: Record<string, string> = {}): Response {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else {
    console.error(error);
    appError = new AppError("internal", "Something went wrong on our side. Nothing was saved.");
  }
  const problem = toProblem(appError);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}
