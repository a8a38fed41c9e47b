"use client";

import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces only the claim form uses on the article page (its own words, the
 * right-of-reply fields, the similar-claims panel, the presence and conflict notices). The page does
 * not send them (30 % of its client messages, serialized into the RSC payload and again into the
 * HTML on every request): they load with the form, from the catalog's own files, when a claim is
 * first added or edited, in the page's language.
 */
export const CLAIM_FORM_NAMESPACES = ["claimForm", "reply", "similar", "live"] as const;

type Catalog = Record<string, AbstractIntlMessages>;

const FILES: Record<string, () => Promise<Catalog[]>> = {
  en: () =>
    Promise.all([
      import("@/messages/en/claims.json").then((m) => m.default),
      import("@/messages/en/reply.json").then((m) => m.default),
      import("@/messages/en/search.json").then((m) => m.default),
      import("@/messages/en/live.json").then((m) => m.default),
    ]),
  fr: () =>
    Promise.all([
      import("@/messages/fr/claims.json").then((m) => m.default),
      import("@/messages/fr/reply.json").then((m) => m.default),
      import("@/messages/fr/search.json").then((m) => m.default),
      import("@/messages/fr/live.json").then((m) => m.default),
    ]),
};

const loaded = new Map<string, Promise<AbstractIntlMessages>>();

/** The claim form's namespaces in the given language (English for any other), loaded once. */
export function claimFormMessages(locale: string): Promise<AbstractIntlMessages> {
  const key = locale in FILES ? locale : "en";
  let messages = loaded.get(key);
  if (!messages) {
    messages = FILES[key]!().then((files) => {
      const all: Catalog = Object.assign({}, ...files);
      return Object.fromEntries(CLAIM_FORM_NAMESPACES.map((n) => [n, all[n]!]));
    });
    // A failed load (a dropped connection) is tried again the next time the form opens.
    messages.catch(() => loaded.delete(key));
    loaded.set(key, messages);
  }
  return messages;
}
