import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses untrusted input with a zod schema; failures become a 400 with the invalid fields. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
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
