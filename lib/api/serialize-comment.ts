import "server-only";
// The right of reply as the API writes it: times as ISO strings (lib/validation/api-comment.ts).
import type { CommentRequestView, RightOfReply } from "@/lib/data/comment-requests";
import { toApiFile } from "./serialize";

export function toApiCommentRequest(r: CommentRequestView) {
  return {
    id: r.id,
    claimId: r.claimId,
    articleId: r.articleId,
    party: r.party,
    contact: r.contact,
    channel: r.channel,
    askedAt: r.askedAt.toISOString(),
    deadline: r.deadline.toISOString(),
    askedBy: r.askedBy,
    notes: r.notes,
    state: r.state,
    overdueMinutes: r.overdueMinutes,
    reply: r.reply
      ? {
          outcome: r.reply.outcome,
          document: r.reply.document ? toApiFile(r.reply.document) : null,
          text: r.reply.text,
          at: r.reply.at.toISOString(),
          channel: r.reply.channel,
          loggedBy: r.reply.loggedBy,
          loggedAt: r.reply.loggedAt.toISOString(),
        }
      : null,
  };
}

export function toApiRightOfReply(record: RightOfReply) {
  return {
    requests: record.requests.map(toApiCommentRequest),
    notContacted: record.notContacted.map((w) => ({
      party: w.party,
      reason: w.reason,
      recordedBy: w.recordedBy,
      at: w.at.toISOString(),
    })),
    replyReceived: record.replyReceived,
  };
}
