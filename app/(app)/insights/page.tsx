import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StackedBars } from "@/components/insights-chart";
import { approvalChartRows } from "@/components/insights-duration";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/session";
import { CommentRequestInsights } from "@/components/comment-request-insights";
import { getInsights, INSIGHT_RANGES, type InsightRange } from "@/lib/data/insights";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insights");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The theme's verdict colours (app/globals.css), as SVG fills need them.
const VERDICT_COLOURS = { confirmed: "#1d7a46", disputed: "#b3261e", uncommented: "#8a5a00" } as const;
const REVIEWER_COLOURS = [
  "#1f4fd1",
  "#0f766e",
  "#9333ea",
  "#c2410c",
  "#4d7c0f",
  "#be185d",
  "#0369a1",
  "#57534e",
];

function parseRange(value: string | string[] | undefined): InsightRange {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (INSIGHT_RANGES as readonly number[]).includes(n) ? (n as InsightRange) : 12;
}

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const weeks = parseRange((await searchParams).weeks);
  const [data, t, format] = await Promise.all([getInsights({ weeks }), getTranslations(), getFormatter()]);
  const weekLabel = (week: string) =>
    format.dateTime(new Date(`${week}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const verdictSeries = (["confirmed", "disputed", "uncommented"] as const).map((v) => ({
    key: v,
    label: t(`verdicts.${v}`),
    color: VERDICT_COLOURS[v],
  }));
  const reviewerSeries = data.reviewers.slice(0, REVIEWER_COLOURS.length).map((r, i) => ({
    key: `r${r.id}`,
    label: r.name,
    color: REVIEWER_COLOURS[i]!,
  }));
  const verdictRows = data.verdictsByWeek.map((row) => ({ ...row, label: weekLabel(row.week) }));
  const approval = approvalChartRows(
    data.approvalByWeek.map((row) => ({ ...row, label: weekLabel(row.week) })),
  );
  const reviewRows: Record<string, string | number>[] = data.reviewsByWeek.map((row) => ({
    ...row,
    label: weekLabel(row.week),
  }));
  const medianLabel = t("insights.colMedian", { unit: t(`insights.unitNames.${approval.unit}`) });
  const hours = (ms: number | null) => (ms === null ? null : ms / 3_600_000);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("insights.title")}</h1>
          <p className="text-muted mt-1 text-sm">
            {t("insights.period", {
              from: format.dateTime(data.from, { dateStyle: "medium" }),
              to: format.dateTime(data.to, { dateStyle: "medium" }),
            })}
          </p>
        </div>
        <nav
          aria-label={t("insights.rangeLabel")}
          className="border-line inline-flex max-w-full flex-wrap rounded-md border bg-white p-0.5"
        >
          {INSIGHT_RANGES.map((range) => (
            <Link
              key={range}
              href={range === 12 ? "/insights" : `/insights?weeks=${range}`}
              aria-current={range === weeks ? "page" : undefined}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium",
                range === weeks ? "bg-ink text-white" : "text-muted hover:text-ink",
              )}
            >
              {t("insights.weeks", { count: range })}
            </Link>
          ))}
        </nav>
      </div>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label={t("insights.statRated")} value={format.number(data.totals.rated)} />
        <Stat label={t("insights.statApproved")} value={format.number(data.totals.approved)} />
        <Stat label={t("insights.statReturned")} value={format.number(data.totals.returned)} />
        <Stat
          label={t("insights.statMedian")}
          value={
            data.totals.medianApprovalMs === null ? "—" : duration(hours(data.totals.medianApprovalMs)!, t)
          }
        />
      </dl>

      <div className="grid items-start gap-6 xl:grid-cols-2">
        <ChartCard
          id="verdicts-over-time"
          title={t("insights.verdictsTitle")}
          description={t("insights.verdictsText")}
          empty={data.totals.rated === 0 ? t("insights.empty") : null}
          table={{
            head: [t("insights.colWeek"), ...verdictSeries.map((s) => s.label)],
            rows: verdictRows.map((r) => [r.label, r.confirmed, r.disputed, r.uncommented]),
          }}
        >
          <StackedBars data={verdictRows} categoryKey="label" series={verdictSeries} />
        </ChartCard>

        <ChartCard
          id="approval-time"
          title={t("insights.approvalTitle")}
          description={t("insights.approvalText")}
          empty={data.totals.approved === 0 ? t("insights.empty") : null}
          table={{
            head: [t("insights.colWeek"), medianLabel, t("insights.colApprovals")],
            rows: approval.rows.map((r) => [r.label, r.median ?? "—", r.count]),
          }}
        >
          <StackedBars
            data={approval.rows}
            categoryKey="label"
            series={[{ key: "median", label: medianLabel, color: "#1f4fd1" }]}
            unit={t(`insights.unitShort.${approval.unit}`)}
            legend={false}
          />
        </ChartCard>

        <ChartCard
          id="by-outlet"
          title={t("insights.outletTitle")}
          description={t("insights.outletText")}
          empty={data.byOutlet.length === 0 ? t("insights.emptyOutlets") : null}
          table={{
            head: [t("insights.colOutlet"), ...verdictSeries.map((s) => s.label), t("insights.colTotal")],
            rows: data.byOutlet.map((r) => [r.name, r.confirmed, r.disputed, r.uncommented, r.total]),
          }}
        >
          <StackedBars
            data={data.byOutlet}
            categoryKey="name"
            series={verdictSeries}
            horizontal
            height={Math.max(160, 64 + data.byOutlet.length * 32)}
          />
        </ChartCard>

        <ChartCard
          id="by-speaker"
          title={t("insights.speakerTitle")}
          description={t("insights.speakerText")}
          empty={data.bySpeaker.length === 0 ? t("insights.empty") : null}
          table={{
            head: [t("insights.colSpeaker"), ...verdictSeries.map((s) => s.label), t("insights.colTotal")],
            rows: data.bySpeaker.map((r) => [r.name, r.confirmed, r.disputed, r.uncommented, r.total]),
          }}
        >
          <StackedBars
            data={data.bySpeaker}
            categoryKey="name"
            series={verdictSeries}
            horizontal
            height={Math.max(160, 64 + data.bySpeaker.length * 32)}
          />
        </ChartCard>

        <ChartCard
          id="reviewers"
          title={t("insights.reviewersTitle")}
          description={t("insights.reviewersText")}
          empty={data.reviewers.length === 0 ? t("insights.empty") : null}
          className="xl:col-span-2"
          table={{
            head: [t("insights.colWeek"), ...reviewerSeries.map((s) => s.label)],
            rows: reviewRows.map((r) => [
              String(r.label),
              ...reviewerSeries.map((s) => Number(r[s.key] ?? 0)),
            ]),
          }}
        >
          <StackedBars data={reviewRows} categoryKey="label" series={reviewerSeries} />
        </ChartCard>
      </div>
      <CommentRequestInsights />
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function duration(hours: number, t: Translate): string {
  if (hours < 1) return t("insights.minutes", { count: Math.max(1, Math.round(hours * 60)) });
  if (hours < 48) return t("insights.hours", { count: Math.round(hours * 10) / 10 });
  return t("insights.days", { count: Math.round((hours / 24) * 10) / 10 });
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="border-line rounded-lg border bg-white px-4 py-3">
      <dt className="text-muted text-xs font-medium">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

async function ChartCard({
  id,
  title,
  description,
  empty,
  table,
  className,
  children,
}: {
  id: string;
  title: string;
  description: string;
  empty: string | null;
  table: { head: string[]; rows: (string | number)[][] };
  className?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("insights");
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn("border-line rounded-lg border bg-white p-4", className)}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      <p className="text-muted mt-0.5 text-sm">{description}</p>
      <div className="mt-4">
        {empty ? (
          <p className="text-muted flex h-40 items-center justify-center rounded-md bg-slate-50 text-sm">
            {empty}
          </p>
        ) : (
          <figure aria-label={title}>{children}</figure>
        )}
      </div>
      {!empty ? (
        <details className="mt-3 text-sm">
          <summary className="text-accent cursor-pointer font-medium">{t("showData")}</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-xs">
              <caption className="sr-only">{title}</caption>
              <thead className="text-muted">
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col" className="py-1 pr-4 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {table.rows.map((row, i) => (
                  <tr key={i} className="border-line border-t">
                    {row.map((cell, j) => (
                      <td key={j} className="py-1 pr-4">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
