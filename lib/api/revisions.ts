// The API's view of revisions (issue 16).
import { z } from "zod";
import { ANCHOR_STATES, REVISION_SOURCES } from "@/lib/review/model";

export const apiRevisionSchema = z.object({
  number: z.number().int().describe("1 for the body at creation, then 2, 3…"),
  source: z.enum(REVISION_SOURCES).describe("How the body came in."),
  origin: z.string().nullable().describe("The link fetched or the file's name."),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: z.string().describe("ISO 8601."),
  length: z.number().int().describe("Characters of the body."),
});

export const apiRevisionListSchema = z.object({ items: z.array(apiRevisionSchema) });

const counts = z.object(
  Object.fromEntries(ANCHOR_STATES.map((s) => [s, z.number().int()])) as Record<
    (typeof ANCHOR_STATES)[number],
    z.ZodNumber
  >,
);

export const apiRevisionOutcomeSchema = z.object({
  added: z.boolean().describe("false: the text was the same as the latest revision; nothing was added."),
  revision: z.number().int().describe("The new revision, or the latest when nothing was added."),
  anchors: counts
    .nullable()
    .describe("How many claims ended in each anchor state (null when nothing was added)."),
});
