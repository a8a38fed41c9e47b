import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";

/** A top-level namespace of the message catalog (messages/<locale>/*.json). */
export type Namespace = keyof Awaited<ReturnType<typeof getMessages>> & string;

/** What a client component loaded on demand needs to set up its own next-intl client provider. */
export type ClientIntlConfig = { locale: string; timeZone: string; messages: AbstractIntlMessages };

/** The given namespaces of the catalog, and no others. */
export function pickMessages(
  all: AbstractIntlMessages,
  namespaces: readonly Namespace[],
): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]!]));
}

/**
 * The request's language, time zone and the given namespaces of its messages, for a client
 * component that mounts next-intl's client provider itself, in a chunk loaded when it is needed:
 * a server component rendering <ClientMessages> puts next-intl's client runtime in the page's
 * first-load JavaScript whether or not anything under it is shown.
 */
export async function clientIntlConfig(namespaces: readonly Namespace[]): Promise<ClientIntlConfig> {
  const [locale, timeZone, all] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  return { locale, timeZone, messages: pickMessages(all, namespaces) };
}
