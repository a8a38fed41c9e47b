import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { toBoardEntry, toEntry } from "@/components/queue/entry";
import { QueueBoard } from "@/components/queue/queue-board";
import { QueueFiltersForm } from "@/components/queue/queue-filters";
import { ReturnedList } from "@/components/queue/returned-list";
import { AnchorQueue } from "@/components/anchor-queue";
import { countAllFlaggedClaims, listFlaggedClaims } from "@/lib/data/revisions";
import { cn } from "@/components/ui/cn";
import { getCurrentUser } from "@/lib/auth/session";
import { countQueue, countReturnedTo, listQueue, listQueueFacets, listReturnedTo } from "@/lib/data/queue";
import { hasPermission } from "@/lib/review";
import { queueFiltersSchema, queueTabSchema } from "@/lib/validation/queue";
import { ClientMessages } from "@/components/client-messages";
import { toThreadSummary } from "@/components/thread-types";
import { listAssignableReviewers, listThreadDigests } from "@/lib/data/threads";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CommentRequestQueue } from "@/components/comment-request-queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queue");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fqueue");
  const params = await searchParams;
  const tab = queueTabSchema.parse(first(params.tab));
  const filters = queueFiltersSchema.parse({
    article: first(params.article),
    verdict: first(params.verdict) || undefined,
    speaker: first(params.speaker) || undefined,
    rater: first(params.rater),
  });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const canReview = hasPermission(user.role, "claim.approve");
  const t = await getTranslations("queue");

  const [waiting, returnedCount, flaggedCount] = await Promise.all([
    countQueue(),
    countReturnedTo({ userId: user.id }),
    countAllFlaggedClaims(),
  ]);
  const ta = await getTranslations("anchors");

  const filterQuery = new URLSearchParams();
  if (filters.article) filterQuery.set("article", String(filters.article));
  if (filters.verdict) filterQuery.set("verdict", filters.verdict);
  if (filters.speaker) filterQuery.set("speaker", filters.speaker);
  if (filters.rater) filterQuery.set("rater", String(filters.rater));
  const reviewHref = filterQuery.size > 0 ? `/queue?${filterQuery}` : "/queue";

  const tabs = [
    { key: "review", href: reviewHref, label: t("tabReview"), count: waiting },
    { key: "returned", href: "/queue?tab=returned", label: t("tabReturned"), count: returnedCount },
    { key: "anchors", href: "/queue?tab=anchors", label: ta("needsReanchoring"), count: flaggedCount },
  ] as const;

  let body;
  if (tab === "anchors") {
    body = <AnchorQueue claims={await listFlaggedClaims()} />;
  } else if (tab === "returned") {
    const items = await listReturnedTo({ userId: user.id });
    body = <ReturnedList entries={items.map(toEntry)} />;
  } else {
    const [{ items, total, at }, facets, reviewers] = await Promise.all([
      listQueue({
        filters: {
          articleId: filters.article,
          verdict: filters.verdict,
          speaker: filters.speaker,
          raterId: filters.rater,
        },
      }),
      listQueueFacets({ articleId: filters.article }),
      canReview ? listAssignableReviewers() : Promise.resolve(undefined),
    ]);
    const digests = await listThreadDigests({ claimIds: items.map((i) => i.id) });
    body = (
      <>
        <CommentRequestQueue filter={first(params.reply)} />
        <QueueFiltersForm facets={facets} filters={filters} filtered={filtered} />
        {!canReview ? (
          <p
            className="border-line text-muted rounded-md border bg-white px-4 py-2.5 text-sm"
            data-testid="read-only-note"
          >
            {t("readOnly")}
          </p>
        ) : null}
        {filtered ? (
          <p className="text-muted text-sm" data-testid="filtered-count">
            {t("matching", { count: total })}
          </p>
        ) : null}
        <QueueBoard
          entries={items.map((item) => {
            const digest = digests.get(item.id);
            // A claim without messages, return or assignee (most of them) sends no thread at all.
            const thread =
              digest && (digest.count > 0 || digest.sinceReturned || digest.assignedTo)
                ? toThreadSummary(digest)
                : undefined;
            return toBoardEntry(item, thread);
          })}
          reviewers={reviewers}
          meId={user.id}
          canReview={canReview}
          filtered={filtered}
          serverNow={at.getTime()}
        />
        {total > items.length ? (
          <p className="text-muted text-sm">{t("limited", { shown: items.length, total })}</p>
        ) : null}
      </>
    );
  }

  return (
    <ClientMessages
      namespaces={[
        "anchors",
        "claimWork",
        "errorReasons",
        "errors",
        "threads",
        "common",
        "evidence",
        "publish",
        "queue",
        "stages",
        "verdicts",
      ]}
    >
      <LiveRefresh scope="queue" />
      <div className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="text-muted mt-1 text-sm">{t("waiting", { count: waiting })}</p>
          </div>
          <nav
            aria-label={t("tabsLabel")}
            className="border-line flex flex-wrap rounded-lg border bg-white p-1 text-sm"
          >
            {tabs.map((item) => (
              <Link
                key={item.key}
                href={item.href}
                aria-current={tab === item.key ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 rounded-md px-3 py-1.5 font-medium",
                  tab === item.key ? "bg-ink text-white" : "text-muted hover:text-ink",
                )}
              >
                {item.label}
                <span
                  className={cn(
                    "rounded-full px-1.5 text-xs tabular-nums",
                    tab === item.key
                      ? "bg-white/20"
                      : item.key === "returned" && item.count > 0
                        ? "bg-amber-100 text-amber-950"
                        : "bg-slate-100",
                  )}
                >
                  {item.count}
                </span>
              </Link>
            ))}
          </nav>
        </div>
        {body}
      </div>
    </ClientMessages>
  );
}
