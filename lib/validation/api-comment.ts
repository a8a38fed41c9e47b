// The right of reply in the API: request bodies (the claim comes from the path) and responses.
import { COMMENT_CHANNELS, REPLY_OUTCOMES } from "@/lib/review/model";
import { idParamSchema } from "./id";
import { createCommentRequestSchema, replyFields } from "./comment";
import { apiFileSchema } from "./api";
import { z } from "./zod";

const id = z.number().int().positive();
const timestamp = z.iso.datetime({ offset: false });
const person = z.object({ id, name: z.string() });

export const commentRequestParamsSchema = z.object({
  id: idParamSchema.describe("The claim's id."),
  request: idParamSchema.describe("The request for comment's id."),
});

const timeInput = (what: string) =>
  z
    .string()
    .min(1)
    .max(40)
    .describe(
      `${what}: ISO 8601 with its offset ("2026-12-01T13:00:00Z"), or a wall-clock time "2026-12-01T14:00" read in the desk's time zone.`,
    );

export const apiCreateCommentRequestSchema = createCommentRequestSchema
  .omit({ claimId: true })
  .extend({
    party: createCommentRequestSchema.shape.party.describe(
      'Who was asked, as an `uncommented` verdict names its silent party ("Kyiv").',
    ),
    channel: z.enum(COMMENT_CHANNELS).describe("How the request went out."),
    askedAt: timeInput("When the request was sent"),
    deadline: timeInput("The deadline given; after the request"),
  })
  .describe("A request for comment sent to a party about the claim.");

export const apiRecordReplySchema = replyFields
  .omit({ claimId: true, requestId: true })
  .extend({
    outcome: z
      .enum(REPLY_OUTCOMES)
      .describe("`answered`, or `declined` when the party said it would not comment."),
    text: replyFields.shape.text.describe("What the party said; needed for an answer."),
    repliedAt: timeInput("When the reply came; not before the request"),
    channel: z.enum(COMMENT_CHANNELS).describe("How the reply came in."),
  })
  .describe(
    "The reply to a request for comment. Logged once; a reply never changes the verdict. Send it as JSON, or as `multipart/form-data` with the same fields and a document in the field `file` (kept like an uploaded document: type read from its content, at most 20 MB, SHA-256; nothing is kept when the reply is refused).",
  );

export const apiCommentRequestSchema = z
  .object({
    id,
    claimId: id,
    articleId: id,
    party: z.string(),
    contact: z.object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      pressOffice: z.string().nullable(),
      social: z.string().nullable(),
    }),
    channel: z.enum(COMMENT_CHANNELS),
    askedAt: timestamp,
    deadline: timestamp,
    askedBy: person.nullable(),
    notes: z.string().nullable(),
    state: z
      .enum(["waiting", "overdue", "answered", "declined"])
      .describe("Computed when read: overdue once the deadline passed without a reply."),
    overdueMinutes: z.number().int().min(0),
    reply: z
      .object({
        outcome: z.enum(REPLY_OUTCOMES),
        document: apiFileSchema
          .nullable()
          .describe(
            "The document that came with the reply (sent as `file` in a multipart body), kept as evidence.",
          ),
        text: z.string().nullable(),
        at: timestamp,
        channel: z.enum(COMMENT_CHANNELS),
        loggedBy: person.nullable(),
        loggedAt: timestamp,
      })
      .nullable(),
  })
  .describe("A request for comment on a claim (right of reply), with its reply once logged.");

export const apiRightOfReplySchema = z
  .object({
    requests: z.array(apiCommentRequestSchema),
    notContacted: z.array(
      z.object({ party: z.string(), reason: z.string(), recordedBy: person.nullable(), at: timestamp }),
    ),
    replyReceived: z.boolean().describe("An answer came after the current verdict was set."),
  })
  .describe("A claim's right of reply: who was asked, when, and what came back.");

export const apiRecordedReplySchema = z
  .object({
    request: apiCommentRequestSchema,
    stage: z.enum(["draft", "in_review", "approved"]).describe("The claim's stage after the reply."),
  })
  .describe("The request with its reply, and where the claim now stands.");
