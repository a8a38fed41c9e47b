// The HTTP API's inputs and outputs for webhooks (issue 18): the same rules as the admin page's
// form (lib/validation/notifications.ts), described for the OpenAPI document.
import { WEBHOOK_EVENTS } from "@/lib/review/model";
import { createWebhookSchema, updateWebhookSchema, WEBHOOK_SECRET_MIN } from "./notifications";
import { z } from "./zod";

const id = z.number().int().positive();
const timestamp = z.iso.datetime({ offset: false });

const urlText =
  "Where the desk POSTs the event: http or https, no credentials in it. An address on a private or internal network is refused unless the desk's WEBHOOK_ALLOW_HOSTS names it.";
const eventsText = `The events to send: any of ${WEBHOOK_EVENTS.map((e) => `\`${e}\``).join(", ")}.`;
const activeText =
  "False: paused, nothing is sent to it (events that happen meanwhile are not queued for it).";

export const apiCreateWebhookSchema = z
  .object({
    url: createWebhookSchema.shape.url.describe(urlText),
    events: createWebhookSchema.shape.events.describe(eventsText),
    secret: createWebhookSchema.shape.secret.describe(
      `The signing secret, at least ${WEBHOOK_SECRET_MIN} characters; left out, the desk makes one. It is returned once, in the response.`,
    ),
    active: createWebhookSchema.shape.active.describe(activeText),
  })
  .describe("A webhook to register.");

export const apiPatchWebhookSchema = z
  .object({
    url: updateWebhookSchema.shape.url.describe(urlText),
    events: updateWebhookSchema.shape.events.describe(eventsText),
    active: updateWebhookSchema.shape.active.describe(activeText),
  })
  .describe("What to change in a webhook; fields left out stay as they are.");

export const apiWebhookSecretInputSchema = z
  .object({
    secret: z
      .string()
      .trim()
      .min(WEBHOOK_SECRET_MIN, { error: "secretTooShort" })
      .max(200, { error: "tooLong" })
      .optional()
      .describe(`The new secret, at least ${WEBHOOK_SECRET_MIN} characters; left out, the desk makes one.`),
  })
  .describe("A new signing secret.");

export const apiWebhookSchema = z
  .object({
    id,
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    active: z.boolean().describe("False: paused."),
    secretHint: z
      .string()
      .describe("The first characters of the secret; the whole secret is shown only once."),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .describe("A webhook: where the desk sends which events, signed with its secret.");

export const apiWebhookListSchema = z.object({ items: z.array(apiWebhookSchema) }).describe("The webhooks.");

export const apiWebhookWithSecretSchema = z
  .object({
    webhook: apiWebhookSchema,
    secret: z
      .string()
      .describe(
        "The signing secret, shown this once: each delivery carries `X-Desk-Signature: sha256=<hex>`, the HMAC-SHA256 of `<X-Desk-Timestamp>.<body>` with it.",
      ),
  })
  .describe("A webhook with its secret, shown once.");

export const apiWebhookTestSchema = z
  .object({
    delivered: z.boolean().describe("Whether the receiver answered with a 2xx."),
    code: z.number().int().nullable().describe("The receiver's HTTP status, or null when none came."),
    ms: z.number().int().nullable().describe("How long the delivery took."),
    error: z.string().nullable().describe("Why it failed; a failed test is retried like any delivery."),
  })
  .describe("The outcome of a test delivery.");

export const apiWebhookDeliverySchema = z
  .object({
    id,
    event: z.string().describe("The event, or `test`."),
    attempt: z.number().int().describe("1 for the first try of a delivery, 2 for its first retry…"),
    ok: z.boolean(),
    responseCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    createdAt: timestamp,
  })
  .describe("One attempt to deliver an event to a webhook.");

export const apiWebhookDeliveryListSchema = z
  .object({ items: z.array(apiWebhookDeliverySchema) })
  .describe("A webhook's delivery log, newest first.");

export const deliveriesQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .default(50)
    .describe("How many attempts, newest first (at most 200)."),
});
