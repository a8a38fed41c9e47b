// Calendar days and weeks of the newsroom's time zone (TIME_ZONE), as UTC milliseconds.

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at a given instant, in milliseconds. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a calendar day ("2026-11-24") begins in the zone. */
export function startOfDay(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const first = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  // Once more with the offset at the found instant, for days on which the clocks change.
  return midnightUtc - zoneOffsetMs(first, timeZone);
}

/** The instant the day after `day` begins: the exclusive end of a "to" filter. */
export function endOfDay(day: string, timeZone: string): number {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 36 * 3600 * 1000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}

/** The calendar day of an instant in the zone, "YYYY-MM-DD". */
export function dayOf(utcMs: number, timeZone: string): string {
  return new Date(utcMs + zoneOffsetMs(utcMs, timeZone)).toISOString().slice(0, 10);
}

/** The Monday that starts the week of a calendar day, "YYYY-MM-DD". */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** `count` consecutive Mondays ending with the week of `lastDay`, oldest first. */
export function lastWeeks(lastDay: string, count: number): string[] {
  const last = Date.parse(`${weekStart(lastDay)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(last - (count - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}
