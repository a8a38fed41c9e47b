// The JSON of a claim's thread and assignment in /api/v1 (lib/validation/api-threads.ts).
import type { MessageView } from "@/lib/data/threads";

export function toApiMessage(message: MessageView) {
  return {
    id: message.id,
    claimId: message.claimId,
    kind: message.kind,
    author: message.author,
    createdAt: message.createdAt.toISOString(),
    body: message.body,
    editedAt: message.editedAt?.toISOString() ?? null,
    earlier: message.earlier.map((v) => ({ body: v.body, at: v.at.toISOString() })),
    mentions: message.mentions,
  };
}
