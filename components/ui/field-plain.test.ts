import { describe, expect, it } from "vitest";
import { BUTTON_SIZES, BUTTON_VARIANTS, buttonClass } from "./button-class";
import { joinClasses } from "./classes";
import { cn } from "./cn";
import { inputClass } from "./field-plain";

// The plain controls (./field-plain.tsx, ./button-plain.tsx) join their classes; with the classes
// the sign-in and article forms give them, that is what cn() (tailwind-merge) gives.
describe("the plain controls' classes", () => {
  it("inputs and selects, with the classes the forms add", () => {
    for (const extra of [undefined, "min-w-0 flex-1"])
      expect(joinClasses(inputClass, extra)).toBe(cn(inputClass, extra));
    expect(joinClasses(inputClass, "pr-8")).toBe(cn(inputClass, "pr-8"));
  });

  it("fields, placed in a grid or given a width", () => {
    for (const extra of [undefined, "sm:col-span-2", "w-48"])
      expect(joinClasses("space-y-1.5", extra)).toBe(cn("space-y-1.5", extra));
  });

  it("buttons, full width", () => {
    for (const variant of BUTTON_VARIANTS)
      for (const size of BUTTON_SIZES)
        for (const extra of [undefined, "w-full"])
          expect(joinClasses(buttonClass(variant, size), extra)).toBe(cn(buttonClass(variant, size), extra));
  });
});
