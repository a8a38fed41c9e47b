import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiCommentRequest, toApiRightOfReply } from "@/lib/api/serialize-comment";
import { now } from "@/lib/clock";
import { createCommentRequest, getRightOfReply } from "@/lib/data/comment-requests";

export const GET = apiRoute(endpoints.listCommentRequests, async ({ params }) =>
  toApiRightOfReply(await getRightOfReply({ claimId: params.id, now: now() })),
);

export const POST = apiRoute(endpoints.createCommentRequest, async ({ params, body, actor }) =>
  toApiCommentRequest(
    await createCommentRequest({ actor, input: { ...body, claimId: params.id }, now: now() }),
  ),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
