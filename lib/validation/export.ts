import { z } from "./zod";
import { BULK_FORMATS, FORMATS } from "@/lib/export";

/** ?format=md|html|json|csv|claimreview&unapproved=1 of an article's download. */
export const summaryExportQuerySchema = z.object({
  format: z.enum(FORMATS, { error: "unknownFormat" }),
  unapproved: z
    .enum(["0", "1"], { error: "invalidFlag" })
    .default("0")
    .transform((value) => value === "1"),
});
export type SummaryExportQuery = z.output<typeof summaryExportQuerySchema>;

/** ?format=jsonl|csv&from=YYYY-MM-DD&to=YYYY-MM-DD of the bulk export; both days included. */
export const bulkExportQuerySchema = z
  .object({
    format: z.enum(BULK_FORMATS, { error: "unknownFormat" }),
    from: z.iso.date({ error: "invalidDate" }),
    to: z.iso.date({ error: "invalidDate" }),
  })
  .refine((query) => query.from <= query.to, { path: ["to"], error: "rangeReversed" });
export type BulkExportQuery = z.output<typeof bulkExportQuerySchema>;

/** Article ids in a URL: a canonical positive integer, or nothing. */
export { idParamSchema as articleIdParamSchema } from "./id";
