import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** A top-level namespace of the message catalog (messages/<locale>/*.json). */
type Namespace = keyof Awaited<ReturnType<typeof getMessages>> & string;

/**
 * The messages the client components under it use, and no others (next-intl's documented way:
 * https://next-intl.dev/docs/usage/configuration#messages). Every message given to a client
 * provider is serialized into the page's RSC payload and its HTML, on every request: the whole
 * catalog weighs about 36 kB. A provider replaces the messages of the one above it, so a page lists
 * every namespace of the client components it renders, including those they render themselves.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const all = await getMessages();
  const messages = Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
