import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { CommentRequestPanel, type CommentRequestItem } from "@/components/comment-request-panel";
import type { CommentRequestView, RightOfReply } from "@/lib/data/comment-requests";
import { getEnv } from "@/lib/env";
import { replyHeading, requestLine, timeInputValue } from "@/lib/reply/wording";
import { hasPermission, type Role } from "@/lib/review";
import { sizeText } from "@/lib/evidence/sources";
import type { ReplySourceItem } from "@/components/source-list";

/** The lines of a claim's requests in the reader's language and the desk's zone. */
export function commentRequestItems(
  requests: CommentRequestView[],
  locale: string,
  now: Date,
): CommentRequestItem[] {
  const zone = getEnv().TIME_ZONE;
  return requests.map((r) => ({
    id: r.id,
    party: r.party,
    line: requestLine(r, locale, zone, now),
    state: r.state,
    contact: [r.contact.pressOffice, r.contact.email, r.contact.phone, r.contact.social].filter(
      (v): v is string => !!v,
    ),
    askedBy: r.askedBy?.name ?? null,
    notes: r.notes,
    reply: r.reply
      ? {
          text: r.reply.text,
          heading: replyHeading(
            { party: r.party, repliedAt: r.reply.at, channel: r.reply.channel, outcome: r.reply.outcome },
            locale,
            zone,
          ),
          loggedBy: r.reply.loggedBy?.name ?? null,
          document: r.reply.document
            ? {
                id: r.reply.document.id,
                name: r.reply.document.name,
                size: sizeText(r.reply.document.size),
                sha256: r.reply.document.sha256,
              }
            : null,
        }
      : null,
  }));
}

/** The right of reply of one claim, with its forms for those who may edit claims. */
export async function CommentRequestSection({
  articleId,
  claimId,
  record,
  silentParty,
  role,
  now,
}: {
  articleId: number;
  claimId: number;
  record: RightOfReply;
  silentParty: string | null;
  role: Role;
  now: Date;
}) {
  const locale = await getLocale();
  const zone = getEnv().TIME_ZONE;
  return (
    <ClientMessages namespaces={["reply", "common", "errors", "errorReasons"]}>
      <CommentRequestPanel
        articleId={articleId}
        claimId={claimId}
        items={commentRequestItems(record.requests, locale, now)}
        notContacted={record.notContacted.map((w) => ({ party: w.party, reason: w.reason }))}
        replyReceived={record.replyReceived}
        defaultAskedAt={timeInputValue(now, zone)}
        defaultDeadline={timeInputValue(new Date(now.getTime() + 4 * 3600_000), zone)}
        defaultParty={silentParty ?? record.requests.at(-1)?.party ?? ""}
        canEdit={hasPermission(role, "claim.edit")}
      />
    </ClientMessages>
  );
}

/** The replies of a claim's requests as sources (components/source-list.tsx), oldest first. */
export function replySourceItems(requests: CommentRequestView[], locale: string): ReplySourceItem[] {
  const zone = getEnv().TIME_ZONE;
  return requests
    .flatMap((r) => (r.reply ? [{ request: r, reply: r.reply }] : []))
    .sort((a, b) => a.reply.at.getTime() - b.reply.at.getTime())
    .map(({ request, reply }) => ({
      requestId: request.id,
      heading: replyHeading(
        { party: request.party, repliedAt: reply.at, channel: reply.channel, outcome: reply.outcome },
        locale,
        zone,
      ),
      excerpt: reply.text === null ? null : excerpt(reply.text),
      document: reply.document,
    }));
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= 280 ? line : `${line.slice(0, 279).trimEnd()}…`;
}
