import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StageBadge, VerdictBadge } from "@/components/verdict-badge";
import { buttonClass } from "@/components/ui/button";
import type { QueueItem } from "@/lib/data/queue";
import type { MyWork, ThreadDigest } from "@/lib/data/threads";
import { bidiSafe } from "@/lib/text/bidi";
import { MyWorkResubmit } from "./my-work-resubmit";
import { ThreadPanel } from "./thread-panel";
import { toThreadSummary } from "./thread-types";

function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="border-line rounded-lg border bg-white" data-testid={id}>
      <h2 id={id} className="border-line flex items-center gap-2 border-b px-4 py-3 text-base font-semibold">
        {title}
        <span className="rounded-full bg-slate-100 px-2 text-xs tabular-nums">{count}</span>
      </h2>
      {count === 0 ? <p className="text-muted px-4 py-6 text-sm">{empty}</p> : children}
    </section>
  );
}

const claimHref = (c: { articleId: number; id: number }) => `/articles/${c.articleId}?claim=${c.id}`;

async function ClaimItem({
  claim,
  digest,
  meId,
  returned,
}: {
  claim: QueueItem;
  digest: ThreadDigest | undefined;
  meId: number;
  returned: boolean;
}) {
  const t = await getTranslations("myWork");
  const format = await getFormatter();
  return (
    <li className="space-y-2 px-4 py-3" data-testid="my-work-claim" data-claim-id={claim.id}>
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={claim.verdict} />
        <StageBadge stage={claim.stage} returned={claim.returnedAt !== null} />
        <Link href={`/articles/${claim.articleId}`} className="text-muted truncate text-xs hover:underline">
          {bidiSafe(claim.articleTitle)}
        </Link>
      </div>
      <p className="font-medium">{bidiSafe(claim.statement)}</p>
      {returned && claim.returnedBy && claim.returnedAt ? (
        <p className="text-muted text-xs">
          {t("returnedBy", {
            name: claim.returnedBy.name,
            time: format.dateTime(claim.returnedAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
      ) : null}
      {digest ? <ThreadPanel claimId={claim.id} summary={toThreadSummary(digest)} meId={meId} /> : null}
      <div className="flex flex-wrap items-start gap-2">
        <Link href={claimHref(claim)} prefetch={false} className={buttonClass("secondary", "sm")}>
          {t("open")}
        </Link>
        {returned ? <MyWorkResubmit id={claim.id} version={claim.version} /> : null}
      </div>
    </li>
  );
}

/** The sections of "My work"; `digests` holds the threads of the claims listed. */
export async function MyWorkSections({
  work,
  digests,
  meId,
  extra,
}: {
  work: MyWork;
  digests: Map<number, ThreadDigest>;
  meId: number;
  /** More sections from other parts of the desk (overdue requests for comment). */
  extra?: ReactNode;
}) {
  const t = await getTranslations("myWork");
  const format = await getFormatter();
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Section
        id="my-work-returned"
        title={t("returned")}
        count={work.returned.length}
        empty={t("returnedEmpty")}
      >
        <ol className="divide-line divide-y">
          {work.returned.map((c) => (
            <ClaimItem key={c.id} claim={c} digest={digests.get(c.id)} meId={meId} returned />
          ))}
        </ol>
      </Section>
      <Section
        id="my-work-assigned"
        title={t("assigned")}
        count={work.assigned.length}
        empty={t("assignedEmpty")}
      >
        <ol className="divide-line divide-y">
          {work.assigned.map((c) => (
            <ClaimItem key={c.id} claim={c} digest={digests.get(c.id)} meId={meId} returned={false} />
          ))}
        </ol>
      </Section>
      <Section
        id="my-work-mentions"
        title={t("mentions")}
        count={work.mentions.length}
        empty={t("mentionsEmpty")}
      >
        <ol className="divide-line divide-y">
          {work.mentions.map((m) => (
            <li key={m.id} className="space-y-1 px-4 py-3" data-testid="my-work-mention">
              <p className="text-muted text-xs">
                {t("mentionBy", {
                  name: m.by.name,
                  time: format.dateTime(m.at, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
              <Link href={claimHref(m)} prefetch={false} className="block font-medium hover:underline">
                {bidiSafe(m.statement ?? m.articleTitle)}
              </Link>
              <p className="text-ink text-sm break-words whitespace-pre-line">{bidiSafe(m.excerpt)}</p>
            </li>
          ))}
        </ol>
      </Section>
      <Section
        id="my-work-articles"
        title={t("articles")}
        count={work.articles.length}
        empty={t("articlesEmpty")}
      >
        <ol className="divide-line divide-y">
          {work.articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/articles/${a.id}`} className="font-medium hover:underline">
                {bidiSafe(a.title)}
              </Link>
              <span className="text-muted text-xs">
                {t("progress", { approved: a.approved, total: a.total, inReview: a.inReview })}
                {a.returned > 0 ? (
                  <span className="ml-2 rounded-full bg-amber-100 px-1.5 text-amber-950">
                    {t("returnedBadge", { count: a.returned })}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      </Section>
      {extra}
    </div>
  );
}
