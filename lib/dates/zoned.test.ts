import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSummary } from "@/lib/export/summary";
import { makeClaim, makeInput } from "@/test/export-fixtures";
import * as searchDates from "@/lib/search/dates";
import { addDays, dateTimeFormat, dayOf, endOfDay, parseDay, startOfDay, zonedDayStartMs } from "./zoned";

const ZONES = ["Europe/Paris", "UTC", "America/New_York", "Pacific/Kiritimati", "Australia/Lord_Howe"];

describe("one implementation of the newsroom's days", () => {
  it("is what lib/search/dates exports", () => {
    expect(searchDates.dayOf).toBe(dayOf);
    expect(searchDates.startOfDay).toBe(startOfDay);
    expect(searchDates.endOfDay).toBe(endOfDay);
  });

  it("puts every instant in the day whose range holds it, in any zone", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const day = dayOf(ms, zone);
        expect(startOfDay(day, zone)).toBeLessThanOrEqual(ms);
        expect(endOfDay(day, zone)).toBeGreaterThan(ms);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the export the day the bulk export's range counts it in", () => {
    // Approved at 23:30 UTC on 24 November: the 25th in Paris, where the range and the export agree.
    const approvedAt = new Date("2026-11-24T23:30:00Z");
    const summary = buildSummary(makeInput([makeClaim({ id: 1, approvedAt })], { timeZone: "Europe/Paris" }));
    const item = summary.groups[0]!.claims[0]!;
    expect(item.approvedOn).toBe("2026-11-25");
    expect(approvedAt.getTime()).toBeGreaterThanOrEqual(startOfDay("2026-11-25", "Europe/Paris"));
    expect(approvedAt.getTime()).toBeLessThan(endOfDay("2026-11-25", "Europe/Paris"));
    expect(summary.generatedOn).toBe(dayOf(summary.generatedAt, "Europe/Paris"));
  });

  it("reuses its formatters instead of building one per call", () => {
    const options = { timeZone: "Europe/Paris", day: "numeric" } as const;
    expect(dateTimeFormat("fr-FR", options)).toBe(dateTimeFormat("fr-FR", { ...options }));
    expect(dateTimeFormat("fr-FR", options)).not.toBe(dateTimeFormat("en-GB", options));
  });

  it("refuses days that do not exist and counts days across months", () => {
    expect(parseDay("2026-02-29")).toBeNull();
    expect(zonedDayStartMs("2026-13-01", "UTC")).toBeNull();
    expect(() => startOfDay("24/11/2026", "UTC")).toThrow(RangeError);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});
