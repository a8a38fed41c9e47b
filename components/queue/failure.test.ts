import { describe, expect, it } from "vitest";
import en from "@/messages/en/queue.json";
import { decidedElsewhere, describeFailure, type Failure } from "./failure";

// A tiny stand-in for next-intl's translator over the English catalog, enough for plain placeholders.
function t(key: string, values: Record<string, string | number | Date> = {}): string {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en.queue);
  return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
const time = () => "14:02";

const failure = (extra: Partial<Failure>): Failure => ({
  ok: false,
  code: "internal",
  message: "",
  ...extra,
});

describe("describeFailure", () => {
  it("names who decided the claim first", () => {
    const approved = failure({ code: "wrong_stage", details: { decision: "approved", by: "Ben Okafor" } });
    expect(describeFailure(t, approved, time)).toBe("Already approved by Ben Okafor.");
    expect(decidedElsewhere(approved)).toBe(true);
    const returned = failure({ code: "wrong_stage", details: { decision: "returned", by: "Chloé" } });
    expect(describeFailure(t, returned, time)).toBe("Already returned by Chloé.");
  });

  it("says who is reviewing a claim and since when", () => {
    const taken = failure({
      code: "conflict",
      details: { decision: "taken", by: "Ben", at: "2026-11-24T13:02:00Z" },
    });
    expect(describeFailure(t, taken, time)).toBe("Ben is reviewing this since 14:02.");
    expect(decidedElsewhere(taken)).toBe(false);
  });

  it("explains four eyes and a missing note in the reader's words", () => {
    expect(describeFailure(t, failure({ code: "four_eyes" }), time)).toBe(
      "You rated this claim; another reviewer must approve it.",
    );
    const noNote = failure({ code: "invalid_input", fieldErrors: { note: ["noteRequired"] } });
    expect(describeFailure(t, noNote, time)).toBe("Write a note: the editor needs to know what to fix.");
  });

  it("keeps a changed claim in the list and falls back to a generic message", () => {
    const changed = failure({ code: "conflict", details: { by: "Eve" } });
    expect(decidedElsewhere(changed)).toBe(false);
    expect(describeFailure(t, changed, time)).toContain("Changed by Eve meanwhile");
    expect(describeFailure(t, failure({ code: "internal" }), time)).toBe(
      "Something went wrong on our side. Nothing was saved.",
    );
  });
});
