import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/session";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/review";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";
import { buttonClass } from "./ui/button";

export async function AppShell({
  user,
  queueCount,
  children,
}: {
  user: SessionUser;
  queueCount: number;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="border-line border-b bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
          <Link href="/articles" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="bg-ink grid size-7 place-items-center rounded-md text-xs text-white">
              CD
            </span>
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.mainNavigation")} className="flex items-center gap-1 text-sm">
            <NavLink href="/articles">{t("nav.articles")}</NavLink>
            <NavLink href="/queue">
              {t("nav.queue")}
              <span
                className="text-ink ml-1.5 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums"
                aria-label={t("nav.queueCount", { count: queueCount })}
                data-testid="queue-count"
              >
                {queueCount}
              </span>
            </NavLink>
            {hasPermission(user.role, "account.manage") ? (
              <NavLink href="/admin/users">{t("accountAdmin.navLabel")}</NavLink>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <Link href="/articles/new" className={buttonClass("primary", "sm")}>
              {t("nav.newArticle")}
            </Link>
            <LanguageSwitch current={locale} className="max-sm:hidden" />
            <div className="text-right text-xs leading-tight max-md:hidden">
              <div className="text-ink font-medium" data-testid="current-user">
                {user.name}
              </div>
              <div className="text-muted">{t(`roles.${user.role}`)}</div>
            </div>
            <Link href="/settings/account" className={buttonClass("ghost", "sm")}>
              {t("accountSettings.navLabel")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("ghost", "sm")}>
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
