import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLongDate, isoDate, isoDateTime, parseIsoDate, zonedDayStart } from "./dates";
import { makeClaim, makeInput } from "@/test/export-fixtures";

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("formatLongDate", () => {
  it("writes long dates in English and French", () => {
    const date = new Date("2026-11-25T10:00:00Z");
    expect(formatLongDate(date, "en-GB")).toBe("25 November 2026");
    expect(formatLongDate(date, "fr-FR")).toBe("25 novembre 2026");
  });

  it("writes the first of the month as an ordinal in French", () => {
    const date = new Date("2026-12-01T10:00:00Z");
    expect(formatLongDate(date, "fr-FR")).toBe("1er décembre 2026");
    expect(formatLongDate(date, "en-GB")).toBe("1 December 2026");
    expect(formatLongDate(new Date("2026-12-11T10:00:00Z"), "fr-FR")).toBe("11 décembre 2026");
  });

  it.each(["Pacific/Kiritimati", "Pacific/Honolulu"])(
    "uses the UTC day when the server runs in %s",
    async (tz) => {
      process.env.TZ = tz;
      // Fresh modules, so that no formatter cached under another time zone is reused.
      vi.resetModules();
      const { formatLongDate, isoDate } = await import("./dates");
      const { toMarkdown } = await import("./markdown");
      const lateEvening = new Date("2026-11-25T23:30:00Z");
      const earlyMorning = new Date("2026-11-25T00:30:00Z");
      expect(formatLongDate(lateEvening, "en-GB")).toBe("25 November 2026");
      expect(formatLongDate(earlyMorning, "fr-FR")).toBe("25 novembre 2026");
      expect(isoDate(lateEvening)).toBe("2026-11-25");
      const claim = makeClaim({ id: 1, ratedAt: lateEvening, approvedAt: earlyMorning });
      expect(toMarkdown(makeInput([claim], { language: "en", timeZone: "UTC" }))).toContain(
        "*Rated by Ana on 25 November 2026 · approved by Ben on 25 November 2026*",
      );
      // The newsroom's day, not the server's: 23:30 UTC is already the 26th in Paris.
      expect(toMarkdown(makeInput([claim], { language: "en", timeZone: "Europe/Paris" }))).toContain(
        "*Rated by Ana on 26 November 2026 · approved by Ben on 25 November 2026*",
      );
    },
  );

  it("returns null for a missing or invalid date", () => {
    expect(formatLongDate(null, "en-GB")).toBeNull();
    expect(formatLongDate(new Date(Number.NaN), "en-GB")).toBeNull();
  });
});

describe("ISO dates", () => {
  it("writes timestamps and calendar days in ISO 8601", () => {
    const date = new Date("2026-11-25T09:30:00Z");
    expect(isoDateTime(date)).toBe("2026-11-25T09:30:00.000Z");
    expect(isoDate(date)).toBe("2026-11-25");
    expect(isoDateTime(null)).toBeNull();
    expect(isoDateTime(new Date("garbage"))).toBeNull();
  });

  it("parses only real YYYY-MM-DD dates", () => {
    expect(parseIsoDate("2026-11-24")?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(parseIsoDate("2028-02-29")).not.toBeNull();
    expect(parseIsoDate("2026-02-29")).toBeNull();
    expect(parseIsoDate("2026-13-01")).toBeNull();
    expect(parseIsoDate("24/11/2026")).toBeNull();
    expect(parseIsoDate("2026-11-24T10:00:00Z")).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
});

describe("zonedDayStart", () => {
  it("finds midnight of the newsroom's day in winter and in summer", () => {
    expect(zonedDayStart("2026-11-24", "Europe/Paris")?.toISOString()).toBe("2026-11-23T23:00:00.000Z");
    expect(zonedDayStart("2026-07-14", "Europe/Paris")?.toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(zonedDayStart("2026-11-24", "UTC")?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(zonedDayStart("2026-11-24", "America/New_York")?.toISOString()).toBe("2026-11-24T05:00:00.000Z");
  });

  it("handles the days on which the clocks change", () => {
    expect(zonedDayStart("2026-03-29", "Europe/Paris")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(zonedDayStart("2026-03-30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(zonedDayStart("2026-10-25", "Europe/Paris")?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(zonedDayStart("2026-10-26", "Europe/Paris")?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    expect(zonedDayStart("2026-02-31", "Europe/Paris")).toBeNull();
    expect(zonedDayStart("24/11/2026", "Europe/Paris")).toBeNull();
  });
});
