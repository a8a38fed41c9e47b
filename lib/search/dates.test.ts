import { describe, expect, it } from "vitest";
import { dayOf, endOfDay, lastWeeks, startOfDay, weekStart } from "./dates";

describe("dates in the newsroom's time zone", () => {
  it("starts a Paris day at 23:00 or 22:00 UTC the day before, by season", () => {
    expect(new Date(startOfDay("2026-01-15", "Europe/Paris")).toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(new Date(startOfDay("2026-07-15", "Europe/Paris")).toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(new Date(endOfDay("2026-03-29", "Europe/Paris")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("gives the Paris calendar day of an instant", () => {
    expect(dayOf(Date.parse("2026-11-24T23:30:00Z"), "Europe/Paris")).toBe("2026-11-25");
    expect(dayOf(Date.parse("2026-11-24T23:30:00Z"), "UTC")).toBe("2026-11-24");
  });

  it("starts weeks on Monday", () => {
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(lastWeeks("2026-11-25", 3)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });

  it("builds one date formatter per zone, not one per date", () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built += 1;
      }
    } as typeof Original;
    try {
      for (let i = 0; i < 50; i++) dayOf(Date.parse("2026-11-24T23:30:00Z") + i * 3_600_000, "Asia/Kolkata");
      expect(built).toBeLessThanOrEqual(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
