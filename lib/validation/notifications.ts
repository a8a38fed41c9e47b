import { z } from "./zod";
import { EMAIL_CHOICES, NOTIFICATION_KINDS, WEBHOOK_EVENTS } from "@/lib/review/model";

// Error messages are message keys (errors.* in messages/).

export const markReadSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1, { error: "required" }).max(500, { error: "tooMany" }),
});

/** Up to the newest notification the page showed: what arrived since stays unread. */
export const markAllReadSchema = z.object({ upTo: z.number().int().positive().optional() });

export const emailPrefsSchema = z.object({
  prefs: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.enum(EMAIL_CHOICES)),
});
export type EmailPrefsInput = z.input<typeof emailPrefsSchema>;

export const WEBHOOK_SECRET_MIN = 16;

/** http or https only, with a host and no credentials. */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .max(2000, { error: "tooLong" })
  .refine(
    (raw) => {
      try {
        const url = new URL(raw);
        return (
          (url.protocol === "http:" || url.protocol === "https:") &&
          !!url.hostname &&
          !url.username &&
          !url.password
        );
      } catch {
        return false;
      }
    },
    { error: "invalidUrl" },
  );

const events = z
  .array(z.enum(WEBHOOK_EVENTS, { error: "required" }))
  .min(1, { error: "required" })
  .max(WEBHOOK_EVENTS.length, { error: "tooMany" })
  .transform((list) => [...new Set(list)]);

export const createWebhookSchema = z.object({
  url: webhookUrl,
  // Empty: the desk makes one and shows it once.
  secret: z
    .string()
    .trim()
    .max(200, { error: "tooLong" })
    .refine((s) => s === "" || s.length >= WEBHOOK_SECRET_MIN, { error: "secretTooShort" })
    .optional()
    .default(""),
  events,
  active: z.boolean().optional().default(true),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({
  id: z.number().int().positive(),
  url: webhookUrl.optional(),
  secret: z
    .string()
    .trim()
    .min(WEBHOOK_SECRET_MIN, { error: "secretTooShort" })
    .max(200, { error: "tooLong" })
    .optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const webhookRefSchema = z.object({ id: z.number().int().positive() });
export const outboxRefSchema = z.object({ id: z.number().int().positive() });
