"use client";
// The header's live updates (its counts), loaded once the page is interactive: the live channel's
// client (live-client.ts, use-live.ts, live-refresh.tsx) is not in the first load of every page.
// The channel opens one small chunk later than it did from the first load. As before, the channel
// starts at the events' head when it opens: an event between the render and that moment is not
// replayed (the window is the same as between render and hydration, a little longer).
import dynamic from "next/dynamic";

const LiveRefresh = dynamic(() => import("./live-refresh").then((m) => m.LiveRefresh), { ssr: false });

/** Renders nothing: refreshes the header's counts (the queue, my work, the inbox) on live events. */
export function HeaderLive() {
  return <LiveRefresh scope="header" />;
}
