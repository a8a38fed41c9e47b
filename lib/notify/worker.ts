import "server-only";
// The outbox worker of a server process: every few seconds, the requests for comment whose
// deadline just passed are told to their askers, then one pass of processOutbox. Each
// process runs one; the rows are claimed atomically in the database, so several processes (npm
// start with WEB_CONCURRENCY, or several machines on PostgreSQL) never send the same row twice.
import { now } from "@/lib/clock";
import { tellPassedDeadlines } from "@/lib/data/comment-requests";
import { pruneLiveEvents } from "@/lib/data/live";
import { getEnv } from "@/lib/env";
import { processOutbox } from "./deliver";

/** How often a worker removes the live events older than LIVE_EVENTS_KEEP_HOURS. */
export const PRUNE_EVERY_MS = 10 * 60_000;

/** Removes the live events no reconnecting page may still ask for (see LIVE_EVENTS_KEEP_HOURS). */
export async function pruneLive(at: Date = now()): Promise<number> {
  const keepMs = getEnv().LIVE_EVENTS_KEEP_HOURS * 3_600_000;
  return pruneLiveEvents({ before: new Date(at.getTime() - keepMs) });
}

/**
 * One pass: the deadlines that passed since the last one are told, then the outbox is sent; now
 * and then, old live events are pruned.
 */
async function pass(state: { lastPrune: number }): Promise<void> {
  await tellPassedDeadlines(now());
  await processOutbox();
  if (Date.now() - state.lastPrune >= PRUNE_EVERY_MS) {
    state.lastPrune = Date.now();
    await pruneLive();
  }
}

export type OutboxWorker = { stop: () => Promise<void>; tick: () => Promise<void> };

export function startOutboxWorker(
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): OutboxWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  // The first pass prunes too: a process that restarts often still does it.
  const state = { lastPrune: -Infinity };
  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= pass(state)
      .catch((error) => (options.onError ?? ((e) => console.error("outbox:", e)))(error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 3000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const globalForWorker = globalThis as unknown as { claimDeskOutbox?: OutboxWorker };

/** The process's worker, started once (instrumentation.ts). */
export function ensureOutboxWorker(): OutboxWorker {
  globalForWorker.claimDeskOutbox ??= startOutboxWorker();
  return globalForWorker.claimDeskOutbox;
}
