import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claim Desk", template: "%s · Claim Desk" },
  description: "Break articles into claims, check them, and publish what two people agreed on.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="bg-paper text-ink min-h-screen font-sans antialiased">
        {/* The header's client components (the language switch and its failure, the search box) and the
            error page, and nothing else: every page whose client components need more (errors,
            errorReasons, …) gives them its own provider, which replaces this one below it. */}
        <ClientMessages namespaces={["appErrors", "nav", "searchNav"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
