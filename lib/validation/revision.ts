// A new revision of an article's body (issue 16), from the desk's form or the API, and how a
// person settles a claim the revision flagged. Messages are keys of the errors catalog.
import { articleSchema } from "./article";
import { z } from "./zod";

const id = z.number().int().positive();

export const revisionFormSchema = z.discriminatedUnion("source", [
  z.object({
    articleId: id,
    version: id.optional(),
    source: z.literal("paste"),
    body: articleSchema.shape.body,
  }),
  z.object({
    articleId: id,
    version: id.optional(),
    source: z.literal("file"),
    html: articleSchema.shape.body,
    fileName: z.string().max(300).optional(),
  }),
  z.object({
    articleId: id,
    version: id.optional(),
    source: z.literal("link"),
    url: articleSchema.shape.url.optional(),
  }),
]);
export type RevisionFormInput = z.input<typeof revisionFormSchema>;

/** The API's body: like article creation, one of `body` (text or HTML), `html`, or a `url` (or none: the article's link). */
export const apiRevisionSchema = z
  .strictObject({
    body: articleSchema.shape.body
      .optional()
      .describe(
        "The new text (or HTML with `bodyFormat: html`), at most 200,000 characters once normalised.",
      ),
    bodyFormat: articleSchema.shape.bodyFormat.describe("`html` turns the body into text as it is."),
    html: articleSchema.shape.body.optional().describe("A web page: its article is extracted (Readability)."),
    url: articleSchema.shape.url
      .optional()
      .describe(
        "A page to fetch; with none of `body`, `html` and `url`, the article's own link is fetched again.",
      ),
    version: id.optional().describe("The article's version you saw: 409 when it changed since."),
  })
  .describe("A new revision of the article's body.");
export type ApiRevisionInput = z.output<typeof apiRevisionSchema>;

export const resolveAnchorSchema = z.discriminatedUnion("how", [
  z.object({ id, version: id, how: z.literal("accepted") }),
  z.object({
    id,
    version: id,
    how: z.literal("picked"),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
  z.object({
    id,
    version: id,
    how: z.literal("selected"),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    quote: z.string().min(1).max(5000),
  }),
]);
export type ResolveAnchorFormInput = z.input<typeof resolveAnchorSchema>;
