import "server-only";
// Writing a message under a claim (lib/data/threads.ts), apart so that returning a claim
// (lib/data/claims/review.ts) can start or continue its thread in the same transaction.
import { asc, eq, inArray } from "drizzle-orm";
import {
  claimMentions,
  claimMessages,
  claimMessageVersions,
  users,
  type Claim,
  type MessageKind,
} from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import type { Actor, Role } from "@/lib/review";
import { handleMatches, mentionHandles } from "@/lib/text/mentions";
import { recordEvent } from "./claims/events";
import { notify } from "./notifications";
import type { PersonRef } from "./claims/views";
import type { Tx } from "./connection";

export type MessageVersionView = { body: string; at: Date };

export type MessageView = {
  id: number;
  claimId: number;
  articleId: number;
  kind: MessageKind;
  author: PersonRef;
  createdAt: Date;
  /** The current text: the last version. */
  body: string;
  /** When it was last edited, null when never. */
  editedAt: Date | null;
  /** The earlier texts, oldest first (empty when never edited). */
  earlier: MessageVersionView[];
  mentions: PersonRef[];
};

export type Account = { id: number; name: string; email: string; role: Role; active: boolean };

/**
 * The accounts a text mentions. A handle nobody has is plain text ("@home"); a deactivated
 * account is refused (nobody would read it), and so is a handle two accounts share.
 */
export async function resolveMentions(tx: Tx, text: string, authorId: number): Promise<Account[]> {
  const handles = mentionHandles(text);
  if (handles.length === 0) return [];
  const all: Account[] = await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users);
  const found: Account[] = [];
  for (const handle of handles) {
    const matches = all.filter((a) => handleMatches(handle, a.email));
    if (matches.length === 0) continue;
    if (matches.length > 1) {
      throw new AppError("invalid_input", `@${handle} names more than one account.`, {
        details: { reason: "mention_ambiguous", handle: `@${handle}` },
      });
    }
    const account = matches[0]!;
    if (!account.active) {
      throw new AppError("invalid_input", `${account.name}'s account is deactivated.`, {
        details: { reason: "mention_deactivated", name: account.name },
      });
    }
    if (account.id !== authorId && !found.some((f) => f.id === account.id)) found.push(account);
  }
  return found;
}

export function messageNotFound(): AppError {
  return new AppError("not_found", "This message does not exist.", {
    details: { reason: "message_not_found" },
  });
}

/** What one message written or edited did: the message, and whom it newly mentions. */
export type MessageOutcome = {
  message: MessageView;
  /** Accounts mentioned for the first time in this message (never the author). NOTIFY "mentioned". */
  mentionedIds: number[];
};

/**
 * Writes a message under a claim inside an open transaction: the message, its first text, its
 * mentions, and (unless it is a return note without mentions, already told by the "returned"
 * event) a "message_posted" event in the claim's history.
 */
export async function addMessageInTx(
  tx: Tx,
  {
    actor,
    claim,
    body,
    kind,
    at,
  }: { actor: Actor; claim: Pick<Claim, "id" | "articleId">; body: string; kind: MessageKind; at: Date },
): Promise<MessageOutcome> {
  const mentioned = await resolveMentions(tx, body, actor.id);
  const [message] = await tx
    .insert(claimMessages)
    .values({ claimId: claim.id, articleId: claim.articleId, authorId: actor.id, kind, createdAt: at })
    .returning();
  const [version] = await tx
    .insert(claimMessageVersions)
    .values({ messageId: message!.id, body, createdAt: at })
    .returning();
  if (mentioned.length > 0) {
    await tx.insert(claimMentions).values(
      mentioned.map((m) => ({
        messageId: message!.id,
        versionId: version!.id,
        claimId: claim.id,
        articleId: claim.articleId,
        mentionedId: m.id,
        actorId: actor.id,
        createdAt: at,
      })),
    );
  }
  const mentions = mentioned.map((m) => ({ id: m.id, name: m.name }));
  if (kind === "message" || mentions.length > 0) {
    await recordEvent(tx, {
      claim,
      actorId: actor.id,
      type: "message_posted",
      after: { messageId: message!.id, kind, mentions },
      note: body,
      at,
    });
  }
  // The people mentioned are told in the same transaction (the inbox, and e-mail if they chose it).
  await notify(tx, {
    kind: "mentioned",
    recipientIds: mentioned.map((m) => m.id),
    actorId: actor.id,
    articleId: claim.articleId,
    claimId: claim.id,
    note: body,
  });
  const [view] = await messageViews(tx, [message!.id]);
  return { message: view!, mentionedIds: mentioned.map((m) => m.id) };
}

/** Messages by id, each with its versions and mentions, in the order of `ids`' rows (oldest first). */
export async function messageViews(tx: Tx, ids: number[]): Promise<MessageView[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ message: claimMessages, authorName: users.name })
    .from(claimMessages)
    .innerJoin(users, eq(users.id, claimMessages.authorId))
    .where(inArray(claimMessages.id, ids))
    .orderBy(asc(claimMessages.id));
  const versions = await tx
    .select()
    .from(claimMessageVersions)
    .where(inArray(claimMessageVersions.messageId, ids))
    .orderBy(asc(claimMessageVersions.id));
  const mentionRows = await tx
    .select({ messageId: claimMentions.messageId, id: users.id, name: users.name })
    .from(claimMentions)
    .innerJoin(users, eq(users.id, claimMentions.mentionedId))
    .where(inArray(claimMentions.messageId, ids))
    .orderBy(asc(claimMentions.id));
  return rows.map(({ message, authorName }) => {
    const texts = versions.filter((v) => v.messageId === message.id);
    const last = texts[texts.length - 1]!;
    return {
      id: message.id,
      claimId: message.claimId,
      articleId: message.articleId,
      kind: message.kind,
      author: { id: message.authorId, name: authorName },
      createdAt: message.createdAt,
      body: last.body,
      editedAt: texts.length > 1 ? last.createdAt : null,
      earlier: texts.slice(0, -1).map((v) => ({ body: v.body, at: v.createdAt })),
      mentions: mentionRows
        .filter((m) => m.messageId === message.id)
        .map((m) => ({ id: m.id, name: m.name })),
    };
  });
}
