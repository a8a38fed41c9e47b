import "server-only";
// The webhooks admins register for the newsroom's CMS, and their delivery log.
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { desc, eq } from "drizzle-orm";
import { webhookDeliveries, webhooks, type Webhook, type WebhookDelivery } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { isBlockedAddress, matchesAllowList } from "@/lib/intake/addresses";
import { webhookAllowList } from "@/lib/notify/webhook-send";
import type { Actor } from "@/lib/review";
import { parseInput } from "@/lib/validation/parse";
import {
  createWebhookSchema,
  updateWebhookSchema,
  type CreateWebhookInput,
  type UpdateWebhookInput,
} from "@/lib/validation/notifications";
import { getDb, withTransaction } from "./connection";

/** A webhook as lists show it: the secret only as its first characters. */
export type WebhookView = Omit<Webhook, "secret"> & { secretHint: string };

export function toWebhookView(hook: Webhook): WebhookView {
  const { secret, ...rest } = hook;
  return { ...rest, secretHint: `${secret.slice(0, 4)}…` };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin") {
    throw new AppError("forbidden", "Only admins manage webhooks.", { details: { reason: "role" } });
  }
}

const notFound = () =>
  new AppError("not_found", "This webhook does not exist or was deleted.", {
    details: { reason: "webhook" },
  });

const LOOKUP_TIMEOUT_MS = 2_000;

/**
 * Refuses, before anything is stored, a URL whose host is a private or internal address (or a name
 * that resolves only to such addresses) unless WEBHOOK_ALLOW_HOSTS names it. A name that does not
 * resolve now is accepted: the sender checks every connection again (lib/notify/webhook-send.ts).
 */
export async function checkWebhookTarget(raw: string): Promise<void> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const allow = webhookAllowList();
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (host === "localhost" || host.endsWith(".localhost")) addresses = ["127.0.0.1"];
  else {
    const timeout = new Promise<null>((resolve) =>
      setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS).unref(),
    );
    const found = await Promise.race([lookup(host, { all: true }).catch(() => null), timeout]);
    addresses = (found ?? []).map((entry) => entry.address);
  }
  if (addresses.length === 0) return;
  if (addresses.some((address) => !isBlockedAddress(address) || matchesAllowList(host, address, allow)))
    return;
  throw new AppError("invalid_input", `Webhook URL ${raw} points to an internal address.`, {
    fieldErrors: { url: ["webhookBlockedAddress"] },
    details: { reason: "webhook_blocked_address" },
  });
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export async function listWebhooks(): Promise<WebhookView[]> {
  const rows = await getDb().select().from(webhooks).orderBy(webhooks.id);
  return rows.map(toWebhookView);
}

export async function getWebhook(id: number): Promise<Webhook | null> {
  const [row] = await getDb().select().from(webhooks).where(eq(webhooks.id, id));
  return row ?? null;
}

/** Registers a webhook. The secret (given, or made here) comes back once, in `secret`. */
export async function createWebhook({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateWebhookInput;
}): Promise<{ webhook: WebhookView; secret: string }> {
  requireAdmin(actor);
  const data = parseInput(createWebhookSchema, input);
  await checkWebhookTarget(data.url);
  const secret = data.secret || newSecret();
  return withTransaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(webhooks)
      .values({
        url: data.url,
        secret,
        events: data.events,
        active: data.active,
        createdById: actor.id,
        updatedAt: now,
      })
      .returning();
    return { webhook: toWebhookView(row!), secret };
  });
}

export async function updateWebhook({
  actor,
  input,
}: {
  actor: Actor;
  input: UpdateWebhookInput;
}): Promise<WebhookView> {
  requireAdmin(actor);
  const data = parseInput(updateWebhookSchema, input);
  if (data.url !== undefined) await checkWebhookTarget(data.url);
  return withTransaction(async (tx) => {
    const { id, ...changes } = data;
    const [row] = await tx
      .update(webhooks)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(webhooks.id, id))
      .returning();
    if (!row) throw notFound();
    return toWebhookView(row);
  });
}

/** Replaces a webhook's secret with the one given, or a new one; it comes back once, in `secret`. */
export async function rotateWebhookSecret({
  actor,
  id,
  secret,
}: {
  actor: Actor;
  id: number;
  secret?: string;
}): Promise<{ webhook: WebhookView; secret: string }> {
  const next = secret || newSecret();
  const webhook = await updateWebhook({ actor, input: { id, secret: next } });
  return { webhook, secret: next };
}

/** Removes a webhook and what is still queued for it; its delivery log stays. */
export async function deleteWebhook({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  requireAdmin(actor);
  await withTransaction(async (tx) => {
    const gone = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (gone.length === 0) throw notFound();
  });
}

export async function requireWebhook(id: number): Promise<Webhook> {
  const hook = await getWebhook(id);
  if (!hook) throw notFound();
  return hook;
}

export async function listDeliveries(webhookId: number, limit = 50): Promise<WebhookDelivery[]> {
  return getDb()
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}
