"use client";
// Hooks on the live channel (components/live/live-client.ts), for any page:
//   useLive((m) => { if (m.kind === "notification.created") … })   — each event, as it comes;
//   useLiveRefresh((m) => m.articleId === id)                         — the page's server data again.
// useLiveRefresh re-renders the page's server components in place (router.refresh): the client
// state, the focus, the caret and whatever is typed in a form stay as they are. Several events in
// a burst, from several components of the page, make one refresh.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { afterCounts } from "./counts-gate";
import { listen, type LiveMessage } from "./live-client";

export type { LiveMessage };

export function useLive(listener: (message: LiveMessage) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => listen((message) => latest.current(message)), []);
}

/** How long a burst of events is gathered before the one refresh. */
const DEBOUNCE_MS = 60;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let refresh: (() => void) | null = null;

function scheduleRefresh(run: () => void) {
  refresh = run;
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    // The header's counts first (a few cheap queries), then the page's render.
    void afterCounts().then(() => {
      refreshTimer = null;
      refresh?.();
    });
  }, DEBOUNCE_MS);
}

/** Refreshes the page's server data when an event matches (and after a "reset"). */
export function useLiveRefresh(matches: (message: LiveMessage) => boolean): void {
  const router = useRouter();
  useLive((message) => {
    if (message.kind === "reset" || matches(message)) scheduleRefresh(() => router.refresh());
  });
}
