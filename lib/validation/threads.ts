// What a claim's thread and assignment take, shared by the composer, the server actions and the API.
import { MESSAGE_MAX } from "./limits";
import { multilineText } from "./text";
import { z } from "./zod";

// Kept in ./limits, without zod: the thread composer imports it on every page with a thread.
export { MESSAGE_MAX };

const id = () => z.number().int().positive();

export const messageBody = () =>
  multilineText().min(1, { error: "messageRequired" }).max(MESSAGE_MAX, { error: "messageTooLong" });

export const threadRefSchema = z.object({ claimId: id() });
export const postMessageSchema = z.object({ claimId: id(), body: messageBody() });
export type PostMessageInput = z.input<typeof postMessageSchema>;
export const editMessageSchema = z.object({ messageId: id(), body: messageBody() });
export type EditMessageInput = z.input<typeof editMessageSchema>;

/** `assigneeId` null takes the claim back from whoever had it. */
export const assignClaimSchema = z.object({ id: id(), assigneeId: id().nullable() });
export const BULK_ASSIGN_MAX = 200;
export const bulkAssignSchema = z.object({
  ids: z.array(id()).min(1).max(BULK_ASSIGN_MAX),
  assigneeId: id().nullable(),
});
export const articleOwnerSchema = z.object({ articleId: id(), ownerId: id() });
