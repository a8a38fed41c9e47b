import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiMessage } from "@/lib/api/threads";
import { getClaimById } from "@/lib/data/claims";
import { addMessage, getThread } from "@/lib/data/threads";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(endpoints.listMessages, async ({ params }) => {
  const claim = await getClaimById({ id: params.id });
  if (!claim) {
    throw new AppError("not_found", "This claim does not exist or was deleted.", {
      details: { reason: "claim_not_found" },
    });
  }
  const messages = await getThread({ claimId: claim.id });
  return { claimId: claim.id, messages: messages.map(toApiMessage) };
});

export const POST = apiRoute(endpoints.postMessage, async ({ params, body, actor }) => {
  const { message } = await addMessage({ actor, input: { claimId: params.id, body: body.body } });
  return toApiMessage(message);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
