import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";
import { formatterFor, sharedFormatters, translatorFor, type Translator } from "./translator";

const KEYS: [string, Record<string, string | number | Date>][] = [
  ["nav.queueCount", { count: 0 }],
  ["nav.queueCount", { count: 1 }],
  ["nav.queueCount", { count: 1234 }],
  ["notifications.unreadCount", { count: 3 }],
  ["myWork.navCount", { returned: 1, assigned: 2 }],
  ["articles.count", { count: 5000 }],
  ["articles.pageOf", { page: 2, pageCount: 100 }],
  ["app.name", {}],
];

describe("translators kept for the process", () => {
  for (const locale of ["en", "fr"] as const) {
    it(`say what next-intl's per-request translators say (${locale})`, () => {
      const messages = loadMessages(locale);
      const fresh = createTranslator({ locale, messages, timeZone: "Europe/Paris" }) as unknown as Translator;
      const kept = translatorFor({ locale, messages, timeZone: "Europe/Paris" });
      for (const [key, values] of KEYS) expect(kept(key, values), key).toBe(fresh(key, values));
      const scoped = translatorFor({ locale, messages, timeZone: "Europe/Paris", namespace: "nav" });
      expect(scoped("queueCount", { count: 7 })).toBe(fresh("nav.queueCount", { count: 7 }));

      const date = new Date(Date.UTC(2026, 2, 29, 0, 30));
      const now = new Date(Date.UTC(2026, 2, 29, 3, 30));
      const f0 = createFormatter({ locale, timeZone: "Europe/Paris", now });
      const f1 = formatterFor({ locale, timeZone: "Europe/Paris", now: () => now });
      expect(f1.dateTime(date, { dateStyle: "medium", timeStyle: "short" })).toBe(
        f0.dateTime(date, { dateStyle: "medium", timeStyle: "short" }),
      );
      expect(f1.relativeTime(date)).toBe(f0.relativeTime(date));
      expect(f1.number(1234567.5)).toBe(f0.number(1234567.5));
    });
  }

  it("parse a message once, not again for the next request", () => {
    const messages = loadMessages("fr");
    const first = translatorFor({ locale: "fr", messages, timeZone: "UTC" });
    first("nav.queueCount", { count: 2 });
    const parsed = Object.keys(sharedFormatters().cache.message).length;
    expect(parsed).toBeGreaterThan(0);
    // The next request's translator: same messages, nothing parsed again.
    const second = translatorFor({ locale: "fr", messages, timeZone: "UTC" });
    expect(second("nav.queueCount", { count: 3 })).toBe(first("nav.queueCount", { count: 3 }));
    expect(Object.keys(sharedFormatters().cache.message)).toHaveLength(parsed);
    // Another time zone is another entry (its dates differ), not the same one reused.
    translatorFor({ locale: "fr", messages, timeZone: "America/New_York" })("nav.queueCount", { count: 3 });
    expect(Object.keys(sharedFormatters().cache.message)).toHaveLength(parsed + 1);
  });
});
