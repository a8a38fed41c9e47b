import { z } from "./zod";

/** The most HTML taken in one go, in characters: the fetcher's 5 MB limit, as text. */
export const MAX_HTML_LENGTH = 5 * 1024 * 1024;

// What the new-article form (and the API) can bring in instead of plain text: a link to fetch, or
// HTML (a pasted page or fragment, an uploaded .html file decoded in its own charset).
export const intakeSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("url"),
    url: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
  }),
  z.object({
    source: z.literal("html"),
    html: z
      .string({ error: "bodyRequired" })
      .min(1, { error: "bodyRequired" })
      .max(MAX_HTML_LENGTH, { error: "bodyTooLong" }),
  }),
]);
export type IntakeInput = z.input<typeof intakeSchema>;
