// Limits shared by the forms (shown as the user types) and the schemas, without importing zod.

/** The longest article body stored, in characters after normalisation. */
export const MAX_BODY_LENGTH = 200_000;

/** A thread message has at most this many characters (after normalisation). */
export const MESSAGE_MAX = 10_000;
