import { lineText, searchText } from "./text";
import { z } from "./zod";
import { STAGES, VERDICTS } from "@/lib/review/model";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const optionalDay = z
  .union([z.literal(""), z.iso.date()])
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** The search page's query string. Every field is optional; a bad one is dropped, never a 500. */
export const searchQuerySchema = z.object({
  // A longer query is cut rather than refused: a pasted paragraph still searches its start.
  q: searchText()
    .transform((v) => v.slice(0, 200).trim())
    .default(""),
  type: z.enum(["all", "claims", "articles"]).default("all"),
  verdict: z
    .union([z.literal(""), z.enum(VERDICTS)])
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  stage: z
    .union([z.literal(""), z.enum(STAGES)])
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  speaker: optionalText(200),
  outlet: optionalText(200),
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

type Raw = Record<string, string | string[] | undefined>;

/** Reads the query string field by field, so one malformed filter does not reset the others. */
export function parseSearchParams(params: Raw): SearchQuery {
  const shape = searchQuerySchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const parsed = shape[key].safeParse(value);
    out[key] = parsed.success ? parsed.data : shape[key].safeParse(undefined).data;
  }
  return out as SearchQuery;
}

/** What the similar-claims panel sends: the text being written, and the article it belongs to. */
export const similarClaimsSchema = z.object({
  text: z.string().max(4000),
  excludeArticleId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(10).default(5),
});
export type SimilarClaimsInput = z.input<typeof similarClaimsSchema>;

/** Merging speaker names: the names to replace and the one name they all become. */
export const mergeSpeakersSchema = z.object({
  from: z
    // The names as stored (not normalised again: they must match the claims' speakers exactly).
    .array(z.string().trim().min(1).max(200))
    .min(1, { error: "required" })
    .max(50, { error: "tooMany" }),
  to: lineText().min(1, { error: "required" }).max(200, { error: "tooLong" }),
});
export type MergeSpeakersInput = z.input<typeof mergeSpeakersSchema>;
