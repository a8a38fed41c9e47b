// The one way an error becomes words, in the UI and in the API's problem `detail`: the code, its
// `details.reason` and its field errors, looked up in the catalogs (messages/<locale>/errors.json).
// A server's English `message` is never shown.
import type { ErrorCode, ErrorDetails, FieldErrors } from "./index";

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

/** The first field message the catalog knows, e.g. errors.spanMismatch. */
// Field error keys are words of the errors catalog, or of intakeErrors for why a page could not be
// brought in (lib/intake/errors.ts).
const FIELD_NAMESPACES = ["errors", "intakeErrors"] as const;

function fieldMessage(t: Translate, key: string): string | undefined {
  for (const namespace of FIELD_NAMESPACES) {
    if (t.has(`${namespace}.${key}`)) return t(`${namespace}.${key}`);
  }
  return undefined;
}

export function describeFieldErrors(t: Translate, fieldErrors: FieldErrors | undefined): string | undefined {
  for (const keys of Object.values(fieldErrors ?? {})) {
    for (const key of keys) {
      const message = fieldMessage(t, key);
      if (message) return message;
    }
  }
  return undefined;
}

/** The message of one field error key, or the generic "check this field" when the key is unknown. */
export function describeFieldError(t: Translate, key: string): string {
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
