import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { approveClaim, createClaim, returnClaim } from "./claims";
import { getDb } from "./connection";
import {
  countUnread,
  DEFAULT_EMAIL,
  getEmailPrefs,
  listInbox,
  markAllRead,
  markRead,
  nextDigest,
  notify,
  setEmailPrefs,
} from "./notifications";
import { backoffMs, BACKOFF_MS, claimDue, enqueueWebhook, GIVE_UP_AFTER_MS, markFailed } from "./outbox";
import { approveEach } from "./queue";
import { withTransaction } from "./connection";
import { createWebhook } from "./webhooks";
import { notifications, outbox, users } from "@/lib/data/tables";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

const BODY = Array.from({ length: 60 }, (_, i) => `La phrase numéro ${i + 1} est ici.`).join("\n\n");
const quote = (n: number) => `phrase numéro ${n} est`;

let people: {
  ana: Awaited<ReturnType<typeof makeUser>>;
  eve: Awaited<ReturnType<typeof makeUser>>;
  ben: Awaited<ReturnType<typeof makeUser>>;
  admin: Awaited<ReturnType<typeof makeUser>>;
};

beforeAll(async () => {
  people = {
    ana: await makeUser("editor", "Ana"),
    eve: await makeUser("editor", "Eve"),
    ben: await makeUser("reviewer", "Ben"),
    admin: await makeUser("admin", "Ada"),
  };
});

afterEach(() => {
  delete process.env.SMTP_URL;
});

async function queued(articleId: number, n: number, actor = people.ana) {
  return createClaim({
    actor,
    input: claimInput(articleId, BODY, quote(n), { verdict: "confirmed", submit: true }),
  });
}

async function emailRows(userId: number) {
  return getDb().select().from(outbox).where(eq(outbox.userId, userId));
}

