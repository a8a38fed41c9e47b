import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ShellTextProvider } from "@/components/shell-text";
import { DIGEST_SLOT, type ShellText } from "@/components/shell-text-words";
import { getTranslations } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claim Desk", template: "%s · Claim Desk" },
  description: "Break articles into claims, check them, and publish what two people agreed on.",
};

/** The words of the header's client components and of the error page, formatted here. */
async function shellText(): Promise<ShellText> {
  const t = await getTranslations();
  return {
    language: t("nav.language"),
    searchLabel: t("searchNav.label"),
    searchPlaceholder: t("searchNav.placeholder"),
    searchShortcut: t("searchNav.shortcut"),
    errorTitle: t("appErrors.title"),
    errorText: t("appErrors.text"),
    errorReference: t("appErrors.reference", { digest: DIGEST_SLOT }),
    errorRetry: t("appErrors.retry"),
    errorRetrying: t("appErrors.retrying"),
    errorHome: t("appErrors.home"),
    languageFailed: t("appErrors.languageFailed"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, text] = await Promise.all([getLocale(), shellText()]);
  return (
    <html lang={locale}>
      <body className="bg-paper text-ink min-h-screen font-sans antialiased">
        {/* The header's client components and the error page get their words formatted (no
            next-intl client provider here: its runtime and message parser would be in every page's
            first load). Pages whose client components translate give them their own provider
            (components/client-messages.tsx) with the namespaces they use. */}
        <ShellTextProvider text={text}>{children}</ShellTextProvider>
      </body>
    </html>
  );
}
