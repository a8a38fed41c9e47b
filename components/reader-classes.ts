// The classes of the article reader's highlights, joined without tailwind-merge (the reader is in
// the article page's first load): where two parts would set the same property, the one cn() would
// keep is chosen here, and reader-classes.test.ts checks the result against cn()'s.
import type { Verdict } from "@/lib/review/model";
import { VERDICT_STYLES } from "./badge-markup";
import { joinClasses } from "./ui/classes";

const MARK =
  "text-ink cursor-pointer rounded-[3px] px-px underline decoration-2 underline-offset-4 transition-colors";
const OUTLINE = "outline-accent outline-2 outline-offset-1";
/** The words the open claim form is anchored to. */
export const DRAFT_MARK = `bg-accent/20 rounded-[3px] ${OUTLINE} outline-dashed`;
const SUGGESTION =
  "decoration-accent/60 cursor-pointer underline decoration-dotted decoration-2 underline-offset-4";

/** A claim's highlight: the draft's background replaces the verdict's, its outline the selection's. */
export function markClass({
  verdict,
  overlap,
  selected,
  inDraft,
}: {
  verdict: Verdict;
  overlap: boolean;
  selected: boolean;
  inDraft: boolean;
}): string {
  const style = VERDICT_STYLES[verdict].mark;
  return joinClasses(
    inDraft
      ? "text-ink cursor-pointer px-px underline decoration-2 underline-offset-4 transition-colors"
      : MARK,
    inDraft
      ? style
          .split(" ")
          .filter((c) => !c.startsWith("bg-"))
          .join(" ")
      : style,
    overlap && "decoration-double",
    selected && !inDraft && OUTLINE,
    inDraft && DRAFT_MARK,
  );
}

/** A suggestion's underline: the draft's background replaces the focused one's. */
export function suggestionClass({ focused, inDraft }: { focused: boolean; inDraft: boolean }): string {
  return joinClasses(SUGGESTION, focused && !inDraft && "bg-accent/10", inDraft && DRAFT_MARK);
}
