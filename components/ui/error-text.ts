"use client";
// The forms' one way to put an error into words: a field's key (from zod's resolver or the server's
// fieldErrors) through describeFieldError, a refused call through describeError, both over the
// whole catalog in the interface's language (lib/errors/text.ts).
import { useTranslations } from "next-intl";
import { describeError, describeFieldError, type Translate } from "@/lib/errors/text";

export function useErrorText() {
  const t = useTranslations() as unknown as Translate;
  return {
    /** The words for a field error key; undefined when the field has none. */
    field: (key: string | undefined) => describeFieldError(t, key),
    /** The words for a refused or failed call. */
    failure: (error: Parameters<typeof describeError>[1]) => describeError(t, error),
  };
}
