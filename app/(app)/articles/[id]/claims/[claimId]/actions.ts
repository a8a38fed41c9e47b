"use server";

// Right of reply on a claim: asking a party for comment, logging what came back, recording a party
// as deliberately not contacted. The data layer checks the role again and every date.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { createCommentRequest, recordNotContacted, recordReply } from "@/lib/data/comment-requests";
import { createCommentRequestSchema, notContactedSchema, recordReplySchema } from "@/lib/validation/comment";

function refresh(articleId: number) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/queue");
}

export const createCommentRequestAction = authedAction(
  { schema: createCommentRequestSchema, permission: "claim.edit" },
  async (input, user) => {
    const request = await createCommentRequest({ actor: user, input, now: now() });
    refresh(request.articleId);
    return request;
  },
);

export const recordReplyAction = authedAction(
  { schema: recordReplySchema, permission: "claim.edit" },
  async (input, user) => {
    const result = await recordReply({ actor: user, input, now: now() });
    refresh(result.request.articleId);
    return result;
  },
);

export const recordNotContactedAction = authedAction(
  { schema: notContactedSchema, permission: "claim.edit" },
  async (input, user) => {
    const waiver = await recordNotContacted({ actor: user, input, now: now() });
    revalidatePath("/queue");
    return waiver;
  },
);
