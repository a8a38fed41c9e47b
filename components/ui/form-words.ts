// The words of a client form without next-intl's client runtime in the page's first load. The page
// (a server component) resolves them with lib/i18n/form-words.ts and passes them as a prop:
// - `text`: every message of the form's namespaces that takes no value, already formatted on the
//   server ("signIn.email" → "Email"), for the form's first render;
// - `messages`: the messages that take values ("{count, plural, …}", "“{name}” …") and the error
//   catalogs, formatted in the browser by next-intl's translator, which loads (with its ICU message
//   parser, about 12 kB gzipped) when the person first acts on the form: a focus, a file, a submit.
// The same catalogs, the same translator and the same describeFieldError / describeError as before:
// only the time at which the runtime loads changes.
import { useCallback, useState } from "react";
import type { DateTimeFormatOptions } from "next-intl";
import type { DescribableError, Translate } from "@/lib/errors/text";
import type { FormWords } from "@/lib/i18n/form-words";

export type { FormWords };

/** What the loaded runtime offers: the translator, a date formatter and the error describers. */
export type LoadedWords = {
  t: Translate;
  dateTime: (date: Date, options: DateTimeFormatOptions) => string;
  /** describeFieldError: the words for a field error key; undefined when there is none. */
  field: (key: string | undefined) => string | undefined;
  /** describeError: the words for a refused or failed call. */
  failure: (error: DescribableError) => string;
};

type Runtime = [typeof import("next-intl"), typeof import("@/lib/errors/text")];

let runtime: Promise<Runtime> | undefined;
let ready: Runtime | undefined;
const built = new WeakMap<FormWords, LoadedWords>();

function loadRuntime(): Promise<Runtime> {
  runtime ??= Promise.all([import("next-intl"), import("@/lib/errors/text")]).then(
    (modules) => (ready = modules),
    (error: unknown) => {
      // Not loaded (offline, say): the next action tries again.
      runtime = undefined;
      throw error;
    },
  );
  return runtime;
}

function build(words: FormWords, [{ createTranslator, createFormatter }, text]: Runtime): LoadedWords {
  let loaded = built.get(words);
  if (!loaded) {
    const t = createTranslator({
      locale: words.locale,
      messages: words.messages,
      timeZone: words.timeZone,
    }) as unknown as Translate;
    const format = createFormatter({ locale: words.locale, timeZone: words.timeZone });
    loaded = {
      t,
      dateTime: (date, options) => format.dateTime(date, options),
      field: (key) => text.describeFieldError(t, key),
      failure: (error) => text.describeError(t, error),
    };
    built.set(words, loaded);
  }
  return loaded;
}

/** The words' translator once the runtime is in, else null. */
function readyFor(words: FormWords): LoadedWords | null {
  return ready ? build(words, ready) : null;
}

/** Loads the runtime (once for the page) and gives the translator of these words. */
export function loadFormWords(words: FormWords): Promise<LoadedWords> {
  return loadRuntime().then((modules) => build(words, modules));
}

export type FormWordsHandle = {
  locale: string;
  /** A message without values, as the server formatted it. */
  text: (key: string) => string;
  /** The translator, once loaded (it is before any error or message with values is shown). */
  loaded: LoadedWords | null;
  /** Loads it; the form renders again with `loaded` set. */
  load: () => Promise<LoadedWords>;
};

export function useFormWords(words: FormWords): FormWordsHandle {
  const [, setReady] = useState(false);
  const load = useCallback(
    () =>
      loadFormWords(words).then((loaded) => {
        setReady(true);
        return loaded;
      }),
    [words],
  );
  const text = useCallback((key: string) => words.text[key] ?? key, [words]);
  return { locale: words.locale, text, loaded: readyFor(words), load };
}
