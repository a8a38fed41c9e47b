import { describe, expect, it } from "vitest";
import {
  beginSignInAttempt,
  countSignInAttempts,
  finishSignInAttempt,
  getSignInRetryAt,
  SIGN_IN_LIMITS,
} from "./sign-in-attempts";

const T0 = new Date("2026-11-25T14:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function fail(email: string, address: string, now: Date) {
  const gate = await beginSignInAttempt({ email, address, now });
  if (gate.ok) await finishSignInAttempt({ email, success: false });
  return gate;
}

describe("sign-in throttling", () => {
  it("refuses the sixth attempt for one account within 15 minutes and says when to retry", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect((await fail("ana@desk.test", `10.0.0.${i}`, at(i))).ok).toBe(true);
    }
    const refused = await beginSignInAttempt({ email: "ana@desk.test", address: "10.0.1.1", now: at(6) });
    expect(refused).toEqual({ ok: false, retryAt: at(15) });
    expect(await getSignInRetryAt({ email: "ANA@desk.test ", address: "10.9.9.9", now: at(6) })).toEqual(
      at(15),
    );
  });

  it("admits the account again once the oldest failure leaves the window", async () => {
    for (let i = 0; i < 5; i++) await fail("ben@desk.test", "10.1.0.1", at(i));
    expect(
      (await beginSignInAttempt({ email: "ben@desk.test", address: "10.1.0.1", now: at(14.99) })).ok,
    ).toBe(false);
    expect((await beginSignInAttempt({ email: "ben@desk.test", address: "10.1.0.1", now: at(15) })).ok).toBe(
      true,
    );
  });

  it("does not count refused attempts, so hammering does not extend the lock", async () => {
    for (let i = 0; i < 5; i++) await fail("cleo@desk.test", "10.2.0.1", at(0));
    for (let i = 0; i < 50; i++)
      await beginSignInAttempt({ email: "cleo@desk.test", address: "10.2.0.1", now: at(10) });
    expect(await countSignInAttempts({ email: "cleo@desk.test" })).toBe(5);
    expect(await getSignInRetryAt({ email: "cleo@desk.test", address: "10.2.0.1", now: at(10) })).toEqual(
      at(15),
    );
  });

  it("treats an unknown email exactly like a known one", async () => {
    for (let i = 0; i < 5; i++) await fail("nobody-here@desk.test", "10.3.0.1", at(i));
    expect(
      await beginSignInAttempt({ email: "nobody-here@desk.test", address: "10.3.0.2", now: at(5) }),
    ).toEqual({
      ok: false,
      retryAt: at(15),
    });
  });

  it("refuses the 21st attempt from one address across accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      expect((await fail(`spray-${i}@desk.test`, "203.0.113.7", at(i / 10))).ok).toBe(true);
    }
    const refused = await beginSignInAttempt({
      email: "fresh@desk.test",
      address: "203.0.113.7",
      now: at(3),
    });
    expect(refused).toEqual({ ok: false, retryAt: at(15) });
    expect(
      (await beginSignInAttempt({ email: "fresh@desk.test", address: "203.0.113.8", now: at(3) })).ok,
    ).toBe(true);
  });

  it("forgives the account's failures after a successful sign-in", async () => {
    for (let i = 0; i < 4; i++) await fail("dana@desk.test", "10.4.0.1", at(i));
    const gate = await beginSignInAttempt({ email: "dana@desk.test", address: "10.4.0.1", now: at(4) });
    expect(gate.ok).toBe(true);
    await finishSignInAttempt({ email: "dana@desk.test", success: true });
    expect(await countSignInAttempts({ email: "dana@desk.test" })).toBe(0);
    for (let i = 0; i < 5; i++) expect((await fail("dana@desk.test", "10.4.0.1", at(5))).ok).toBe(true);
  });

  it("counts parallel attempts before their passwords are checked", async () => {
    const gates = await Promise.all(
      Array.from({ length: 12 }, () =>
        beginSignInAttempt({ email: "race@desk.test", address: "10.5.0.1", now: at(1) }),
      ),
    );
    expect(gates.filter((g) => g.ok)).toHaveLength(5);
  });
});
