import { describe, expect, it } from "vitest";
import { approvalChartRows, durationUnit, inUnit } from "./insights-duration";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("the approval-time chart's unit", () => {
  it("draws waits of minutes in minutes, so the bars are not slivers on an hours axis", () => {
    const { unit, rows } = approvalChartRows([
      { week: "2026-11-16", medianMs: 12 * MINUTE },
      { week: "2026-11-23", medianMs: null },
      { week: "2026-11-30", medianMs: 45 * MINUTE },
    ]);
    expect(unit).toBe("minutes");
    expect(rows.map((r) => r.median)).toEqual([12, null, 45]);
  });

  it("switches to hours, then days, as the longest wait grows", () => {
    expect(durationUnit([30 * MINUTE, 5 * HOUR])).toBe("hours");
    expect(durationUnit([90 * HOUR])).toBe("days");
    expect(durationUnit([null, null])).toBe("minutes");
    expect(inUnit(90 * MINUTE, "hours")).toBe(1.5);
    expect(inUnit(36 * HOUR, "days")).toBe(1.5);
  });
});
