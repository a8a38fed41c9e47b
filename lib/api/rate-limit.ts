/**
 * A sliding-window limiter kept in memory: at most `limit` hits per key within any `windowMs`.
 * One process serves the desk (SQLite), so memory is the right place; a restart forgets the counts.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs = 60_000) {}

  /** Records a hit for `key` unless it is over the limit; when refused, says how long to wait. */
  take(
    key: string,
    limit: number,
    now = Date.now(),
  ): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number } {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= limit) {
      this.hits.set(key, list);
      const oldest = list[list.length - limit] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.sweep(since);
    return { ok: true, remaining: limit - list.length };
  }

  private sweep(since: number): void {
    for (const [key, list] of this.hits) {
      if ((list.at(-1) ?? 0) <= since) this.hits.delete(key);
    }
  }
}

const globalForLimiter = globalThis as unknown as { claimDeskApiLimiter?: SlidingWindowLimiter };

/** The process's API limiter, shared by every route bundle. */
export function apiLimiter(): SlidingWindowLimiter {
  globalForLimiter.claimDeskApiLimiter ??= new SlidingWindowLimiter();
  return globalForLimiter.claimDeskApiLimiter;
}
