import type { Segment } from "@/lib/search/snippet";
import { bidiSafe } from "@/lib/text/bidi";

/** Search hits as React text inside <mark>: the text is never parsed as HTML. */
export function Highlighted({ segments, className }: { segments: Segment[]; className?: string }) {
  return (
    <span className={className}>
      {segments.map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="text-ink rounded-sm bg-amber-100 px-0.5">
            {bidiSafe(segment.text)}
          </mark>
        ) : (
          <span key={i}>{bidiSafe(segment.text)}</span>
        ),
      )}
    </span>
  );
}
