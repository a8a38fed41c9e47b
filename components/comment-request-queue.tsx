import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { now as clockNow } from "@/lib/clock";
import { listReplyQueue, type ReplyQueueFilter } from "@/lib/data/insights-replies";
import { getEnv } from "@/lib/env";
import { requestLine } from "@/lib/reply/wording";
import { bidiSafe } from "@/lib/text/bidi";

const FILTERS = ["all", "overdue", "answered"] as const satisfies readonly ReplyQueueFilter[];

function parseFilter(value: string | undefined): ReplyQueueFilter {
  return (FILTERS as readonly string[]).includes(value ?? "") ? (value as ReplyQueueFilter) : "all";
}

const STATE_CLASS = {
  overdue: "bg-disputed-bg text-disputed",
  answered: "bg-confirmed-bg text-confirmed",
  waiting: "bg-slate-100 text-slate-700",
} as const;

/**
 * The queue's requests for comment: overdue ones and replies not yet weighed first, then those
 * waiting, with a filter (?reply=overdue|answered). Server-rendered; links open the claim.
 */
export async function CommentRequestQueue({
  filter: raw,
  basePath = "/queue",
}: {
  filter?: string;
  basePath?: string;
}) {
  const filter = parseFilter(raw);
  const now = clockNow();
  const [items, t, locale] = await Promise.all([
    listReplyQueue({ now, filter }),
    getTranslations("reply"),
    getLocale(),
  ]);
  const zone = getEnv().TIME_ZONE;
  const labels: Record<ReplyQueueFilter, string> = {
    all: t("filterAll"),
    overdue: t("filterOverdue"),
    answered: t("filterAnswered"),
  };
  if (items.length === 0 && filter === "all") return null;
  return (
    <section
      aria-labelledby="reply-queue-heading"
      className="border-line space-y-3 rounded-lg border bg-white p-4"
      data-testid="reply-queue"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="reply-queue-heading" className="text-sm font-semibold">
          {t("queueTitle")}
        </h2>
        <nav aria-label={t("filter")} className="flex flex-wrap gap-1 text-sm">
          {FILTERS.map((f) => (
            <Link
              key={f}
              href={f === "all" ? basePath : `${basePath}?reply=${f}`}
              aria-current={filter === f ? "page" : undefined}
              className={cn(
                "rounded-md px-2.5 py-1 font-medium",
                filter === f ? "bg-ink text-white" : "text-muted hover:text-ink border-line border",
              )}
            >
              {labels[f]}
            </Link>
          ))}
        </nav>
      </div>
      {items.length === 0 ? <p className="text-muted text-sm">{t("queueEmpty")}</p> : null}
      <ul className="divide-line divide-y">
        {items.map((item) => (
          <li
            key={item.requestId}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="reply-queue-item"
          >
            <div className="min-w-0 space-y-0.5">
              <Link
                href={`/articles/${item.articleId}/claims/${item.claimId}`}
                className="text-sm font-medium [overflow-wrap:anywhere] hover:underline"
              >
                {bidiSafe(item.statement)}
              </Link>
              <p className="text-muted text-xs [overflow-wrap:anywhere]">
                {bidiSafe(item.articleTitle)} · {requestLine(item, locale, zone, now)}
              </p>
            </div>
            <span className={cn("rounded px-2 py-0.5 text-xs font-semibold", STATE_CLASS[item.state])}>
              {item.state === "answered" ? t("replyReceivedShort") : t(`states.${item.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
