"use client";

import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div aria-hidden className="h-72 animate-pulse rounded-md bg-slate-50" />;
}

// The charts draw in the browser only (they measure their box); a placeholder of the same height
// keeps the page from jumping while recharts loads.
export const StackedBars = dynamic(() => import("./insights-charts").then((m) => m.StackedBars), {
  ssr: false,
  loading: ChartPlaceholder,
});