describe("the inbox", () => {
  it("tells the editor of a returned claim, not the reviewer who returned it, and marks it read", async () => {
    const article = await makeArticle(people.ana, BODY);
    const claim = await queued(article.id, 1);
    const before = await countUnread(people.ana.id);
    await returnClaim({ actor: people.ben, input: { id: claim.id, note: "Source the 12 villages." } });
    expect(await countUnread(people.ana.id)).toBe(before + 1);
    const [item] = await listInbox(people.ana.id, { limit: 1 });
    expect(item).toMatchObject({
      kind: "returned",
      actorName: "Ben",
      articleId: article.id,
      articleTitle: "Test article",
      claimId: claim.id,
      note: "Source the 12 villages.",
      read: false,
    });
    expect((await listInbox(people.ben.id)).some((n) => n.claimId === claim.id)).toBe(false);
    // Someone else's id changes nothing.
    expect(await markRead(people.eve.id, [item!.id])).toBe(0);
    expect(await markRead(people.ana.id, [item!.id])).toBe(1);
    expect(await countUnread(people.ana.id)).toBe(before);
    expect((await listInbox(people.ana.id, { limit: 1 }))[0]!.read).toBe(true);
  });

  it("tells the editor of an approved claim and, with its last claim, of the verified article", async () => {
    const article = await makeArticle(people.eve, BODY);
    const first = await queued(article.id, 2, people.eve);
    const second = await queued(article.id, 3, people.eve);
    await approveClaim({ actor: people.ben, id: first.id });
    let kinds = (await listInbox(people.eve.id)).filter((n) => n.articleId === article.id).map((n) => n.kind);
    expect(kinds).toEqual(["approved"]);
    await approveClaim({ actor: people.ben, id: second.id });
    kinds = (await listInbox(people.eve.id)).filter((n) => n.articleId === article.id).map((n) => n.kind);
    expect(kinds).toEqual(["article_verified", "approved", "approved"]);
    expect(await markAllRead(people.eve.id)).toBeGreaterThanOrEqual(3);
    expect(await countUnread(people.eve.id)).toBe(0);
  });

  it("takes every kind through notify(), never telling the actor or a deactivated account", async () => {
    const gone = await makeUser("editor", "Gone");
    await withTransaction((tx) => tx.update(users).set({ active: false }).where(eq(users.id, gone.id)));
    const article = await makeArticle(people.ana, BODY);
    for (const kind of [
      "mentioned",
      "assigned",
      "deadline_passed",
      "summary_published",
      "correction_published",
    ] as const) {
      const rows = await withTransaction((tx) =>
        notify(tx, {
          kind,
          recipientIds: [people.eve.id, people.eve.id, people.ana.id, gone.id],
          actorId: people.ana.id,
          articleId: article.id,
          note: "x".repeat(400),
        }),
      );
      expect(rows.map((r) => r.userId)).toEqual([people.eve.id]);
      expect(rows[0]!.note).toHaveLength(280);
    }
    const mine = (await listInbox(people.eve.id)).filter((n) => n.articleId === article.id);
    expect(mine.map((n) => n.kind).sort()).toEqual([
      "assigned",
      "correction_published",
      "deadline_passed",
      "mentioned",
      "summary_published",
    ]);
    await expect(
      withTransaction((tx) => notify(tx, { kind: "nonsense" as never, recipientIds: [people.eve.id] })),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("keeps each account's e-mail choices, defaults for the rest", async () => {
    expect(await getEmailPrefs(people.ben.id)).toEqual(DEFAULT_EMAIL);
    const saved = await setEmailPrefs(people.ben.id, { approved: "digest", returned: "off" });
    expect(saved).toMatchObject({ approved: "digest", returned: "off", mentioned: DEFAULT_EMAIL.mentioned });
    expect(await setEmailPrefs(people.ben.id, { approved: "immediate" })).toMatchObject({
      approved: "immediate",
      returned: "off",
    });
    expect((await getEmailPrefs(people.ana.id)).approved).toBe(DEFAULT_EMAIL.approved);
  });
});

describe("e-mail grouping", () => {
  it("queues no e-mail while SMTP is off", async () => {
    const carl = await makeUser("editor", "Carl");
    const article = await makeArticle(carl, BODY);
    const claim = await queued(article.id, 4, carl);
    await returnClaim({ actor: people.ben, input: { id: claim.id, note: "No." } });
    expect(await emailRows(carl.id)).toEqual([]);
    const [row] = await getDb().select().from(notifications).where(eq(notifications.userId, carl.id));
    expect(row!.emailState).toBe("none");
  });

  it("sends one message per person for a bulk approval of 50 claims, released when the batch ends", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const dan = await makeUser("editor", "Dan");
    await setEmailPrefs(dan.id, { approved: "immediate", article_verified: "immediate" });
    const article = await makeArticle(dan, BODY);
    const items = [];
    for (let n = 1; n <= 50; n++) items.push(await queued(article.id, n, dan));
    const started = Date.now();
    const outcomes = await approveEach({
      actor: people.ben,
      items: items.map((c) => ({ id: c.id, version: c.version })),
    });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const rows = await emailRows(dan.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("pending");
    expect(rows[0]!.runAfter.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows[0]!.runAfter.getTime()).toBeGreaterThanOrEqual(started - 1000);
    const told = await getDb().select().from(notifications).where(eq(notifications.userId, dan.id));
    expect(told).toHaveLength(51); // 50 approvals and the verified article
    expect(new Set(told.map((n) => n.emailBatch)).size).toBe(1);
    expect(told.every((n) => n.emailState === "pending")).toBe(true);
  });

  it("puts digest choices in the day's digest, one row per day", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const fay = await makeUser("editor", "Fay");
    await setEmailPrefs(fay.id, { mentioned: "digest" });
    for (let i = 0; i < 3; i++) {
      await withTransaction((tx) =>
        notify(tx, { kind: "mentioned", recipientIds: [fay.id], actorId: people.ana.id }),
      );
    }
    const rows = await emailRows(fay.id);
    expect(rows).toHaveLength(1);
    const digest = nextDigest(new Date());
    expect(rows[0]!.runAfter.getTime()).toBe(digest.at.getTime());
    expect(rows[0]!.dedupeKey).toBe(`email:${fay.id}:digest:${digest.day}`);
    expect(nextDigest(new Date("2026-01-01T06:59:00Z"), 7).at.toISOString()).toBe("2026-01-01T07:00:00.000Z");
    expect(nextDigest(new Date("2026-01-01T07:00:00Z"), 7).at.toISOString()).toBe("2026-01-02T07:00:00.000Z");
  });
});

describe("the outbox", () => {
  it("gives each due row to exactly one of two workers claiming at once", async () => {
    const { webhook } = await createWebhook({
      actor: people.admin,
      input: { url: "https://cms.example.org/hook", events: ["claim.approved"] },
    });
    await withTransaction(async (tx) => {
      for (let i = 0; i < 30; i++)
        await enqueueWebhook(tx, "claim.approved", { i }, { webhookId: webhook.id });
    });
    const later = new Date(Date.now() + 1000);
    const [a, b] = await Promise.all([
      claimDue({ now: later, limit: 20 }),
      claimDue({ now: later, limit: 20 }),
    ]);
    const ids = [...a, ...b].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = [...a, ...b].filter((r) => r.webhookId === webhook.id);
    expect(mine.length).toBe(30);
    expect(mine.every((r) => r.status === "sending" && r.attempts === 1)).toBe(true);
    // Claimed rows are nobody else's until their lease runs out.
    expect((await claimDue({ now: later })).filter((r) => r.webhookId === webhook.id)).toEqual([]);
    const afterLease = new Date(Date.now() + 3 * 60_000);
    const again = (await claimDue({ now: afterLease, limit: 100 })).filter((r) => r.webhookId === webhook.id);
    expect(again).toHaveLength(30);
    expect(again.every((r) => r.attempts === 2)).toBe(true);
  });

  it("backs off between attempts and gives up after a day", async () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(120_000);
    expect(backoffMs(99)).toBe(BACKOFF_MS.at(-1));
    const { webhook } = await createWebhook({
      actor: people.admin,
      input: { url: "https://cms.example.org/other", events: ["article.verified"] },
    });
    await withTransaction((tx) =>
      enqueueWebhook(tx, "article.verified", { n: 1 }, { webhookId: webhook.id }),
    );
    let now = new Date(Date.now() + 1000);
    let [row] = (await claimDue({ now, limit: 100 })).filter((r) => r.webhookId === webhook.id);
    expect(await markFailed(row!, "ECONNREFUSED", now)).toBe("retry");
    let [stored] = await getDb().select().from(outbox).where(eq(outbox.id, row!.id));
    expect(stored).toMatchObject({ status: "pending", attempts: 1, lastError: "ECONNREFUSED" });
    expect(stored!.runAfter.getTime()).toBe(now.getTime() + 30_000);
    // Not due before its time.
    expect(await claimDue({ now: new Date(now.getTime() + 29_000), ids: [row!.id] })).toEqual([]);
    now = new Date(now.getTime() + 30_000);
    [row] = await claimDue({ now, ids: [row!.id] });
    expect(row!.attempts).toBe(2);
    expect(await markFailed(row!, "HTTP 500", now)).toBe("retry");
    [stored] = await getDb().select().from(outbox).where(eq(outbox.id, row!.id));
    expect(stored!.runAfter.getTime()).toBe(now.getTime() + 120_000);
    // A day on, it is given up.
    now = new Date(stored!.createdAt.getTime() + GIVE_UP_AFTER_MS);
    [row] = await claimDue({ now, ids: [row!.id] });
    expect(await markFailed(row!, "HTTP 500", now)).toBe("failed");
    [stored] = await getDb().select().from(outbox).where(eq(outbox.id, row!.id));
    expect(stored!.status).toBe("failed");
    expect(await claimDue({ now: new Date(now.getTime() + GIVE_UP_AFTER_MS), ids: [row!.id] })).toEqual([]);
  });
});
