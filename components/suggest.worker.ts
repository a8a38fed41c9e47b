/// <reference lib="webworker" />
// Runs the claim suggester off the main thread so that long articles keep the page responsive
// and report progress.
import { suggestClaims, type Suggestion } from "@/lib/claims";
import type { Language } from "@/lib/review/model";

export type SuggestRequest = { body: string; language: Language };
export type SuggestMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; suggestions: Suggestion[] }
  | { type: "error"; message: string };

self.onmessage = (event: MessageEvent<SuggestRequest>) => {
  const post = (message: SuggestMessage) => self.postMessage(message);
  try {
    const suggestions = suggestClaims(event.data.body, event.data.language, {
      onProgress: (done, total) => post({ type: "progress", done, total }),
    });
    post({ type: "done", suggestions });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
