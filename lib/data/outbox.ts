import "server-only";
// The outbox: what leaves the desk (e-mail, webhook deliveries), written in the same transaction
// as what caused it and sent afterwards by a worker in each server process. A row is claimed by
// exactly one worker (a guarded UPDATE … WHERE status = 'pending' inside a write transaction:
// BEGIN IMMEDIATE on SQLite, the advisory write lock on PostgreSQL), sent outside any
// transaction, then marked sent, or put back with a later run_after (backoff) until a day has
// passed, when it is marked failed for the admins to see. A worker that dies mid-send leaves a
// 'sending' row whose lease runs out, and another worker takes it again.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, lte, ne, or, sql } from "drizzle-orm";
import {
  notifications,
  outbox,
  users,
  webhookDeliveries,
  webhooks,
  type OutboxRow,
  type WebhookEvent,
} from "@/lib/data/tables";
import { getEnv } from "@/lib/env";
import { countRows, getDb, withTransaction, type Tx } from "./connection";

/** Waits between attempts: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then every 6 h. */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 21_600_000];
/** After a day of trying, a row is given up (status failed) and shown to admins. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** How long a claimed row is a worker's before another may take it again. */
export const LEASE_MS = 2 * 60_000;

export function backoffMs(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1]!;
}

/** The e-mail of `batch` for `userId`: one row per key; a key already sent is sent again for what came since. */
export async function enqueueEmail(
  tx: Tx,
  input: { userId: number; key: string; batch: string; runAfter: Date },
): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      kind: "email",
      dedupeKey: input.key,
      userId: input.userId,
      payload: JSON.stringify({ batch: input.batch }),
      runAfter: input.runAfter,
    })
    .onConflictDoUpdate({
      target: outbox.dedupeKey,
      set: { status: "pending", attempts: 0, runAfter: input.runAfter, lastError: null, lockedUntil: null },
      setWhere: inArray(outbox.status, ["sent", "failed"]),
    });
}

export type WebhookBody = {
  id: string;
  event: WebhookEvent | "test";
  createdAt: string;
  data: Record<string, unknown>;
};

/**
 * Queues `event` for every active webhook that asked for it, inside the caller's transaction. The
 * body is fixed now (the same bytes on every attempt); only the timestamp and signature are new.
 */
export async function enqueueWebhook(
  tx: Tx,
  event: WebhookEvent,
  payload: Record<string, unknown>,
  options: { webhookId?: number } = {},
): Promise<number> {
  const hooks = await tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(
      and(eq(webhooks.active, true), options.webhookId ? eq(webhooks.id, options.webhookId) : undefined),
    );
  const chosen = hooks.filter((hook) => hook.events.includes(event));
  if (chosen.length === 0) return 0;
  const now = new Date();
  await tx.insert(outbox).values(
    chosen.map((hook) => ({
      kind: "webhook" as const,
      webhookId: hook.id,
      event,
      payload: JSON.stringify({ id: randomUUID(), event, createdAt: now.toISOString(), data: payload }),
      runAfter: now,
      createdAt: now,
    })),
  );
  return chosen.length;
}

/** A test delivery ("ping") to one webhook, whatever its events. Returns the outbox row's id. */
export async function enqueueTestDelivery(webhookId: number): Promise<number> {
  return withTransaction(async (tx) => {
    const now = new Date();
    const body: WebhookBody = {
      id: randomUUID(),
      event: "test",
      createdAt: now.toISOString(),
      data: { message: "A test delivery from the claim desk." },
    };
    const [row] = await tx
      .insert(outbox)
      .values({
        kind: "webhook",
        webhookId,
        event: "test",
        payload: JSON.stringify(body),
        runAfter: now,
        createdAt: now,
      })
      .returning({ id: outbox.id });
    return row!.id;
  });
}

function dueWhere(now: Date) {
  return or(
    and(eq(outbox.status, "pending"), lte(outbox.runAfter, now)),
    and(eq(outbox.status, "sending"), lt(outbox.lockedUntil, now)),
  );
}

/** Claims up to `limit` due rows for this worker: no two workers ever get the same row. */
export async function claimDue(
  options: { now?: Date; limit?: number; ids?: number[] } = {},
): Promise<OutboxRow[]> {
  const now = options.now ?? new Date();
  const [any] = await getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(dueWhere(now), options.ids ? inArray(outbox.id, options.ids) : undefined))
    .limit(1);
  // Nothing due (most of the worker's ticks): no transaction, no wait for the write lock.
  if (!any) return [];
  return withTransaction(async (tx) => {
    const candidates = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(dueWhere(now), options.ids ? inArray(outbox.id, options.ids) : undefined))
      .orderBy(asc(outbox.runAfter), asc(outbox.id))
      .limit(options.limit ?? 20);
    if (candidates.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        status: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + LEASE_MS),
      })
      .where(
        and(
          inArray(
            outbox.id,
            candidates.map((c) => c.id),
          ),
          dueWhere(now),
        ),
      )
      .returning();
  });
}

