import type { Segment } from "@/lib/search/snippet";
import { bidiSafe } from "@/lib/text/bidi";

/**
 * Search hits as React text inside <mark>: the text is never parsed as HTML. The text between
 * hits is plain text, with no element of its own, and the marks carry no class: the list around
 * them styles them once (`HIT_MARKS`), so thirty results do not repeat the same attributes.
 */
export function Highlighted({ segments, className }: { segments: Segment[]; className?: string }) {
  const parts = segments.map((segment, i) =>
    segment.hit ? <mark key={i}>{bidiSafe(segment.text)}</mark> : bidiSafe(segment.text),
  );
  return className ? <span className={className}>{parts}</span> : <>{parts}</>;
}

/** The style of the hits inside an element, for its class attribute. */
export const HIT_MARKS = "[&_mark]:text-ink [&_mark]:rounded-sm [&_mark]:bg-amber-100 [&_mark]:px-0.5";
