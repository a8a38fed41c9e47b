/// <reference lib="webworker" />
// Runs the claim suggester off the main thread so that long articles keep the page responsive
// and report progress.
import { type AddedVariant, BUILT_IN_VARIANTS, suggestClaims, type Suggestion } from "@/lib/claims";
import type { Language } from "@/lib/review/model";

/** The article, and the desk's own name variants (added to the built-in table). */
export type SuggestRequest = { body: string; language: Language; variants: AddedVariant[] };
export type SuggestMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; suggestions: Suggestion[] }
  | { type: "error"; message: string };

self.onmessage = (event: MessageEvent<SuggestRequest>) => {
  const post = (message: SuggestMessage) => self.postMessage(message);
  try {
    const suggestions = suggestClaims(event.data.body, event.data.language, {
      variants: BUILT_IN_VARIANTS.extend(event.data.variants),
      onProgress: (done, total) => post({ type: "progress", done, total }),
    });
    post({ type: "done", suggestions });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
