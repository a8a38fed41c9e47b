import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limit";

describe("sliding-window limiter", () => {
  it("allows the limit within a window and then says how long to wait", () => {
    const limiter = new SlidingWindowLimiter(60_000);
    const t0 = 1_000_000;
    expect(limiter.take("a", 3, t0)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.take("a", 3, t0 + 10_000)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a", 3, t0 + 20_000)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("a", 3, t0 + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it("frees a slot as the oldest hit leaves the window", () => {
    const limiter = new SlidingWindowLimiter(60_000);
    const t0 = 5_000_000;
    limiter.take("a", 2, t0);
    limiter.take("a", 2, t0 + 1);
    expect(limiter.take("a", 2, t0 + 59_999).ok).toBe(false);
    expect(limiter.take("a", 2, t0 + 60_000).ok).toBe(true);
  });

  it("counts each key on its own", () => {
    const limiter = new SlidingWindowLimiter(60_000);
    expect(limiter.take("a", 1, 0).ok).toBe(true);
    expect(limiter.take("a", 1, 1).ok).toBe(false);
    expect(limiter.take("b", 1, 1).ok).toBe(true);
  });

  it("does not count refused requests against the limit", () => {
    const limiter = new SlidingWindowLimiter(1000);
    limiter.take("a", 1, 0);
    for (let t = 1; t < 1000; t += 100) expect(limiter.take("a", 1, t).ok).toBe(false);
    expect(limiter.take("a", 1, 1000).ok).toBe(true);
  });

  it("keeps counting right while thousands of hits leave the window", () => {
    const limiter = new SlidingWindowLimiter(1000);
    // 10 hits a millisecond for 5 seconds: always 10,000 hits in the window once it is full.
    for (let t = 0; t < 5000; t++) {
      for (let i = 0; i < 10; i++) expect(limiter.take("a", 10_000, t).ok).toBe(true);
    }
    expect(limiter.take("a", 10_000, 4999).ok).toBe(false);
    expect(limiter.take("a", 10_000, 5000)).toEqual({ ok: true, remaining: 9 });
  });
});
