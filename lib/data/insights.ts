import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import type { Verdict } from "@/lib/review/model";
import { dayOf, lastWeeks, startOfDay, weekStart } from "@/lib/search/dates";
import { getDb, queryRows } from "./connection";
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
  /** Time from the last submission to the approval, for approvals in each week. */
  approvalByWeek: { week: string; medianHours: number | null; count: number }[];
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

function topByVerdict(rows: { name: string; verdict: RatedVerdict; n: number }[], limit: number) {
  const map = new Map<string, { name: string; total: number } & VerdictCounts>();
  for (const row of rows) {
    const entry = map.get(row.name) ?? { name: row.name, total: 0, ...emptyCounts() };
    entry[row.verdict] += row.n;
    entry.total += row.n;
    map.set(row.name, entry);
  }
  return [...map.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, limit);
}

/** The figures of the insights page for the last `weeks` weeks, up to `now`. */
export async function getInsights({
  weeks = 12,
  now = new Date(),
}: { weeks?: number; now?: Date } = {}): Promise<Insights> {
  const timeZone = getEnv().TIME_ZONE;
  const weekList = lastWeeks(dayOf(now.getTime(), timeZone), weeks);
  const from = startOfDay(weekList[0]!, timeZone);
  const to = now.getTime() + 1;
  const weekOf = (ms: number) => weekStart(dayOf(ms, timeZone));
  const db = getDb();

  const rated = await queryRows<{
    rated_at: number;
    verdict: RatedVerdict;
    outlet: string | null;
    speaker: string | null;
  }>(
    db,
    sql`
    SELECT ${epochMs(sql`c.rated_at`)} AS rated_at, c.verdict, a.outlet, c.speaker
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.verdict <> 'unrated' AND c.rated_at >= ${timeParam(from)} AND c.rated_at < ${timeParam(to)}`,
  );

  const verdictsByWeek = weekList.map((week) => ({ week, ...emptyCounts() }));
  const weekIndex = new Map(weekList.map((w, i) => [w, i]));
  const outletRows: { name: string; verdict: RatedVerdict; n: number }[] = [];
  const speakerRows: { name: string; verdict: RatedVerdict; n: number }[] = [];
  for (const row of rated) {
    const i = weekIndex.get(weekOf(row.rated_at));
    if (i !== undefined) verdictsByWeek[i]![row.verdict] += 1;
    if (row.outlet) outletRows.push({ name: row.outlet, verdict: row.verdict, n: 1 });
    if (row.speaker) speakerRows.push({ name: row.speaker, verdict: row.verdict, n: 1 });
  }

  // Each approval paired with the submission that put the claim in the queue that time.
  const approvals = await queryRows<{ approved_at: number; submitted_at: number | null }>(
    db,
    sql`
    SELECT ${epochMs(sql`a.created_at`)} AS approved_at,
      ${epochMs(sql`(SELECT max(s.created_at) FROM claim_events s
        WHERE s.claim_id = a.claim_id AND s.type = 'submitted' AND s.id < a.id)`)} AS submitted_at
    FROM claim_events a
    WHERE a.type = 'approved' AND a.created_at >= ${timeParam(from)} AND a.created_at < ${timeParam(to)}`,
  );
  const waits = weekList.map(() => [] as number[]);
  const allWaits: number[] = [];
  for (const row of approvals) {
    if (row.submitted_at === null) continue;
    const wait = Math.max(0, row.approved_at - row.submitted_at);
    allWaits.push(wait);
    const i = weekIndex.get(weekOf(row.approved_at));
    if (i !== undefined) waits[i]!.push(wait);
  }
  const approvalByWeek = weekList.map((week, i) => {
    const m = median(waits[i]!);
    return {
      week,
      medianHours: m === null ? null : Math.round((m / 3_600_000) * 10) / 10,
      count: waits[i]!.length,
    };
  });

  const reviews = await queryRows<{
    actor_id: number;
    name: string;
    type: "approved" | "returned";
    created_at: number;
  }>(
    db,
    sql`
    SELECT e.actor_id, u.name, e.type, ${epochMs(sql`e.created_at`)} AS created_at
    FROM claim_events e JOIN users u ON u.id = e.actor_id
    WHERE e.type IN ('approved', 'returned') AND e.created_at >= ${timeParam(from)} AND e.created_at < ${timeParam(to)}`,
  );
  const reviewerMap = new Map<number, { id: number; name: string; total: number }>();
  const reviewsByWeek: ({ week: string } & Record<string, number | string>)[] = weekList.map((week) => ({
    week,
  }));
  for (const row of reviews) {
    const reviewer = reviewerMap.get(row.actor_id) ?? { id: row.actor_id, name: row.name, total: 0 };
    reviewer.total += 1;
    reviewerMap.set(row.actor_id, reviewer);
    const i = weekIndex.get(weekOf(row.created_at));
    if (i === undefined) continue;
    const key = `r${row.actor_id}`;
    const bucket = reviewsByWeek[i]!;
    bucket[key] = ((bucket[key] as number | undefined) ?? 0) + 1;
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
      rated: rated.length,
      approved: approvals.length,
      returned: reviews.filter((r) => r.type === "returned").length,
      medianApprovalMs: median(allWaits),
    },
    verdictsByWeek,
    byOutlet: topByVerdict(outletRows, 10),
    bySpeaker: topByVerdict(speakerRows, 10),
    approvalByWeek,
    reviewers,
    reviewsByWeek,
  };
}
