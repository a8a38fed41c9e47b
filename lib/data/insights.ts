import "server-only";
import { and, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { articles, claimEvents, claims, users } from "@/lib/data/tables";
import { getEnv } from "@/lib/env";
import type { Verdict } from "@/lib/review/model";
import { dayOf, lastWeeks, startOfDay } from "@/lib/search/dates";
import { cachedUntilWrite, getDb, queryRows } from "./connection";
import { epochMs, timeParam } from "./dialect";

export const INSIGHT_RANGES = [4, 12, 26, 52] as const;
export type InsightRange = (typeof INSIGHT_RANGES)[number];

type RatedVerdict = Exclude<Verdict, "unrated">;
export type VerdictCounts = Record<RatedVerdict, number>;

export type Insights = {
  /** Mondays of the weeks shown, oldest first ("YYYY-MM-DD", in TIME_ZONE). */
  weeks: string[];
  from: Date;
  to: Date;
  totals: { rated: number; approved: number; returned: number; medianApprovalMs: number | null };
  /** Claims by the week their current verdict was set. */
  verdictsByWeek: ({ week: string } & VerdictCounts)[];
  /** Top 10 outlets and speakers by claims rated in the period. */
  byOutlet: ({ name: string; total: number } & VerdictCounts)[];
  bySpeaker: ({ name: string; total: number } & VerdictCounts)[];
  /** Time from the last submission to the approval, for approvals in each week (null: none). */
  approvalByWeek: { week: string; medianMs: number | null; count: number }[];
  /** Claims approved or returned by each reviewer, per week. */
  reviewers: { id: number; name: string; total: number }[];
  reviewsByWeek: ({ week: string } & Record<string, number | string>)[];
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function emptyCounts(): VerdictCounts {
  return { confirmed: 0, disputed: 0, uncommented: 0 };
}

function topByVerdict(rows: { name: string | null; verdict: Verdict; n: number }[], limit: number) {
  const map = new Map<string, { name: string; total: number } & VerdictCounts>();
  for (const row of rows) {
    if (row.name === null || row.verdict === "unrated") continue;
    const entry = map.get(row.name) ?? { name: row.name, total: 0, ...emptyCounts() };
    entry[row.verdict] += row.n;
    entry.total += row.n;
    map.set(row.name, entry);
  }
  return [...map.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * The index of the week an instant falls in, computed by the database: `starts` are the instants
 * the weeks begin (in TIME_ZONE, so a week around a clock change is not 7 × 24 h), oldest first,
 * and the caller keeps the column within [starts[0], end). Nested CASE halving the weeks (six
 * comparisons for 52 weeks instead of up to 51): plain SQL, the same in SQLite and PostgreSQL
 * (the instants as each stores times, lib/data/dialect.ts).
 */
function weekBucket(column: SQL, starts: number[], lo = 0, hi = starts.length): SQL {
  if (hi - lo <= 1) return sql.raw(String(lo));
  const mid = (lo + hi) >> 1;
  return sql`(CASE WHEN ${column} < ${timeParam(starts[mid]!)} THEN ${weekBucket(column, starts, lo, mid)} ELSE ${weekBucket(column, starts, mid, hi)} END)`;
}

/** Lets the server answer other requests between two statements of a long read. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The figures of the insights page for the last `weeks` weeks, up to `now`: kept until the next
 * write to the database (the figures change only with writes), so views in between cost nothing
 * and views arriving together share one computation.
 */
export async function getInsights({
  weeks = 12,
  now = new Date(),
}: { weeks?: number; now?: Date } = {}): Promise<Insights> {
  const day = dayOf(now.getTime(), getEnv().TIME_ZONE);
  let figures: Insights;
  try {
    figures = await cachedUntilWrite(`insights:${weeks}:${day}`, () => computeInsights({ weeks, now }));
  } catch {
    // A failed computation stays in the cache until the next write: compute afresh instead.
    figures = await computeInsights({ weeks, now });
  }
  return { ...figures, to: new Date(now.getTime()) };
}

/** The figures, computed afresh (getInsights keeps them until the next write). */
export async function computeInsights({
  weeks = 12,
  now = new Date(),
}: { weeks?: number; now?: Date } = {}): Promise<Insights> {
  const timeZone = getEnv().TIME_ZONE;
  const weekList = lastWeeks(dayOf(now.getTime(), timeZone), weeks);
  const starts = weekList.map((week) => startOfDay(week, timeZone));
  const from = starts[0]!;
  const to = now.getTime() + 1;
  const db = getDb();

  // Everything below is aggregated by the database: a handful of rows per week come back, never a
  // row per claim or event. Buckets are 0 … weeks - 1, the positions in weekList.
  const ratedInPeriod = and(
    ne(claims.verdict, "unrated"),
    gte(claims.ratedAt, new Date(from)),
    lt(claims.ratedAt, new Date(to)),
  );
  const ratedWeek = weekBucket(sql`${claims.ratedAt}`, starts);
  const n = sql<number>`count(*)`.mapWith(Number);

  const verdictRows = await db
    .select({ week: sql<number>`${ratedWeek}`.mapWith(Number), verdict: claims.verdict, n })
    .from(claims)
    .where(ratedInPeriod)
    .groupBy(sql`1`, claims.verdict);
  const verdictsByWeek = weekList.map((week) => ({ week, ...emptyCounts() }));
  let ratedTotal = 0;
  for (const row of verdictRows) {
    if (row.verdict === "unrated") continue;
    verdictsByWeek[row.week]![row.verdict] += row.n;
    ratedTotal += row.n;
  }

  await yieldToOthers();

  // Counted per article first (from the index alone), then summed by outlet: one article lookup
  // per article and verdict instead of one per claim.
  const perArticle = db
    .select({ articleId: claims.articleId, verdict: claims.verdict, n: sql<number>`count(*)`.as("n") })
    .from(claims)
    .where(ratedInPeriod)
    .groupBy(claims.articleId, claims.verdict)
    .as("per_article");
  const outletRows = await db
    .select({
      name: articles.outlet,
      verdict: perArticle.verdict,
      n: sql<number>`sum(${perArticle.n})`.mapWith(Number),
    })
    .from(perArticle)
    .innerJoin(articles, eq(articles.id, perArticle.articleId))
    .where(isNotNull(articles.outlet))
    .groupBy(articles.outlet, perArticle.verdict);
  await yieldToOthers();
  const speakerRows = await db
    .select({ name: claims.speaker, verdict: claims.verdict, n })
    .from(claims)
    .where(and(ratedInPeriod, isNotNull(claims.speaker)))
    .groupBy(claims.speaker, claims.verdict);
  await yieldToOthers();

  // Each approval paired with the submission that put the claim in the queue that time; the median
  // wait per week and over the period, by window functions (standard SQL; PostgreSQL has them too;
  // MATERIALIZED, in both, computes each wait once for the two rankings).
  const approvalWeek = weekBucket(sql`a.created_at`, starts);
  const medians = await queryRows<{ week: number | null; count: number; median: number }>(
    db,
    sql`
    WITH waits AS MATERIALIZED (
      SELECT ${approvalWeek} AS week,
        ${epochMs(sql`a.created_at`)} - ${epochMs(sql`(SELECT max(s.created_at) FROM claim_events s
          WHERE s.claim_id = a.claim_id AND s.type = 'submitted' AND s.id < a.id)`)} AS wait
      FROM claim_events a
      WHERE a.type = 'approved' AND a.created_at >= ${timeParam(from)} AND a.created_at < ${timeParam(to)}
    ),
    ranked AS (
      SELECT week, wait,
        row_number() OVER (PARTITION BY week ORDER BY wait) AS rn,
        count(*) OVER (PARTITION BY week) AS n,
        row_number() OVER (ORDER BY wait) AS rn_all,
        count(*) OVER () AS n_all
      FROM waits WHERE wait IS NOT NULL
    )
    SELECT week, n AS count, avg(wait) AS median FROM ranked
      WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY week, n
    UNION ALL
    SELECT NULL, n_all, avg(wait) FROM ranked
      WHERE rn_all IN ((n_all + 1) / 2, (n_all + 2) / 2) GROUP BY n_all`,
  );
  const approvalByWeek: Insights["approvalByWeek"] = weekList.map((week) => ({
    week,
    medianMs: null,
    count: 0,
  }));
  let medianApprovalMs: number | null = null;
  for (const row of medians) {
    // A wait is never negative (clocks of different servers aside).
    const median = Math.max(0, Number(row.median));
    if (row.week === null) medianApprovalMs = median;
    else approvalByWeek[row.week] = { week: weekList[row.week]!, medianMs: median, count: Number(row.count) };
  }

  await yieldToOthers();

  // Counted per reviewer, type and week from the index alone, then named.
  const perReviewer = db
    .select({
      actorId: claimEvents.actorId,
      type: claimEvents.type,
      week: sql<number>`${weekBucket(sql`${claimEvents.createdAt}`, starts)}`.as("week"),
      n: sql<number>`count(*)`.as("n"),
    })
    .from(claimEvents)
    .where(
      and(
        inArray(claimEvents.type, ["approved", "returned"]),
        gte(claimEvents.createdAt, new Date(from)),
        lt(claimEvents.createdAt, new Date(to)),
      ),
    )
    .groupBy(claimEvents.actorId, claimEvents.type, sql`3`)
    .as("per_reviewer");
  const reviews = await db
    .select({
      id: perReviewer.actorId,
      name: users.name,
      type: perReviewer.type,
      week: sql<number>`${perReviewer.week}`.mapWith(Number),
      n: sql<number>`${perReviewer.n}`.mapWith(Number),
    })
    .from(perReviewer)
    .innerJoin(users, eq(users.id, perReviewer.actorId));
  const reviewerMap = new Map<number, { id: number; name: string; total: number }>();
  const reviewsByWeek: ({ week: string } & Record<string, number | string>)[] = weekList.map((week) => ({
    week,
  }));
  const reviewTotals = { approved: 0, returned: 0 };
  for (const row of reviews) {
    const reviewer = reviewerMap.get(row.id) ?? { id: row.id, name: row.name, total: 0 };
    reviewer.total += row.n;
    reviewerMap.set(row.id, reviewer);
    if (row.type === "approved" || row.type === "returned") reviewTotals[row.type] += row.n;
    const key = `r${row.id}`;
    const bucket = reviewsByWeek[row.week]!;
    bucket[key] = ((bucket[key] as number | undefined) ?? 0) + row.n;
  }
  const reviewers = [...reviewerMap.values()].sort(
    (a, b) => b.total - a.total || a.name.localeCompare(b.name),
  );
  for (const bucket of reviewsByWeek) for (const r of reviewers) bucket[`r${r.id}`] ??= 0;

  return {
    weeks: weekList,
    from: new Date(from),
    to: new Date(now.getTime()),
    totals: {
      rated: ratedTotal,
      approved: reviewTotals.approved,
      returned: reviewTotals.returned,
      medianApprovalMs,
    },
    verdictsByWeek,
    byOutlet: topByVerdict(outletRows, 10),
    bySpeaker: topByVerdict(speakerRows, 10),
    approvalByWeek,
    reviewers,
    reviewsByWeek,
  };
}
