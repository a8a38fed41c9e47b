/**
 * A sliding-window limiter kept in memory: at most `limit` hits per key within any `windowMs`.
 * One process serves the desk (SQLite), so memory is the right place; a restart forgets the counts.
 */
export class SlidingWindowLimiter {
  // Per key, the times of the hits still in the window, oldest first, from `head` on: expired hits
  // are skipped by moving `head`, so a hit costs the same with 600 or 100,000 hits a minute.
  private readonly hits = new Map<string, { times: number[]; head: number }>();

  constructor(private readonly windowMs = 60_000) {}

  /** Records a hit for `key` unless it is over the limit; when refused, says how long to wait. */
  take(
    key: string,
    limit: number,
    now = Date.now(),
  ): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number } {
    const since = now - this.windowMs;
    let entry = this.hits.get(key);
    if (!entry) {
      entry = { times: [], head: 0 };
      this.hits.set(key, entry);
    }
    const { times } = entry;
    while (entry.head < times.length && times[entry.head]! <= since) entry.head++;
    if (entry.head > 1024 && entry.head * 2 > times.length) {
      times.splice(0, entry.head);
      entry.head = 0;
    }
    const count = times.length - entry.head;
    if (count >= limit) {
      const oldest = times[times.length - limit] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    if (this.hits.size > 10_000) this.sweep(since);
    return { ok: true, remaining: limit - count - 1 };
  }

  private sweep(since: number): void {
    for (const [key, entry] of this.hits) {
      if ((entry.times.at(-1) ?? 0) <= since) this.hits.delete(key);
    }
  }
}

const globalForLimiter = globalThis as unknown as { claimDeskApiLimiter?: SlidingWindowLimiter };

/** The process's API limiter, shared by every route bundle. */
export function apiLimiter(): SlidingWindowLimiter {
  globalForLimiter.claimDeskApiLimiter ??= new SlidingWindowLimiter();
  return globalForLimiter.claimDeskApiLimiter;
}
