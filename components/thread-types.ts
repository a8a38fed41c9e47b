// What the thread components need in the browser: messages and digests with times as epoch
// milliseconds (lib/data/threads.ts gives Dates), shared by the pages and the server actions.
import type { MessageView, ThreadDigest } from "@/lib/data/threads";
import type { Tracked } from "@/lib/data/claims/events";

type Person = { id: number; name: string };

export type ThreadMessage = {
  id: number;
  kind: "message" | "return";
  author: Person;
  createdAt: number;
  body: string;
  editedAt: number | null;
  earlier: { body: string; at: number }[];
  mentions: Person[];
};

export type ThreadSummary = {
  claimId: number;
  count: number;
  last: ThreadMessage[];
  sinceReturned: { returnedBy: Person; returnedAt: number; note: string | null; fields: Tracked[] } | null;
  assignedTo: Person | null;
};

export type Mentionable = { id: number; name: string; handle: string };

export function toThreadMessage(message: MessageView): ThreadMessage {
  return {
    id: message.id,
    kind: message.kind,
    author: message.author,
    createdAt: message.createdAt.getTime(),
    body: message.body,
    editedAt: message.editedAt?.getTime() ?? null,
    earlier: message.earlier.map((v) => ({ body: v.body, at: v.at.getTime() })),
    mentions: message.mentions,
  };
}

export function toThreadSummary(digest: ThreadDigest): ThreadSummary {
  return {
    claimId: digest.claimId,
    count: digest.count,
    last: digest.last.map(toThreadMessage),
    sinceReturned: digest.sinceReturned
      ? { ...digest.sinceReturned, returnedAt: digest.sinceReturned.returnedAt.getTime() }
      : null,
    assignedTo: digest.assignedTo,
  };
}
