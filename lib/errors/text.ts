// The one way an error becomes words, in the UI and in the API's problem `detail`: the code, its
// `details.reason` and its field errors, looked up in the catalogs (messages/<locale>/errors.json).
// A server's English `message` is never shown.
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/limits";
import { ERROR_CODES, type ErrorCode, type ErrorDetails, type FieldErrors } from "./index";

type Values = Record<string, string | number | Date>;

/** A next-intl translator of the whole catalog (useTranslations() / getTranslations() / createTranslator). */
export type Translate = {
  (key: string, values?: Values): string;
  has(key: string): boolean;
};

export type DescribableError = {
  code: ErrorCode;
  fieldErrors?: FieldErrors;
  details?: ErrorDetails;
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The placeholders of a reason: strings and numbers of the details; ISO timestamps become dates. */
function valuesOf(details: ErrorDetails | undefined): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === "number") values[key] = value;
    else if (typeof value === "string") {
      const date = TIMESTAMP.test(value) ? new Date(value) : null;
      values[key] = date && !Number.isNaN(date.getTime()) ? date : value;
    }
  }
  return values;
}

// Field error keys are words of the errors catalog (what zod's schemas and the data layer give a
// field: "required", "tooLong", "passwordTooShort"…), or of intakeErrors for why a page could not
// be brought in (lib/intake/errors.ts). Every form turns a field's key into words here, and only here.
const FIELD_NAMESPACES = ["errors", "intakeErrors"] as const;

/** The limits some field messages name ("Use at least {min} characters."), the same the schemas check. */
const FIELD_VALUES: Record<string, Values> = {
  passwordTooShort: { min: PASSWORD_MIN_LENGTH },
};

function fieldMessage(t: Translate, key: string): string | undefined {
  for (const namespace of FIELD_NAMESPACES) {
    if (t.has(`${namespace}.${key}`)) return t(`${namespace}.${key}`, FIELD_VALUES[key]);
  }
  return undefined;
}

/** The first field message the catalog knows, e.g. errors.spanMismatch. */
export function describeFieldErrors(t: Translate, fieldErrors: FieldErrors | undefined): string | undefined {
  for (const keys of Object.values(fieldErrors ?? {})) {
    for (const key of keys) {
      const message = fieldMessage(t, key);
      if (message) return message;
    }
  }
  return undefined;
}

/**
 * The message of one field error key (a zod issue's message, or a key of the server's
 * fieldErrors), or the generic "some fields need attention" when the catalog does not know it:
 * never the key itself, never a server's English sentence.
 */
export function describeFieldError(t: Translate, key: string): string;
export function describeFieldError(t: Translate, key: string | undefined): string | undefined;
export function describeFieldError(t: Translate, key: string | undefined): string | undefined {
  if (!key) return undefined;
  return fieldMessage(t, key) ?? t("errors.invalid_input");
}

/**
 * What went wrong, in the reader's language: the sentence of `details.reason` when the catalog has
 * one, else (for invalid input) the first invalid field's message, else the sentence of the code.
 */
export function describeError(t: Translate, error: DescribableError): string {
  const reason = error.details?.reason;
  if (typeof reason === "string" && t.has(`errorReasons.${reason}`)) {
    return t(`errorReasons.${reason}`, valuesOf(error.details));
  }
  if (error.fieldErrors) {
    const field = describeFieldErrors(t, error.fieldErrors);
    if (field) return field;
  }
  return t.has(`errors.${error.code}`) ? t(`errors.${error.code}`) : t("errors.internal");
}

/**
 * A problem+json body (./problem.ts) read back in the browser, as describeError takes it: its code,
 * reason and field codes, so that the words come from the reader's catalog, not from the server's
 * `detail` (written in the language of the browser's Accept-Language, not the desk's).
 */
export function failureFromProblem(problem: unknown, status: number): DescribableError {
  const body = (problem && typeof problem === "object" ? problem : {}) as Record<string, unknown>;
  const code = (ERROR_CODES as readonly string[]).includes(String(body.code))
    ? (body.code as ErrorCode)
    : status === 401
      ? "unauthenticated"
      : status === 503
        ? "unavailable"
        : "internal";
  const details: Record<string, unknown> = {};
  for (const key of ["reason", "by", "at", "retryAfter"]) {
    if (typeof body[key] === "string" || typeof body[key] === "number") details[key] = body[key];
  }
  const fieldErrors: FieldErrors = {};
  for (const entry of Array.isArray(body.errors) ? body.errors : []) {
    const { field, code: key } = (entry ?? {}) as { field?: unknown; code?: unknown };
    if (typeof field === "string" && typeof key === "string") (fieldErrors[field] ??= []).push(key);
  }
  return {
    code,
    details: details as ErrorDetails,
    fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined,
  };
}
