import { describe, expect, it } from "vitest";
import { OWNER_SELECT_CLASS } from "./assign-owner";
import { inputClass } from "./ui/input-class";
import { cn } from "./ui/cn";

describe("the owner picker's classes", () => {
  it("are those cn() merged: the text field's, narrower and shorter", () => {
    const classes = (s: string) => new Set(s.split(/\s+/));
    expect(classes(OWNER_SELECT_CLASS)).toEqual(classes(cn(inputClass, "w-auto py-1 text-sm")));
  });
});
