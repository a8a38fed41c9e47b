// The one implementation of calendar days in the newsroom's time zone (TIME_ZONE), on Intl only.
// Search filters, insights, the bulk export's range and the dates written in exports all use it,
// so a claim approved at 23:30 UTC on 24 November is "25 November" in Paris everywhere.
//
// Instants are UTC milliseconds (or Date); calendar days are "YYYY-MM-DD" strings. The
// Intl.DateTimeFormat objects are built once per locale, zone and options and then reused: building
// one costs far more than formatting with it, and some callers format a date per row.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat: one per locale and set of options, for the life of the process. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const DAY_MS = 86_400_000;

function wallClock(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallClock(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Midnight UTC of a real "YYYY-MM-DD" calendar day, in milliseconds; null for anything else. */
export function parseDay(day: string | null | undefined): number | null {
  if (day == null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-31 over to March: refuse instead.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return ms;
}

/** The calendar day `days` after (or before, when negative) a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const ms = parseDay(day);
  if (ms === null) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a calendar day begins in the zone; null when the day is not real. */
export function zonedDayStartMs(day: string, timeZone: string): number | null {
  const midnightUtc = parseDay(day);
  if (midnightUtc === null) return null;
  // Twice: the second round uses the offset at the instant found, for days on which clocks change.
  const first = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  return midnightUtc - zoneOffsetMs(first, timeZone);
}

/** The instant a calendar day ("2026-11-24") begins in the zone. Throws on a day that is not real. */
export function startOfDay(day: string, timeZone: string): number {
  const start = zonedDayStartMs(day, timeZone);
  if (start === null) throw new RangeError(`Not a calendar day: ${day}`);
  return start;
}

/** The instant the day after `day` begins: the exclusive end of a "to" filter. */
export function endOfDay(day: string, timeZone: string): number {
  return startOfDay(addDays(day, 1), timeZone);
}

/** The calendar day of an instant in the zone, "YYYY-MM-DD". */
export function dayOf(instant: number | Date, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/** The Monday that starts the week of a calendar day, "YYYY-MM-DD". */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** `count` consecutive Mondays ending with the week of `lastDay`, oldest first. */
export function lastWeeks(lastDay: string, count: number): string[] {
  const last = Date.parse(`${weekStart(lastDay)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(last - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
}
