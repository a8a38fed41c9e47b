import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiMessage } from "@/lib/api/threads";
import { editMessage, getThread } from "@/lib/data/threads";
import { AppError } from "@/lib/errors";

export const PATCH = apiRoute(endpoints.editMessage, async ({ params, body, actor }) => {
  // The message must be one of this claim's.
  const thread = await getThread({ claimId: params.id });
  if (!thread.some((m) => m.id === params.message)) {
    throw new AppError("not_found", "This message does not exist.", {
      details: { reason: "message_not_found" },
    });
  }
  const { message } = await editMessage({ actor, input: { messageId: params.message, body: body.body } });
  return toApiMessage(message);
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
