// The HTTP API's inputs and outputs for a claim's thread and assignment (issue 18), derived from
// the schemas the composer and the data layer use (lib/validation/threads.ts).
import { z } from "./zod";
import { idParamSchema } from "./id";
import { messageBody } from "./threads";

const id = z.number().int().positive();
const timestamp = z.iso.datetime({ offset: false });
const person = z.object({ id, name: z.string() }).describe("An account of the desk.");

export const messageParamsSchema = z.object({
  id: idParamSchema.describe("The claim's id."),
  message: idParamSchema.describe("The message's id."),
});

export const apiMessageBodySchema = z
  .object({
    body: messageBody().describe(
      "The text, at most 10,000 characters. `@handle` mentions an active account: the part of its e-mail address before the @ (or the whole address). Mentioning a deactivated account is refused.",
    ),
  })
  .describe("A message of a claim's thread.");

export const apiMessageSchema = z
  .object({
    id,
    claimId: id,
    kind: z.enum(["message", "return"]).describe("`return`: the note the claim was returned with."),
    author: person,
    createdAt: timestamp,
    body: z.string().describe("The current text."),
    editedAt: timestamp.nullable(),
    earlier: z
      .array(z.object({ body: z.string(), at: timestamp }))
      .describe("The earlier texts of an edited message, oldest first: nothing is lost."),
    mentions: z.array(person),
  })
  .describe("One message of a claim's thread.");

export const apiThreadSchema = z
  .object({ claimId: id, messages: z.array(apiMessageSchema) })
  .describe("A claim's thread, oldest message first.");

export const apiAssignClaimSchema = z
  .object({
    assigneeId: id
      .nullable()
      .describe("The reviewer (or admin) to give the claim to; null takes it back from whoever has it."),
  })
  .describe("Whom a claim in review is given to.");

export const apiAssignmentSchema = z
  .object({ id, assignedTo: person.nullable() })
  .describe("The claim and the reviewer it is given to.");

export const apiArticleOwnerSchema = z
  .object({ ownerId: id.describe("The account the article is given to.") })
  .describe("The editor an article belongs to.");

export const apiOwnerSchema = z.object({ articleId: id, owner: person }).describe("The article's owner.");
