import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/review/model";
import { VERDICT_STYLES } from "./badge-markup";
import { DRAFT_MARK, markClass, suggestionClass } from "./reader-classes";
import { cn } from "./ui/cn";

// The reader joined its highlights' classes with cn() (tailwind-merge) before; the plain join must
// give the browser the same classes, for every combination.
const classes = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

describe("the article reader's highlight classes", () => {
  it("are cn()'s for every verdict, overlap, selection and draft", () => {
    for (const verdict of VERDICTS)
      for (const overlap of [false, true])
        for (const selected of [false, true])
          for (const inDraft of [false, true]) {
            const merged = cn(
              "text-ink cursor-pointer rounded-[3px] px-px underline decoration-2 underline-offset-4 transition-colors",
              VERDICT_STYLES[verdict].mark,
              overlap && "decoration-double",
              selected && "outline-accent outline-2 outline-offset-1",
              inDraft && DRAFT_MARK,
            );
            expect(classes(markClass({ verdict, overlap, selected, inDraft })), merged).toEqual(
              classes(merged),
            );
          }
  });

  it("are cn()'s for a suggestion, focused or not, in the draft or not", () => {
    for (const focused of [false, true])
      for (const inDraft of [false, true]) {
        const merged = cn(
          "decoration-accent/60 cursor-pointer underline decoration-dotted decoration-2 underline-offset-4",
          focused && "bg-accent/10",
          inDraft && DRAFT_MARK,
        );
        expect(classes(suggestionClass({ focused, inDraft }))).toEqual(classes(merged));
      }
  });

  it("keep a verdict's colour and drop its background under the draft", () => {
    const joined = classes(markClass({ verdict: "disputed", overlap: false, selected: true, inDraft: true }));
    expect(joined).toContain("decoration-disputed");
    expect(joined).not.toContain("bg-disputed-bg");
    expect(joined).toContain("bg-accent/20");
  });
});
