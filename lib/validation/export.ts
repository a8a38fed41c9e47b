import { z } from "./zod";
import { BULK_FORMATS, FORMATS } from "@/lib/export";
import { CSV_SEPARATORS } from "@/lib/export/format-names";

const flag = z
  .enum(["0", "1"], { error: "invalidFlag" })
  .default("0")
  .transform((value) => value === "1");

/** CSV only: omitted, the route picks it from the interface's and the article's language. */
const separator = z.enum(CSV_SEPARATORS, { error: "unknownSeparator" }).optional();

/**
 * ?format=md|html|json|csv|claimreview&unapproved=1 of an article's download; for CSV also
 * &separator=comma|semicolon, for ClaimReview &uncommented=1 (also the claims nobody answered).
 */
export const summaryExportQuerySchema = z.object({
  format: z.enum(FORMATS, { error: "unknownFormat" }),
  unapproved: flag,
  separator,
  uncommented: flag,
});
export type SummaryExportQuery = z.output<typeof summaryExportQuerySchema>;

/** ?format=jsonl|csv&from=YYYY-MM-DD&to=YYYY-MM-DD of the bulk export; both days included. */
export const bulkExportQuerySchema = z
  .object({
    format: z.enum(BULK_FORMATS, { error: "unknownFormat" }),
    separator,
    from: z.iso.date({ error: "invalidDate" }),
    to: z.iso.date({ error: "invalidDate" }),
  })
  .refine((query) => query.from <= query.to, { path: ["to"], error: "rangeReversed" });
export type BulkExportQuery = z.output<typeof bulkExportQuerySchema>;

/** Article ids in a URL: a canonical positive integer, or nothing. */
export { idParamSchema as articleIdParamSchema } from "./id";
