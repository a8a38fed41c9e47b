import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("apiSettings");
  return (
    <div className="space-y-6">
      <div className="border-line flex flex-wrap items-end justify-between gap-4 border-b pb-3">
        <p className="text-muted text-sm font-medium tracking-wide uppercase">{t("title")}</p>
        <nav aria-label={t("sections")} className="flex gap-1 text-sm">
          <NavLink href="/settings/account">{t("accountTab")}</NavLink>
          <NavLink href="/settings/tokens">{t("tokensTab")}</NavLink>
          <NavLink href="/settings/api">{t("referenceTab")}</NavLink>
        </nav>
      </div>
      {children}
    </div>
  );
}
