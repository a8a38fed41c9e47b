// What the article workspace needs of the suggestions on first load: their key and the panel's
// state. The panel itself (components/claim-suggestions.tsx) loads when the analyser is run.
import type { Suggestion } from "@/lib/claims";

export type SuggestionState =
  | { status: "idle" }
  | { status: "running"; done: number; total: number }
  | { status: "ready"; items: Suggestion[] }
  | { status: "failed"; message: string };

export function suggestionKey(s: Pick<Suggestion, "start" | "end">) {
  return `${s.start}-${s.end}`;
}
