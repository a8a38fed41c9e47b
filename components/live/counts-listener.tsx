"use client";
// The live channel's side of the header's counts, loaded once the page is interactive (next/dynamic
// in live-counts.tsx): the channel's client (live-client.ts, use-live.ts) stays out of every page's
// first load. As before, the channel starts at the events' head when it opens.
import { useLive, type LiveMessage } from "./use-live";

/** Renders nothing: hands each live message to `onMessage`. */
export function CountsListener({ onMessage }: { onMessage: (message: LiveMessage) => void }) {
  useLive(onMessage);
  return null;
}
