import "server-only";
// One pass of the outbox worker: claim what is due, send each row (outside any transaction),
// record the outcome. Used by the worker loop (lib/notify/worker.ts), "Send a test" and the tests.
import { inArray, eq } from "drizzle-orm";
import { getDb } from "@/lib/data/connection";
import {
  claimDue,
  emailContents,
  enqueueTestDelivery,
  logDelivery,
  markFailed,
  markSent,
} from "@/lib/data/outbox";
import { requireWebhook } from "@/lib/data/webhooks";
import { articles, notifications, users, webhooks, type OutboxRow } from "@/lib/data/tables";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locale";
import { baseUrl } from "./base-url";
import { sendMail } from "./mailer";
import { renderMail, type MailItem } from "./render";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from "./signature";
import { postWebhook } from "./webhook-send";

export type RowOutcome = {
  id: number;
  kind: OutboxRow["kind"];
  webhookId?: number | null;
  result: "sent" | "retry" | "failed";
  error?: string;
  responseCode?: number;
  durationMs?: number;
};

async function mailItems(ids: number[]): Promise<MailItem[]> {
  if (ids.length === 0) return [];
  return getDb()
    .select({
      kind: notifications.kind,
      actorName: users.name,
      articleId: notifications.articleId,
      articleTitle: articles.title,
      claimId: notifications.claimId,
      note: notifications.note,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .where(inArray(notifications.id, ids))
    .orderBy(notifications.id);
}

async function sendEmailRow(row: OutboxRow, now: Date): Promise<RowOutcome> {
  const { to, notificationIds } = await emailContents(row);
  if (!to || !to.active || notificationIds.length === 0 || !getEnv().SMTP_URL) {
    // Nothing (left) to tell, or nobody to tell it to.
    await markSent(row, notificationIds, now);
    return { id: row.id, kind: row.kind, result: "sent" };
  }
  const batch = (JSON.parse(row.payload) as { batch: string }).batch;
  const locale = to.locale && isLocale(to.locale) ? to.locale : "en";
  const mail = renderMail({
    locale,
    name: to.name,
    items: await mailItems(notificationIds),
    baseUrl: baseUrl(),
    digest: batch.startsWith("digest:"),
  });
  try {
    await sendMail({ to: to.email, lang: locale, ...mail });
  } catch (error) {
    const message = describe(error);
    const result = await markFailed(row, message, new Date());
    return { id: row.id, kind: row.kind, result, error: message };
  }
  await markSent(row, notificationIds, new Date());
  return { id: row.id, kind: row.kind, result: "sent" };
}

async function sendWebhookRow(row: OutboxRow): Promise<RowOutcome> {
  const [hook] = await getDb()
    .select()
    .from(webhooks)
    .where(eq(webhooks.id, row.webhookId ?? -1));
  if (!hook || (!hook.active && row.event !== "test")) {
    const message = hook ? "webhook paused" : "webhook deleted";
    const result = await markFailed({ ...row, createdAt: new Date(0) }, message);
    return { id: row.id, kind: row.kind, webhookId: row.webhookId, result, error: message };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const body = row.payload;
  const started = performance.now();
  let outcome: { ok: boolean; responseCode: number | null; error: string | null; durationMs: number };
  try {
    const response = await postWebhook(hook.url, body, {
      [SIGNATURE_HEADER]: sign(hook.secret, timestamp, body),
      [TIMESTAMP_HEADER]: String(timestamp),
      [EVENT_HEADER]: row.event ?? "",
      [DELIVERY_HEADER]: (JSON.parse(body) as { id: string }).id,
    });
    const ok = response.status >= 200 && response.status < 300;
    outcome = {
      ok,
      responseCode: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: response.durationMs,
    };
  } catch (error) {
    outcome = {
      ok: false,
      responseCode: null,
      error: describe(error),
      durationMs: performance.now() - started,
    };
  }
  await logDelivery(row, outcome);
  if (outcome.ok) {
    await markSent(row);
    return {
      id: row.id,
      kind: row.kind,
      webhookId: row.webhookId,
      result: "sent",
      responseCode: outcome.responseCode ?? undefined,
      durationMs: outcome.durationMs,
    };
  }
  const result = await markFailed(row, outcome.error ?? "failed");
  return {
    id: row.id,
    kind: row.kind,
    webhookId: row.webhookId,
    result,
    error: outcome.error ?? undefined,
    responseCode: outcome.responseCode ?? undefined,
    durationMs: outcome.durationMs,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === "string" ? `${code}: ` : ""}${error.message}`.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}

/** Claims and sends what is due (at `now`). Never throws for a failed send: it is recorded. */
export async function processOutbox(
  options: { now?: Date; limit?: number; ids?: number[] } = {},
): Promise<RowOutcome[]> {
  const now = options.now ?? new Date();
  const rows = await claimDue({ now, limit: options.limit, ids: options.ids });
  // Sent side by side: one slow server does not hold the others up.
  return Promise.all(
    rows.map((row) => (row.kind === "email" ? sendEmailRow(row, now) : sendWebhookRow(row))),
  );
}

export type TestOutcome = {
  delivered: boolean;
  code: number | null;
  ms: number | null;
  error: string | null;
};

/**
 * "Send a test" (the admin page and the API): queues a test delivery to the webhook and sends it
 * at once; the delivery log shows it either way, and a failed one is retried like any other.
 */
export async function sendTestDelivery(webhookId: number): Promise<TestOutcome> {
  await requireWebhook(webhookId);
  const id = await enqueueTestDelivery(webhookId);
  const [outcome] = await processOutbox({ ids: [id] });
  return {
    delivered: outcome?.result === "sent",
    code: outcome?.responseCode ?? null,
    ms: outcome?.durationMs === undefined ? null : Math.round(outcome.durationMs),
    error: outcome ? (outcome.error ?? null) : null,
  };
}
