// The string schemas of text people type, shared by the forms, the server actions and the API (see
// lib/text/normalise.ts): normalised as article bodies are, and a NUL character refused with a
// field error (errors.nulCharacter) rather than stored or silently dropped.
import { normaliseLine, normaliseMultiline, normaliseQuote } from "@/lib/text/normalise";
import { z } from "./zod";

const noNul = (value: string) => !value.includes("\u0000");

function typed(normalise: (value: string) => string) {
  return z.string().refine(noNul, { error: "nulCharacter", abort: true }).overwrite(normalise);
}

/** One line: a title, a statement, a name. Trimmed, whitespace folded, NFC; NUL refused. */
export const lineText = () => typed(normaliseLine);

/** Several lines: a verdict note, a return note. Line ends normalised, trimmed, NFC; NUL refused. */
export const multilineText = () => typed(normaliseMultiline);

/** A quote of the article: normalised like the body it must match (NFC…); NUL refused. */
export const quoteText = () => typed(normaliseQuote);

/** Search words and filters: normalised the same way, a NUL simply dropped (search never refuses). */
export const searchText = () => z.string().overwrite(normaliseLine);
