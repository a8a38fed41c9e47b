import { Bell, LogOut, Plus, UserRound } from "lucide-react";
import Link from "next/link";
import { getLocale, getMessages } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/session";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/review";
import { LanguageSwitch } from "./language-switch";
import { MyWorkNav } from "./my-work-nav";
import { InboxLink, LiveCounts, MenuWorkBadge, QueueCount, type CountLabels } from "./live/live-counts";
import { NavLink } from "./nav-link";
import { NavMenu } from "./nav-menu";
import { NavSearch } from "./nav-search";
import { buttonClass } from "./ui/button";
import { bidiSafe } from "@/lib/text/bidi";

/** The ICU messages of the header's live counts, for their client components. */
async function countLabels(): Promise<CountLabels> {
  const all = (await getMessages()) as Record<string, Record<string, string>>;
  return {
    queueCount: all.nav!.queueCount!,
    navCount: all.myWork!.navCount!,
    unreadCount: all.notifications!.unreadCount!,
  };
}

export async function AppShell({
  user,
  queueCount,
  myWork,
  inboxCount = 0,
  liveFrom,
  children,
}: {
  user: SessionUser;
  queueCount: number;
  /** Claims returned to me and given to me to review (the "My work" badge). */
  myWork?: { returned: number; assigned: number };
  /** Unread notifications (the inbox). */
  inboxCount?: number;
  /** The last live event when the page was rendered: where its live channel starts (live-client.ts). */
  liveFrom?: number;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const counts = {
    queue: queueCount,
    inbox: inboxCount,
    returned: myWork?.returned ?? 0,
    assigned: myWork?.assigned ?? 0,
  };
  return (
    <div className="flex min-h-screen flex-col" data-live-from={liveFrom}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <LiveCounts
        initial={counts}
        initialText={{
          queueCount: t("nav.queueCount", { count: counts.queue }),
          navCount: t("myWork.navCount", { returned: counts.returned, assigned: counts.assigned }),
          unreadCount: t("notifications.unreadCount", { count: counts.inbox }),
        }}
        locale={locale}
        labels={await countLabels()}
      >
        <header className="border-line border-b bg-white print:hidden">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 sm:px-6">
            <Link href="/articles" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
              <span
                aria-hidden
                className="bg-ink grid size-7 place-items-center rounded-md text-xs text-white"
              >
                CD
              </span>
              {t("app.name")}
            </Link>
            <NavSearch className="flex-1 md:min-w-32 lg:max-w-xl" />
            {/* On phones the tools take the second row, after the menu button (see NavMenu). */}
            <div className="ml-auto flex shrink-0 items-center gap-2 max-sm:order-2 sm:gap-3">
              <Link href="/articles/new" className={buttonClass("primary", "sm")}>
                <Plus aria-hidden className="size-4 sm:hidden" />
                <span className="max-sm:sr-only">{t("nav.newArticle")}</span>
              </Link>
              <LanguageSwitch current={locale} />
              <InboxLink title={t("notifications.navLabel")}>
                <Bell aria-hidden className="text-muted size-5" />
              </InboxLink>
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
            {/* The navigation has a row of its own, under the logo, the search and the tools; on phones
                it opens from a menu button instead, as two columns of links. */}
            <NavMenu label={t("nav.menu")} badge={myWork ? <MenuWorkBadge /> : null}>
              <nav
                aria-label={t("nav.mainNavigation")}
                className="-mx-2 flex w-full flex-wrap items-center gap-1 text-sm whitespace-nowrap max-sm:grid max-sm:grid-cols-2"
              >
                <NavLink href="/articles">{t("nav.articles")}</NavLink>
                {myWork ? <MyWorkNav /> : null}
                <NavLink href="/queue">
                  {t("nav.queue")}
                  <QueueCount />
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
            </NavMenu>
          </div>
        </header>
      </LiveCounts>
      <main
        id="main"
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 print:max-w-none print:p-0"
      >
        {children}
      </main>
    </div>
  );
}
