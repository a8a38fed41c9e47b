import { Bell, LogOut, Plus, UserRound } from "lucide-react";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/session";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/review";
import { LanguageSwitch } from "./language-switch";
import { MyWorkNav } from "./my-work-nav";
import { HeaderLive } from "./live/header-live";
import { NavLink } from "./nav-link";
import { NavSearch } from "./nav-search";
import { buttonClass } from "./ui/button";
import { bidiSafe } from "@/lib/text/bidi";

export async function AppShell({
  user,
  queueCount,
  myWork,
  inboxCount = 0,
  children,
}: {
  user: SessionUser;
  queueCount: number;
  /** Claims returned to me and given to me to review (the "My work" badge). */
  myWork?: { returned: number; assigned: number };
  /** Unread notifications (the inbox). */
  inboxCount?: number;
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
      <HeaderLive />
      <header className="border-line border-b bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 sm:px-6">
          <Link href="/articles" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="bg-ink grid size-7 place-items-center rounded-md text-xs text-white">
              CD
            </span>
            {t("app.name")}
          </Link>
          <NavSearch className="min-w-32 flex-1 lg:max-w-xl" />
          <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
            <Link href="/articles/new" className={buttonClass("primary", "sm")}>
              <Plus aria-hidden className="size-4 sm:hidden" />
              <span className="max-sm:sr-only">{t("nav.newArticle")}</span>
            </Link>
            <LanguageSwitch current={locale} />
            <Link
              href="/inbox"
              aria-label={t("notifications.unreadCount", { count: inboxCount })}
              title={t("notifications.navLabel")}
              className="relative flex items-center rounded-md p-1.5 hover:bg-slate-100"
            >
              <Bell aria-hidden className="text-muted size-5" />
              {inboxCount > 0 ? (
                <span
                  className="bg-accent absolute -top-1 -right-1 min-w-5 rounded-full px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums"
                  data-testid="inbox-count"
                >
                  {inboxCount > 99 ? "99+" : inboxCount}
                </span>
              ) : null}
            </Link>
            <Link
              href="/settings/account"
              aria-label={`${t("accountSettings.navLabel")}: ${bidiSafe(user.name)}`}
              title={t("accountSettings.navLabel")}
              className="flex items-center gap-2 rounded-md px-2 py-1 text-xs leading-tight hover:bg-slate-100"
            >
              <UserRound aria-hidden className="text-muted size-4" />
              <span className="text-right max-lg:hidden">
                <span className="text-ink block font-medium" data-testid="current-user">
                  {bidiSafe(user.name)}
                </span>
                <span className="text-muted block">{t(`roles.${user.role}`)}</span>
              </span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("ghost", "sm")} title={t("nav.signOut")}>
                <LogOut aria-hidden className="size-4 sm:hidden" />
                <span className="max-sm:sr-only">{t("nav.signOut")}</span>
              </button>
            </form>
          </div>
          {/* The navigation has a row of its own, under the logo, the search and the tools. */}
          <nav
            aria-label={t("nav.mainNavigation")}
            className="-mx-2 flex w-full flex-wrap items-center gap-1 text-sm whitespace-nowrap"
          >
            <NavLink href="/articles">{t("nav.articles")}</NavLink>
            {myWork ? <MyWorkNav counts={myWork} /> : null}
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
            <NavLink href="/speakers">{t("searchNav.speakers")}</NavLink>
            <NavLink href="/insights">{t("searchNav.insights")}</NavLink>
            <NavLink href="/exports">{t("bulkExport.nav")}</NavLink>
            <NavLink href="/settings">{t("apiSettings.nav")}</NavLink>
            {hasPermission(user.role, "account.manage") ? (
              <NavLink href="/admin/users">{t("accountAdmin.navLabel")}</NavLink>
            ) : null}
            {hasPermission(user.role, "account.manage") ? (
              <NavLink href="/admin/webhooks">{t("deliveries.navLabel")}</NavLink>
            ) : null}
          </nav>
        </div>
      </header>
      <main
        id="main"
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 print:max-w-none print:p-0"
      >
        {children}
      </main>
    </div>
  );
}
