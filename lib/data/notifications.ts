import "server-only";
// Notifications: the inbox of each account, what it wants by e-mail, and the one function every
// feature calls to tell people of something (notify). E-mail is grouped per recipient and action:
// the notifications of one call (or of one notificationBatch, e.g. a bulk approval of 50 claims,
// each in its own transaction) go out as ONE message, composed when the outbox sends it.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import {
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
  notificationPrefs,
  notifications,
  outbox,
  users,
  type EmailChoice,
  type Notification,
  type NotificationKind,
} from "@/lib/data/tables";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countRows, getDb, withTransaction, type Tx } from "./connection";
import { publishLive } from "./live";
import { enqueueEmail } from "./outbox";

export { NOTIFICATION_KINDS, EMAIL_CHOICES };
export type { NotificationKind, EmailChoice };

/** What each kind goes out as by e-mail until the account chooses otherwise. */
export const DEFAULT_EMAIL: Readonly<Record<NotificationKind, EmailChoice>> = Object.freeze({
  returned: "immediate",
  approved: "off",
  article_verified: "digest",
  mentioned: "immediate",
  assigned: "immediate",
  deadline_passed: "immediate",
  summary_published: "off",
  correction_published: "off",
});

/** Longest note kept with a notification (the start of a message or a return note). */
export const NOTE_MAX = 280;

export type NotifyInput = {
  kind: NotificationKind;
  recipientIds: readonly number[];
  actorId?: number | null;
  articleId?: number | null;
  claimId?: number | null;
  note?: string | null;
};

type Batch = { id: string; held: Set<number> };
const openBatch = new AsyncLocalStorage<Batch>();

/** While a batch is open its e-mails wait (at most this long, should the process stop first). */
const HELD_MS = 10 * 60_000;

/**
 * Runs `work` (any number of transactions) as one action for e-mail: each recipient gets one
 * message for all that it told them, sent when the batch ends. A bulk action wraps itself in it.
 */
export async function notificationBatch<T>(work: () => Promise<T>): Promise<T> {
  if (openBatch.getStore()) return work();
  const batch: Batch = { id: randomUUID(), held: new Set() };
  try {
    return await openBatch.run(batch, work);
  } finally {
    if (batch.held.size > 0) {
      await withTransaction(async (tx) => {
        await tx
          .update(outbox)
          .set({ runAfter: new Date() })
          .where(
            and(
              inArray(
                outbox.dedupeKey,
                [...batch.held].map((userId) => immediateKey(userId, batch.id)),
              ),
              eq(outbox.status, "pending"),
            ),
          );
      }).catch(() => undefined); // The rows go out after HELD_MS anyway.
    }
  }
}

const immediateKey = (userId: number, batch: string) => `email:${userId}:${batch}`;

/** The UTC day and time of the next digest after `now`. */
export function nextDigest(now: Date, hour = getEnv().DIGEST_HOUR_UTC): { day: string; at: Date } {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return { day: at.toISOString().slice(0, 10), at };
}

