import { describe, expect, it } from "vitest";
import { BUTTON_SIZES, BUTTON_VARIANTS, buttonClass } from "./button-class";
import { cn } from "./cn";

describe("buttonClass", () => {
  it("joins to what tailwind-merge would give (its parts never set one property twice)", () => {
    for (const variant of BUTTON_VARIANTS) {
      for (const size of BUTTON_SIZES) {
        const classes = buttonClass(variant, size);
        expect(cn(classes), `${variant} ${size}`).toBe(classes);
        expect(classes.split(" ")).toContain("inline-flex");
      }
    }
    expect(buttonClass()).toBe(buttonClass("primary", "md"));
  });
});
