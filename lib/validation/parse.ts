import { z } from "./zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * Where the input holds text that cannot be stored as written: a lone UTF-16 surrogate has no
 * UTF-8 form, so SQLite would keep U+FFFD instead. Iterative, so deep nesting cannot overflow the stack.
 */
function malformedTextPaths(raw: unknown): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: string }[] = [{ value: raw, path: "" }];
  while (stack.length > 0 && found.length < 20) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!value.isWellFormed()) found.push(path || "_");
    } else if (typeof value === "object" && value !== null && !seen.has(value)) {
      seen.add(value);
      for (const [key, child] of Object.entries(value)) {
        if (!key.isWellFormed()) found.push(path || "_");
        stack.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return found;
}

/** Parses untrusted input with a zod schema; failures become a 400 with the invalid fields. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const malformed = malformedTextPaths(raw);
  if (malformed.length > 0) {
    throw new AppError("invalid_input", "Some text contains characters that cannot be stored.", {
      fieldErrors: Object.fromEntries(malformed.map((path) => [path, ["malformedText"]])),
      details: { reason: "malformed_text" },
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new AppError("invalid_input", "Some fields need attention.", { fieldErrors });
  }
  return parsed.data;
}
