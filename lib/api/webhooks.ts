// Webhooks and their delivery log as the API returns them (lib/validation/api-webhooks.ts).
import type { z } from "zod";
import type { WebhookDelivery } from "@/lib/data/tables";
import type { WebhookView } from "@/lib/data/webhooks";
import type { apiWebhookDeliverySchema, apiWebhookSchema } from "@/lib/validation/api-webhooks";

export function toApiWebhook(hook: WebhookView): z.output<typeof apiWebhookSchema> {
  return {
    id: hook.id,
    url: hook.url,
    events: hook.events,
    active: hook.active,
    secretHint: hook.secretHint,
    createdAt: hook.createdAt.toISOString(),
    updatedAt: hook.updatedAt.toISOString(),
  };
}

export function toApiDelivery(entry: WebhookDelivery): z.output<typeof apiWebhookDeliverySchema> {
  return {
    id: entry.id,
    event: entry.event,
    attempt: entry.attempt,
    ok: entry.ok,
    responseCode: entry.responseCode,
    durationMs: entry.durationMs,
    error: entry.error,
    createdAt: entry.createdAt.toISOString(),
  };
}
