// Date helpers shared by the formatters. Instants become calendar days once, in buildSummary, in
// the newsroom's time zone (lib/dates/zoned.ts, the implementation search and insights use too);
// the formatters then only write calendar days, which are midnight UTC dates and formatted in UTC,
// so the same input gives the same text on every server, whatever its own time zone.
import { dateTimeFormat, dayOf, parseDay, zonedDayStartMs } from "@/lib/dates/zoned";

export function isValidDate(value: Date | null | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** "2026-11-25T09:30:00.000Z", or null for a missing or invalid date. */
export function isoDateTime(value: Date | null | undefined): string | null {
  return isValidDate(value) ? value.toISOString() : null;
}

/**
 * "2026-11-25": the calendar day a midnight-UTC date stands for (see parseIsoDate), or null for a
 * missing or invalid date. For the day of an instant, use zonedIsoDate.
 */
export function isoDate(value: Date | null | undefined): string | null {
  const iso = isoDateTime(value);
  return iso === null ? null : iso.slice(0, 10);
}

/** The calendar day of an instant in an IANA time zone, "YYYY-MM-DD", or null for an invalid date. */
export function zonedIsoDate(value: Date | null | undefined, timeZone: string): string | null {
  return isValidDate(value) ? dayOf(value, timeZone) : null;
}

/** Parses a "YYYY-MM-DD" calendar date as midnight UTC; null when it is not a real date. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  const ms = parseDay(value);
  return ms === null ? null : new Date(ms);
}

/**
 * A long, localised calendar date: "25 November 2026", "25 novembre 2026", "1er décembre 2026"
 * (French ordinal for the first of the month). The date is read in `timeZone`, UTC by default,
 * which is right for calendar days (parseIsoDate). Null for invalid dates.
 */
export function formatLongDate(
  value: Date | null | undefined,
  locale: string,
  timeZone = "UTC",
): string | null {
  if (!isValidDate(value)) return null;
  const formatter = dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone });
  const french = locale.toLowerCase().startsWith("fr");
  return formatter
    .formatToParts(value)
    .map((part) => (french && part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** formatLongDate of a "YYYY-MM-DD" calendar day; null when there is none. */
export function formatLongDay(day: string | null | undefined, locale: string): string | null {
  return formatLongDate(parseIsoDate(day), locale);
}

/**
 * The instant a calendar day ("YYYY-MM-DD") begins in an IANA time zone, so that "created on
 * 24 November" means the newsroom's 24 November, not UTC's. Null when the date is not real.
 */
export function zonedDayStart(date: string, timeZone: string): Date | null {
  const ms = zonedDayStartMs(date, timeZone);
  return ms === null ? null : new Date(ms);
}
