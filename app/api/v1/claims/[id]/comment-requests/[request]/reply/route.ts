import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiCommentRequest } from "@/lib/api/serialize-comment";
import { now } from "@/lib/clock";
import { recordReply } from "@/lib/data/comment-requests";

export const POST = apiRoute(endpoints.recordReply, async ({ params, body, actor, file }) => {
  const { request, stage } = await recordReply({
    actor,
    input: { ...body, claimId: params.id, requestId: params.request },
    now: now(),
    document: file,
  });
  return { request: toApiCommentRequest(request), stage };
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
