import "server-only";
// getTranslations and getFormatter for server components, as next-intl's (same locale, catalog and
// time zone, from lib/i18n/request.ts), with formatters and parsed messages kept for the process
// (lib/i18n/translator.ts) instead of rebuilt on every request. Used by the layouts and the pages
// every request goes through; next-intl's own stay correct wherever they are still used.
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { cache } from "react";
import { formWordsOf, type FormWords, type FormWordsSpec } from "./form-words";
import { formatterFor, translatorFor, type Translator } from "./translator";

const requestNow = cache(() => new Date());

const translator = cache(async (namespace: string | undefined): Promise<Translator> => {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return translatorFor({ locale, messages, timeZone, namespace });
});

/** The request's translator, for the whole catalog or one namespace of it. */
export function getTranslations(namespace?: string): Promise<Translator> {
  return translator(namespace);
}

export const getFormatter = cache(async () => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return formatterFor({ locale, timeZone, now: requestNow });
});

/** The request's locale, catalog and time zone, for the words of a client form (./form-words.ts). */
export async function requestCatalog(): Promise<{
  locale: string;
  catalog: Record<string, unknown>;
  timeZone: string;
}> {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return { locale, catalog: messages as Record<string, unknown>, timeZone };
}

/** A client form's words in the request's language (lib/i18n/form-words.ts). */
export async function formWords(spec: FormWordsSpec): Promise<FormWords> {
  return formWordsOf(await requestCatalog(), spec);
}
