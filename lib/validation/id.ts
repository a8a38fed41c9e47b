import { z } from "./zod";

/**
 * An id in a URL path, written the one way the app writes it: decimal digits, no sign, no leading
 * zero, no space, no exponent or fraction, at most Number.MAX_SAFE_INTEGER. "0x4ee", "01262",
 * "+1262", "1262.0", "1262e0" and " 1262" name nothing (Number() would read them all as 1262).
 */
export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export const idParamSchema = z
  .string()
  .regex(ID_PATTERN, { error: "invalidId" })
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER, { error: "invalidId" }));

/** The id a path segment names, or null when it is not a canonical id. */
export function parseIdParam(raw: unknown): number | null {
  const parsed = idParamSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
