import { z } from "./zod";
import { VERDICTS } from "@/lib/review/model";
import { claimRefSchema, returnClaimSchema } from "./claim";

const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

/** The queue's filters, as they come from the page's GET parameters. Unknown values are dropped. */
export const queueFiltersSchema = z.object({
  article: optionalId.catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  speaker: z.string().trim().max(200).optional().catch(undefined),
  rater: optionalId.catch(undefined),
});
export type QueueFilterParams = z.infer<typeof queueFiltersSchema>;

export const QUEUE_TABS = ["review", "returned", "anchors"] as const;
export const queueTabSchema = z.enum(QUEUE_TABS).catch("review");
export type QueueTab = (typeof QUEUE_TABS)[number];

/** Approve or resubmit one claim as the caller saw it. */
export const queueDecisionSchema = claimRefSchema;

/** A return from the queue always names the version seen, so it cannot undo a concurrent approval. */
export const queueReturnSchema = returnClaimSchema.extend({ version: z.number().int().positive() });

export const MAX_BULK = 200;
export const bulkApproveSchema = z.object({
  items: z.array(claimRefSchema).min(1).max(MAX_BULK),
});

export const takeSchema = z.object({ id: z.number().int().positive(), taken: z.boolean() });
