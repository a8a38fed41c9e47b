// The approval-time chart in the unit its figures need: minutes when claims wait minutes, so the
// bars are not slivers on an hours axis, days when they wait days.

export const DURATION_UNITS = ["minutes", "hours", "days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MS: Record<DurationUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** The unit in which the longest of the durations reads best: minutes under 2 h, days from 3 days. */
export function durationUnit(values: (number | null)[]): DurationUnit {
  const longest = Math.max(0, ...values.map((v) => v ?? 0));
  if (longest < 2 * MS.hours) return "minutes";
  if (longest < 3 * MS.days) return "hours";
  return "days";
}

/** A duration in milliseconds, in the unit, to one decimal (whole minutes). */
export function inUnit(ms: number, unit: DurationUnit): number {
  const value = ms / MS[unit];
  return unit === "minutes" ? Math.round(value) : Math.round(value * 10) / 10;
}

/** The chart's rows: each week's median in one unit for all, null where nothing was approved. */
export function approvalChartRows<T extends { medianMs: number | null }>(rows: T[]) {
  const unit = durationUnit(rows.map((r) => r.medianMs));
  return {
    unit,
    rows: rows.map((r) => ({ ...r, median: r.medianMs === null ? null : inUnit(r.medianMs, unit) })),
  };
}
