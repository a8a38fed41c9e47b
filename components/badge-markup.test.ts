import { describe, expect, it } from "vitest";
import { STAGES, VERDICTS } from "@/lib/review/model";
import { shownStage, stageBadgeClass, verdictBadgeClasses } from "./badge-markup";
import { cn } from "./ui/cn";
import { inputClass } from "./ui/input-class";

// The badges (and the search page's checker field) join their classes without tailwind-merge, so
// the server-rendered search results and the checker load no tailwind-merge: the result must be
// what cn() gives.
describe("badge classes", () => {
  it("join to what tailwind-merge would give", () => {
    for (const verdict of VERDICTS) {
      const { badge, dot } = verdictBadgeClasses(verdict);
      expect(cn(badge), verdict).toBe(badge);
      expect(cn(dot), verdict).toBe(dot);
      expect(badge).toContain(`text-${verdict}`);
    }
    for (const stage of [...STAGES, "returned" as const]) {
      const classes = stageBadgeClass(stage);
      expect(cn(classes), stage).toBe(classes);
    }
    expect(cn(inputClass)).toBe(inputClass);
  });

  it("show a returned draft as returned, and only a draft", () => {
    expect(shownStage("draft", true)).toBe("returned");
    expect(shownStage("draft", false)).toBe("draft");
    expect(shownStage("in_review", true)).toBe("in_review");
    expect(shownStage("approved", true)).toBe("approved");
  });
});
