"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ClientIntlConfig } from "@/lib/i18n/client-config";
import { SimilarClaimsPanel } from "./similar-claims-panel";

/**
 * The similar-claims panel with next-intl's client provider around it: the part of the search
 * page's checker (./similar-claims-checker.tsx) that it loads when someone starts using it.
 */
export default function SimilarClaimsIntlPanel({ intl, text }: { intl: ClientIntlConfig; text: string }) {
  return (
    <NextIntlClientProvider locale={intl.locale} timeZone={intl.timeZone} messages={intl.messages}>
      <SimilarClaimsPanel text={text} />
    </NextIntlClientProvider>
  );
}
