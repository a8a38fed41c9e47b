import { describe, expect, it } from "vitest";
import { networkFailure } from "@/components/ui/action";
import { decidedElsewhere, type Failure } from "./failure";

const failure = (extra: Partial<Failure>): Failure => ({
  ok: false,
  code: "internal",
  message: "",
  ...extra,
});

describe("decidedElsewhere", () => {
  it("drops a claim someone else approved, returned or deleted", () => {
    expect(
      decidedElsewhere(failure({ code: "wrong_stage", details: { decision: "approved", by: "Ben" } })),
    ).toBe(true);
    expect(
      decidedElsewhere(failure({ code: "wrong_stage", details: { decision: "returned", by: "Ben" } })),
    ).toBe(true);
    expect(decidedElsewhere(failure({ code: "not_found" }))).toBe(true);
  });

  it("keeps a claim that is only taken, changed, or that got no answer", () => {
    expect(decidedElsewhere(failure({ code: "conflict", details: { decision: "taken", by: "Ben" } }))).toBe(
      false,
    );
    expect(decidedElsewhere(failure({ code: "conflict", details: { by: "Ana" } }))).toBe(false);
    expect(decidedElsewhere(failure({ code: "four_eyes" }))).toBe(false);
    expect(decidedElsewhere(networkFailure())).toBe(false);
  });
});
