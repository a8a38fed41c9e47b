// The header's counts go first: a page refresh on a live event (use-live.ts) waits, at most
// GATE_MAX_MS, for the counts' fetch under way (live-counts.tsx). The counts are a few cheap
// queries; a page render costs far more, and on a loaded server the two at once made the counts
// as slow as the render.
const GATE_MAX_MS = 400;

let pending: Promise<unknown> | null = null;

/** Marks the counts' fetch under way. */
export function countsLoading(work: Promise<unknown>): void {
  const mine = work.catch(() => undefined);
  pending = mine;
  void mine.finally(() => {
    if (pending === mine) pending = null;
  });
}

/** Resolves when the counts' fetch under way (if any) is done, or after GATE_MAX_MS. */
export function afterCounts(): Promise<void> {
  const work = pending;
  if (!work) return Promise.resolve();
  return Promise.race([
    work.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, GATE_MAX_MS)),
  ]);
}
