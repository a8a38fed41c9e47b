"use client";

import { useFormatter } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";

/** Clock times and dates in the desk's time zone and the reader's language. */
export function useTimeFormat() {
  const format = useFormatter();
  return {
    time: (ms: number) => format.dateTime(new Date(ms), { hour: "numeric", minute: "2-digit" }),
    stamp: (ms: number) =>
      format.dateTime(new Date(ms), { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }),
    relative: (ms: number, now: number) => format.relativeTime(new Date(ms), new Date(now)),
  };
}

/**
 * "Now", starting from the server's clock (so the first render matches the HTML) and ticking
 * every 30 seconds, for review takes that lapse and for "submitted 5 minutes ago".
 */
export function useNow(serverNow: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(now, serverNow);
}

const subscribeNothing = () => () => {};

/** False in the server's HTML, true once the page is hydrated: keyboard shortcuts work from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
