// Translators and formatters that keep what they prepare for the whole process, not for one
// request. next-intl's getTranslations and getFormatter build their Intl formatters and parsed ICU
// messages (intl-messageformat) in a cache it makes per request (React's cache): every request
// parsed again each message with a value ("{count} claims") and built again each Intl.PluralRules,
// NumberFormat and DateTimeFormat it used — about as much CPU as a whole page of the minimal
// Next.js app (npm run bench). These produce the same strings from the same catalogs, with one
// cache per process, keyed (by use-intl) on the message's text, the locale, its formats and the
// time zone.
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from "next-intl";
import type { getTranslations } from "next-intl/server";

type Messages = Record<string, unknown>;
/** next-intl's translator type (the catalog is not typed: any key, as with next-intl's getTranslations). */
export type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Formatters = ReturnType<typeof _createIntlFormatters>;

let shared: { cache: ReturnType<typeof _createCache>; formatters: Formatters } | null = null;

/** The process's Intl formatters and parsed messages (their keys name the locale and message text). */
export function sharedFormatters(): { cache: ReturnType<typeof _createCache>; formatters: Formatters } {
  if (!shared) {
    const cache = _createCache();
    shared = { cache, formatters: _createIntlFormatters(cache) };
  }
  return shared;
}

export function translatorFor({
  locale,
  messages,
  timeZone,
  namespace,
}: {
  locale: string;
  messages: Messages;
  timeZone?: string;
  namespace?: string;
}): Translator {
  const { cache, formatters } = sharedFormatters();
  const t = createTranslator({
    locale,
    messages,
    timeZone,
    namespace,
    _cache: cache,
    _formatters: formatters,
  });
  return t as unknown as Translator;
}

export function formatterFor({
  locale,
  timeZone,
  now,
}: {
  locale: string;
  timeZone?: string;
  now: () => Date;
}) {
  const { cache, formatters } = sharedFormatters();
  return createFormatter({
    locale,
    timeZone,
    _cache: cache,
    _formatters: formatters,
    // Relative times ("3 hours ago") count from the request's time, read when first needed.
    get now() {
      return now();
    },
  });
}