/** The claimed row went out. E-mail: `notificationIds` are the notifications it carried. */
export async function markSent(
  row: OutboxRow,
  notificationIds: number[] = [],
  now = new Date(),
): Promise<void> {
  await withTransaction(async (tx) => {
    const [mine] = await tx
      .update(outbox)
      .set({ status: "sent", sentAt: now, lockedUntil: null, lastError: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.attempts, row.attempts)))
      .returning({ id: outbox.id });
    if (!mine) return;
    if (notificationIds.length > 0) {
      await tx
        .update(notifications)
        .set({ emailState: "sent" })
        .where(inArray(notifications.id, notificationIds));
    }
    // Told more while this message was being sent: send again for those.
    if (row.kind === "email" && row.userId !== null) {
      const batch = (JSON.parse(row.payload) as { batch: string }).batch;
      const more = await countRows(
        tx,
        notifications,
        and(
          eq(notifications.userId, row.userId),
          eq(notifications.emailBatch, batch),
          eq(notifications.emailState, "pending"),
        ),
      );
      if (more > 0) {
        await tx
          .update(outbox)
          .set({ status: "pending", attempts: 0, runAfter: now })
          .where(eq(outbox.id, row.id));
      }
    }
  });
}

/** The attempt failed: try again after the backoff, or give up once a day has passed. */
export async function markFailed(
  row: OutboxRow,
  error: string,
  now = new Date(),
): Promise<"retry" | "failed"> {
  const next = new Date(now.getTime() + backoffMs(row.attempts));
  const giveUp = next.getTime() - row.createdAt.getTime() > GIVE_UP_AFTER_MS;
  await withTransaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: giveUp ? "failed" : "pending",
        runAfter: giveUp ? row.runAfter : next,
        lockedUntil: null,
        lastError: error.slice(0, 1000),
      })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.attempts, row.attempts)));
  });
  return giveUp ? "failed" : "retry";
}

/** Records one webhook attempt in the delivery log (append-only). */
export async function logDelivery(
  row: OutboxRow,
  result: { ok: boolean; responseCode: number | null; durationMs: number; error: string | null },
): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({
      webhookId: row.webhookId!,
      outboxId: row.id,
      event: row.event ?? "",
      attempt: row.attempts,
      ok: result.ok,
      responseCode: result.responseCode,
      durationMs: Math.max(0, Math.round(result.durationMs)),
      error: result.error?.slice(0, 1000) ?? null,
    });
  });
}

/** The notifications an e-mail row carries now, oldest first. */
export async function emailContents(row: OutboxRow): Promise<{
  to: { email: string; name: string; locale: "en" | "fr" | null; active: boolean } | null;
  notificationIds: number[];
}> {
  const db = getDb();
  const [to] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, active: users.active })
    .from(users)
    .where(eq(users.id, row.userId ?? -1));
  const batch = (JSON.parse(row.payload) as { batch: string }).batch;
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, row.userId ?? -1),
        eq(notifications.emailBatch, batch),
        eq(notifications.emailState, "pending"),
      ),
    )
    .orderBy(asc(notifications.id));
  return { to: to ?? null, notificationIds: rows.map((r) => r.id) };
}

// ---------------------------------------------------------------------------------------------
// For admins
// ---------------------------------------------------------------------------------------------

export type OutboxProblem = {
  id: number;
  kind: "email" | "webhook";
  status: OutboxRow["status"];
  attempts: number;
  to: string | null;
  event: string | null;
  lastError: string | null;
  runAfter: Date;
  createdAt: Date;
};

/** Rows that failed at least once (retrying or given up), newest first. */
export async function listOutboxProblems(limit = 50): Promise<OutboxProblem[]> {
  const rows = await getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      email: users.email,
      url: webhooks.url,
      event: outbox.event,
      lastError: outbox.lastError,
      runAfter: outbox.runAfter,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .leftJoin(users, eq(users.id, outbox.userId))
    .leftJoin(webhooks, eq(webhooks.id, outbox.webhookId))
    .where(and(sql`${outbox.lastError} IS NOT NULL`, ne(outbox.status, "sent")))
    .orderBy(desc(outbox.id))
    .limit(limit);
  return rows.map(({ email, url, ...row }) => ({ ...row, to: email ?? url ?? null }));
}

/** Puts a retrying or failed row back to be sent now. */
export async function retryNow(id: number): Promise<boolean> {
  return withTransaction(async (tx) => {
    const changed = await tx
      .update(outbox)
      .set({ status: "pending", runAfter: new Date(), lockedUntil: null })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ["pending", "failed"])))
      .returning({ id: outbox.id });
    return changed.length > 0;
  });
}

export async function outboxCounts(): Promise<{ pending: number; failed: number }> {
  const db = getDb();
  const [pending, failed] = await Promise.all([
    countRows(db, outbox, inArray(outbox.status, ["pending", "sending"])),
    countRows(db, outbox, eq(outbox.status, "failed")),
  ]);
  return { pending, failed };
}

export const smtpConfigured = () => Boolean(getEnv().SMTP_URL);
