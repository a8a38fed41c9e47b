// Limits shared by the forms (shown as the user types) and the schemas, without importing zod.

/** The longest article body stored, in characters after normalisation. */
export const MAX_BODY_LENGTH = 200_000;

/** The shortest password an account may have (its error, "passwordTooShort", names it). */
export const PASSWORD_MIN_LENGTH = 10;

/** A thread message has at most this many characters (after normalisation). */
export const MESSAGE_MAX = 10_000;
