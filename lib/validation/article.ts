import { LANGUAGES } from "@/lib/review/model";
import { MAX_BODY_LENGTH } from "./limits";
import { lineText, searchText } from "./text";
import { z } from "./zod";

export { MAX_BODY_LENGTH };

const optionalText = (max: number) => lineText().max(max, { error: "tooLong" });

// Error messages are message keys (errors.* in messages/): forms translate them, the API spells them out.
export const articleSchema = z.object({
  title: lineText().min(1, { error: "required" }).max(300, { error: "tooLong" }),
  outlet: optionalText(200),
  url: z.union([
    z.literal(""),
    z.url({ protocol: /^https?$/, error: "invalidUrl" }).max(2000, { error: "tooLong" }),
  ]),
  language: z.union([z.literal(""), z.enum(LANGUAGES, { error: "invalidLanguage" })]),
  publishedAt: z.union([z.literal(""), z.iso.date({ error: "invalidDate" })]),
  // Comma-separated names; left out, an update keeps the stored ones.
  authors: optionalText(500).optional(),
  body: z
    .string({ error: "bodyRequired" })
    .max(MAX_BODY_LENGTH * 2, { error: "bodyTooLong" })
    .refine((v) => v.trim().length > 0, { error: "bodyRequired" }),
  bodyFormat: z.enum(["text", "html"]).default("text"),
});
export type ArticleInput = z.input<typeof articleSchema>;

export const articleMetaSchema = articleSchema.omit({ body: true, bodyFormat: true }).extend({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  body: articleSchema.shape.body.optional(),
});
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;

export const articleListSchema = z.object({
  q: searchText().max(200).optional(),
  sort: z.enum(["newest", "oldest", "published", "title"]).default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  verified: z.enum(["all", "yes", "no"]).default("all"),
  language: z.enum(LANGUAGES).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListSchema>;
