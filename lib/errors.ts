// One error contract for server actions, route handlers and the data layer.
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  four_eyes: 403,
  not_found: 404,
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

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {},
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

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: FieldErrors;
      details?: Record<string, unknown>;
    };

export function toFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors: error.fieldErrors,
      details: error.details,
    };
  }
  console.error(error);
  return { ok: false, code: "internal", message: "Something went wrong on our side. Nothing was saved." };
}
