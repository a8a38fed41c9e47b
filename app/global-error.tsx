"use client";
// What shows when even the root layout fails: it replaces the whole document, so it has no message
// provider and reads its two languages' words itself, in the language the desk was set to (its
// cookie), else the browser's.
import { useEffect, useSyncExternalStore } from "react";
import en from "@/messages/en/app-errors.json";
import fr from "@/messages/fr/app-errors.json";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";
import "./globals.css";

const WORDS = { en: en.appErrors, fr: fr.appErrors } as const;

function browserLocale(): Locale {
  const cookie = document.cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(navigator.languages.join(",")) ?? "en";
}

const noSubscription = () => () => undefined;

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => "en" as Locale);
  useEffect(() => {
    console.error(error);
  }, [error]);
  const t = WORDS[locale];

  return (
    <html lang={locale}>
      <body className="bg-paper text-ink min-h-screen font-sans antialiased">
        <div role="alert" className="mx-auto max-w-md py-16 text-center">
          <h1 className="text-2xl font-semibold">{t.title}</h1>
          <p className="text-muted mt-2">{t.text}</p>
          {error.digest ? (
            <p className="text-muted mt-2 text-xs">{t.reference.replace("{digest}", error.digest)}</p>
          ) : null}
          <div className="mt-6 flex justify-center gap-3">
            <button
              type="button"
              className="bg-accent hover:bg-accent-strong inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-white"
              // The root layout itself failed: load the page anew rather than re-render this tree.
              onClick={() => window.location.reload()}
            >
              {t.retry}
            </button>
            {/* A full load: the root layout itself failed, so client navigation cannot be trusted. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a
              href="/articles"
              className="border-line inline-flex h-10 items-center rounded-md border bg-white px-4 text-sm font-medium"
            >
              {t.home}
            </a>
          </div>
        </div>
      </body>
    </html>
  );
}
