// The words a client form gets as a prop (components/ui/form-words.ts), instead of next-intl's
// client provider: its runtime and ICU message parser then stay out of the page's first load.
// Server components take them from lib/i18n/server.ts's formWords (the request's language).
import { translatorFor } from "./translator";

/** What the form gets (components/ui/form-words.ts reads it in the browser). */
export type FormWords = {
  locale: string;
  timeZone: string;
  /** Messages without values, formatted on the server, by their full key ("articleForm.title"). */
  text: Record<string, string>;
  /** Raw catalog messages, by namespace, for the translator loaded on demand. */
  messages: Record<string, unknown>;
};

/** Which namespaces a form gets, and how. */
export type FormWordsSpec = {
  /** Namespaces the form shows: messages without values come formatted, the others raw. */
  text: readonly string[];
  /** Namespaces given whole and raw (the error catalogs describeFieldError and describeError read). */
  messages?: readonly string[];
};

/** True when the message takes a value or a plural/select ("{name}", "{count, plural, …}"). */
export function takesValues(message: string): boolean {
  return /[{}]/.test(message);
}

/** A form's words from a catalog, in its locale and time zone. */
export function formWordsOf(
  { locale, catalog, timeZone }: { locale: string; catalog: Record<string, unknown>; timeZone: string },
  { text, messages = [] }: FormWordsSpec,
): FormWords {
  const t = translatorFor({ locale, messages: catalog, timeZone });
  const words: FormWords = { locale, timeZone, text: {}, messages: {} };
  for (const namespace of text) {
    const raw: Record<string, unknown> = {};
    for (const [key, message] of Object.entries((catalog[namespace] ?? {}) as Record<string, unknown>)) {
      if (typeof message === "string" && !takesValues(message))
        words.text[`${namespace}.${key}`] = t(`${namespace}.${key}`);
      else raw[key] = message;
    }
    if (Object.keys(raw).length > 0) words.messages[namespace] = raw;
  }
  for (const namespace of messages) {
    if (namespace in catalog) words.messages[namespace] = catalog[namespace];
  }
  return words;
}
