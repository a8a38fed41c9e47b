// Date helpers shared by the formatters. All calendar arithmetic is in UTC so that the same
// input gives the same text on every server, whatever its time zone.

export function isValidDate(value: Date | null | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** "2026-11-25T09:30:00.000Z", or null for a missing or invalid date. */
export function isoDateTime(value: Date | null | undefined): string | null {
  return isValidDate(value) ? value.toISOString() : null;
}

/** "2026-11-25" (UTC calendar day), or null for a missing or invalid date. */
export function isoDate(value: Date | null | undefined): string | null {
  const iso = isoDateTime(value);
  return iso === null ? null : iso.slice(0, 10);
}

/** Parses a "YYYY-MM-DD" calendar date as midnight UTC; null when it is not a real date. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  if (value == null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2026-02-31 over to March: refuse instead.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A long, localised calendar date in UTC: "25 November 2026", "25 novembre 2026",
 * "1er décembre 2026" (French ordinal for the first of the month). Null for invalid dates.
 */
export function formatLongDate(value: Date | null | undefined, locale: string): string | null {
  if (!isValidDate(value)) return null;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formatters.set(locale, formatter);
  }
  const french = locale.toLowerCase().startsWith("fr");
  return formatter
    .formatToParts(value)
    .map((part) => (french && part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a calendar day ("YYYY-MM-DD") begins in an IANA time zone, so that "created on
 * 24 November" means the newsroom's 24 November, not UTC's. Null when the date is not real.
 */
export function zonedDayStart(date: string, timeZone: string): Date | null {
  const midnight = parseIsoDate(date);
  if (!midnight) return null;
  const utc = midnight.getTime();
  // Two rounds settle days on which the offset changes (daylight saving time).
  const guess = utc - zoneOffset(utc, timeZone);
  return new Date(utc - zoneOffset(guess, timeZone));
}
