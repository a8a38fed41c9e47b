import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { MarkAllRead, MarkRead } from "@/components/inbox-controls";
import { LiveRefresh } from "@/components/live/live-refresh";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/session";
import { countUnread, INBOX_PAGE, listInbox } from "@/lib/data/notifications";
import { itemPath } from "@/lib/notify/render";
import { bidiSafe } from "@/lib/text/bidi";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string | string[]; unread?: string | string[] }>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const before = Number(one(params.before));
  const unreadOnly = one(params.unread) === "1";
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const [items, unread] = await Promise.all([
    listInbox(user.id, {
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
      unreadOnly,
    }),
    countUnread(user.id),
  ]);
  const tab = (active: boolean) =>
    cn("rounded-md px-3 py-1.5 text-sm", active ? "bg-slate-900 text-white" : "hover:bg-slate-100");
  return (
    <ClientMessages namespaces={["notifications", "common", "errorReasons", "errors"]}>
      <LiveRefresh scope="inbox" />
      <div className="mx-auto max-w-3xl space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="text-muted mt-1 text-sm">{t("intro")}</p>
          </div>
          <MarkAllRead disabled={unread === 0} upTo={unreadOnly || !before ? items[0]?.id : undefined} />
        </div>
        <nav aria-label={t("title")} className="flex gap-2">
          <Link href="/inbox" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
            {t("all")}
          </Link>
          <Link
            href="/inbox?unread=1"
            className={tab(unreadOnly)}
            aria-current={unreadOnly ? "page" : undefined}
          >
            {t("unreadOnly")} ({unread})
          </Link>
        </nav>
        {items.length === 0 ? (
          <p className="border-line text-muted rounded-lg border bg-white p-5 text-sm">{t("empty")}</p>
        ) : (
          <ul
            className="border-line divide-line divide-y rounded-lg border bg-white"
            data-testid="inbox-list"
          >
            {items.map((item) => {
              const line = t(`line.${item.kind}`, {
                actor: item.actorName ? bidiSafe(item.actorName) : t("someone"),
                article: item.articleTitle ? bidiSafe(item.articleTitle) : t("anArticle"),
              });
              return (
                <li
                  key={item.id}
                  className={cn("flex flex-wrap items-start gap-3 p-4", !item.read && "bg-blue-50/50")}
                  data-testid="inbox-item"
                  data-kind={item.kind}
                >
                  <span
                    aria-hidden
                    className={cn(
                      "mt-1.5 size-2 shrink-0 rounded-full",
                      item.read ? "bg-transparent" : "bg-accent",
                    )}
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-muted text-xs">
                      {t(`kinds.${item.kind}`)}
                      {!item.read ? <span className="sr-only"> ({t("unread")})</span> : null} ·{" "}
                      <time dateTime={item.createdAt.toISOString()}>
                        {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    </p>
                    <Link
                      href={itemPath(item)}
                      className={cn("mt-0.5 block break-words hover:underline", !item.read && "font-medium")}
                    >
                      {line}
                    </Link>
                    {item.note ? <p className="text-muted mt-1 text-sm break-words">{item.note}</p> : null}
                  </div>
                  {!item.read ? <MarkRead id={item.id} label={`${t("markRead")}: ${line}`} /> : null}
                </li>
              );
            })}
          </ul>
        )}
        {items.length === INBOX_PAGE ? (
          <Link
            href={`/inbox?before=${items.at(-1)!.id}${unreadOnly ? "&unread=1" : ""}`}
            className="text-accent text-sm underline underline-offset-2"
          >
            {t("older")}
          </Link>
        ) : null}
      </div>
    </ClientMessages>
  );
}