export function emailEnabled(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/**
 * Tells `recipientIds` of something, inside the caller's transaction: one inbox row each (never
 * the actor, never a deactivated account), and the e-mail each asked for. Returns the rows written.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<Notification[]> {
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(input.kind)) {
    throw new AppError("invalid_input", "Unknown notification kind.");
  }
  const ids = [...new Set(input.recipientIds)].filter(
    (id) => Number.isSafeInteger(id) && id > 0 && id !== input.actorId,
  );
  if (ids.length === 0) return [];
  // The active recipients and the e-mail each chose for this kind, in one read.
  const active = await tx
    .select({ id: users.id, email: notificationPrefs.email })
    .from(users)
    .leftJoin(
      notificationPrefs,
      and(eq(notificationPrefs.userId, users.id), eq(notificationPrefs.kind, input.kind)),
    )
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (active.length === 0) return [];
  const recipients = active.map((row) => row.id);
  const choices = new Map(active.map((row) => [row.id, row.email ?? DEFAULT_EMAIL[input.kind]]));
  const now = new Date();
  const batch = openBatch.getStore();
  const batchId = batch?.id ?? randomUUID();
  const digest = nextDigest(now);
  const mail = emailEnabled();
  const note = input.note ? input.note.slice(0, NOTE_MAX) : null;
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => {
        const choice = mail ? choices.get(userId)! : "off";
        return {
          userId,
          kind: input.kind,
          actorId: input.actorId ?? null,
          articleId: input.articleId ?? null,
          claimId: input.claimId ?? null,
          note,
          emailState: choice === "off" ? ("none" as const) : ("pending" as const),
          emailBatch: choice === "off" ? null : choice === "digest" ? `digest:${digest.day}` : batchId,
          createdAt: now,
        };
      }),
    )
    .returning();
  // Each recipient's open pages learn of it at once (the header's inbox count), through the live
  // channel, which shows an event with a recipient to that account only.
  for (const userId of recipients) {
    await publishLive(tx, {
      kind: `notification.${input.kind}`,
      recipientId: userId,
      actorId: input.actorId ?? null,
      articleId: input.articleId ?? null,
      claimId: input.claimId ?? null,
    });
  }
  for (const userId of recipients) {
    const choice = mail ? choices.get(userId)! : "off";
    if (choice === "off") continue;
    if (choice === "digest") {
      await enqueueEmail(tx, {
        userId,
        key: `email:${userId}:digest:${digest.day}`,
        batch: `digest:${digest.day}`,
        runAfter: digest.at,
      });
    } else {
      if (batch) batch.held.add(userId);
      await enqueueEmail(tx, {
        userId,
        key: immediateKey(userId, batchId),
        batch: batchId,
        runAfter: batch ? new Date(now.getTime() + HELD_MS) : now,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The inbox
// ---------------------------------------------------------------------------------------------

export type InboxItem = {
  id: number;
  kind: NotificationKind;
  actorName: string | null;
  articleId: number | null;
  articleTitle: string | null;
  claimId: number | null;
  note: string | null;
  read: boolean;
  createdAt: Date;
};

export const INBOX_PAGE = 50;

/** The newest notifications of `userId`, `before` an id for the next page. */
export async function listInbox(
  userId: number,
  options: { before?: number; limit?: number; unreadOnly?: boolean } = {},
): Promise<InboxItem[]> {
  const limit = Math.min(Math.max(options.limit ?? INBOX_PAGE, 1), 200);
  const db = getDb();
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorName: users.name,
      articleId: notifications.articleId,
      claimId: notifications.claimId,
      note: notifications.note,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      articleTitle: sql<
        string | null
      >`(SELECT a.title FROM articles a WHERE a.id = ${notifications.articleId})`,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        eq(notifications.userId, userId),
        options.before ? lt(notifications.id, options.before) : undefined,
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

export async function countUnread(userId: number): Promise<number> {
  return countRows(
    getDb(),
    notifications,
    and(eq(notifications.userId, userId), isNull(notifications.readAt)),
  );
}

/** Marks the given notifications of `userId` read (others' ids are ignored). Returns how many changed. */
export async function markRead(userId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return withTransaction(async (tx) => {
    const changed = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          inArray(notifications.id, [...ids]),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    return changed.length;
  });
}

/** Marks every unread notification of `userId` read, up to the id `upTo` when given. */
export async function markAllRead(userId: number, upTo?: number): Promise<number> {
  return withTransaction(async (tx) => {
    const changed = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          upTo ? lte(notifications.id, upTo) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    return changed.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Preferences
// ---------------------------------------------------------------------------------------------

export type EmailPrefs = Record<NotificationKind, EmailChoice>;

export async function getEmailPrefs(userId: number): Promise<EmailPrefs> {
  const rows = await getDb()
    .select({ kind: notificationPrefs.kind, email: notificationPrefs.email })
    .from(notificationPrefs)
    .where(eq(notificationPrefs.userId, userId));
  const prefs = { ...DEFAULT_EMAIL };
  for (const row of rows) prefs[row.kind] = row.email;
  return prefs;
}

/** Saves the choices given (others keep theirs). */
export async function setEmailPrefs(userId: number, prefs: Partial<EmailPrefs>): Promise<EmailPrefs> {
  const entries = Object.entries(prefs).filter(
    (entry): entry is [NotificationKind, EmailChoice] =>
      (NOTIFICATION_KINDS as readonly string[]).includes(entry[0]) &&
      (EMAIL_CHOICES as readonly string[]).includes(entry[1] as string),
  );
  await withTransaction(async (tx) => {
    for (const [kind, email] of entries) {
      await tx
        .insert(notificationPrefs)
        .values({ userId, kind, email })
        .onConflictDoUpdate({ target: [notificationPrefs.userId, notificationPrefs.kind], set: { email } });
    }
  });
  return getEmailPrefs(userId);
}
