// Limits shared by the forms (shown as the user types) and the schemas, without importing zod.

/** The longest article body stored, in characters after normalisation. */
export const MAX_BODY_LENGTH = 200_000;

/** The shortest password an account may have (its error, "passwordTooShort", names it). */
export const PASSWORD_MIN_LENGTH = 10;
