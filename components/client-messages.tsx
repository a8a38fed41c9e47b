import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type Namespace } from "@/lib/i18n/client-config";

/**
 * The messages the client components under it use, and no others (next-intl's documented way:
 * https://next-intl.dev/docs/usage/configuration#messages). Every message given to a client
 * provider is serialized into the page's RSC payload and its HTML, on every request: the whole
 * catalog weighs about 36 kB. A provider replaces the messages of the one above it, so a page lists
 * every namespace of the client components it renders, including those they render themselves.
 * It also puts next-intl's client runtime in the page's first-load JavaScript: for a client
 * component shown only sometimes, see clientIntlConfig (lib/i18n/client-config.ts).
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const messages = pickMessages(await getMessages(), namespaces);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
