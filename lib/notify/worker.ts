import "server-only";
// The outbox worker of a server process: every few seconds, the requests for comment whose
// deadline just passed are told to their askers, then one pass of processOutbox. Each
// process runs one; the rows are claimed atomically in the database, so several processes (npm
// start with WEB_CONCURRENCY, or several machines on PostgreSQL) never send the same row twice.
import { now } from "@/lib/clock";
import { tellPassedDeadlines } from "@/lib/data/comment-requests";
import { processOutbox } from "./deliver";

/** One pass: the deadlines that passed since the last one are told, then the outbox is sent. */
async function pass(): Promise<void> {
  await tellPassedDeadlines(now());
  await processOutbox();
}

export type OutboxWorker = { stop: () => Promise<void>; tick: () => Promise<void> };

export function startOutboxWorker(
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): OutboxWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= pass()
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
