"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { retryNow } from "@/lib/data/outbox";
import { createWebhook, deleteWebhook, updateWebhook, type WebhookView } from "@/lib/data/webhooks";
import type { ActionResult } from "@/lib/errors";
import { sendTestDelivery, type TestOutcome } from "@/lib/notify/deliver";
import {
  createWebhookSchema,
  outboxRefSchema,
  updateWebhookSchema,
  webhookRefSchema,
} from "@/lib/validation/notifications";

const PAGE = "/admin/webhooks";

const create = authedAction(
  { schema: createWebhookSchema, permission: "account.manage" },
  async (input, user) => {
    const result = await createWebhook({ actor: user, input });
    revalidatePath(PAGE);
    return result;
  },
);

const update = authedAction(
  { schema: updateWebhookSchema, permission: "account.manage" },
  async (input, user) => {
    const result = await updateWebhook({ actor: user, input });
    revalidatePath(PAGE);
    return result;
  },
);

const remove = authedAction(
  { schema: webhookRefSchema, permission: "account.manage" },
  async (input, user) => {
    await deleteWebhook({ actor: user, id: input.id });
    revalidatePath(PAGE);
    return { id: input.id };
  },
);

/** Queues a test delivery and sends it at once (the log shows it either way). */
const test = authedAction({ schema: webhookRefSchema, permission: "account.manage" }, async (input) => {
  const outcome = await sendTestDelivery(input.id);
  revalidatePath(PAGE);
  return outcome;
});

const retry = authedAction({ schema: outboxRefSchema, permission: "account.manage" }, async (input) => {
  const queued = await retryNow(input.id);
  revalidatePath(PAGE);
  return { queued };
});

export async function createWebhookAction(
  raw: unknown,
): Promise<ActionResult<{ webhook: WebhookView; secret: string }>> {
  return create(raw);
}

export async function updateWebhookAction(raw: unknown): Promise<ActionResult<WebhookView>> {
  return update(raw);
}

export async function deleteWebhookAction(raw: unknown): Promise<ActionResult<{ id: number }>> {
  return remove(raw);
}

export async function testWebhookAction(raw: unknown): Promise<ActionResult<TestOutcome>> {
  return test(raw);
}

export async function retryOutboxAction(raw: unknown): Promise<ActionResult<{ queued: boolean }>> {
  return retry(raw);
}
