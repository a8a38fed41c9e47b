import { describe, expect, it } from "vitest";
import { takeRateLimit } from "./rate-limits";

const MINUTE = 60_000;
const T0 = 1_000 * MINUTE; // the start of a bucket

describe("rate limits kept in the database", () => {
  it("allows the limit within a minute, then says how long to wait", async () => {
    const take = (now: number) => takeRateLimit({ key: "token:1", limit: 3, now });
    expect(await take(T0)).toEqual({ ok: true, remaining: 2 });
    expect(await take(T0 + 10_000)).toEqual({ ok: true, remaining: 1 });
    expect(await take(T0 + 20_000)).toEqual({ ok: true, remaining: 0 });
    expect(await take(T0 + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it("carries the previous minute's hits into the sliding window, less as it leaves", async () => {
    for (let i = 0; i < 10; i++)
      expect((await takeRateLimit({ key: "k", limit: 10, now: T0 + i })).ok).toBe(true);
    // A quarter into the next minute, three quarters of the 10 hits still count: 2 more are allowed.
    const quarter = T0 + MINUTE + MINUTE / 4;
    expect(await takeRateLimit({ key: "k", limit: 10, now: quarter })).toEqual({ ok: true, remaining: 1 });
    expect(await takeRateLimit({ key: "k", limit: 10, now: quarter })).toEqual({ ok: true, remaining: 0 });
    expect((await takeRateLimit({ key: "k", limit: 10, now: quarter })).ok).toBe(false);
    // Two minutes on, the old hits are gone.
    expect(await takeRateLimit({ key: "k", limit: 10, now: T0 + 3 * MINUTE })).toEqual({
      ok: true,
      remaining: 9,
    });
  });

  it("counts each key on its own", async () => {
    expect((await takeRateLimit({ key: "a", limit: 1, now: T0 })).ok).toBe(true);
    expect((await takeRateLimit({ key: "a", limit: 1, now: T0 + 1 })).ok).toBe(false);
    expect((await takeRateLimit({ key: "b", limit: 1, now: T0 + 1 })).ok).toBe(true);
  });

  it("does not count refused requests against the limit", async () => {
    await takeRateLimit({ key: "a", limit: 1, now: T0 });
    for (let t = 1; t < MINUTE; t += 5_000)
      expect((await takeRateLimit({ key: "a", limit: 1, now: T0 + t })).ok).toBe(false);
    // Refusals were not counted: in the next minute only the one admitted hit is carried over.
    expect((await takeRateLimit({ key: "a", limit: 2, now: T0 + MINUTE + 1 })).ok).toBe(true);
  });

  it("never admits more than the limit when many requests arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => takeRateLimit({ key: "burst", limit: 20, now: T0 + 5 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
  });
});
