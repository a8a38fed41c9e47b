"use client";

import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from "next-intl";
import { use, useMemo, type ComponentProps } from "react";
import { ClaimForm } from "./claim-form";
import { claimFormMessages } from "./claim-form-messages";

/**
 * The claim form with its own words: the page's client messages and the form's namespaces, loaded
 * with it (components/claim-form-messages.ts). Loaded on demand by the article workspace, with
 * react-hook-form; suspends until the words are there.
 */
export function ClaimFormIntl(props: ComponentProps<typeof ClaimForm>) {
  const locale = useLocale();
  const timeZone = useTimeZone();
  const outer = useMessages();
  const own = use(claimFormMessages(locale));
  const messages = useMemo(() => ({ ...outer, ...own }), [outer, own]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      <ClaimForm {...props} />
    </NextIntlClientProvider>
  );
}
