"use server";

// A claim's thread and who works on what (issue 18): the server actions of the thread panel, the
// assign controls and the queue's bulk assign. Each checks the session and the role on the server
// (authedAction) and the data layer checks the rules again.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import {
  addMessage,
  assignClaim,
  assignEach,
  editMessage,
  getThread,
  getThreadDigest,
  listMentionable,
  setArticleOwner,
  type BulkAssignOutcome,
} from "@/lib/data/threads";
import type { ActionResult } from "@/lib/errors";
import {
  articleOwnerSchema,
  assignClaimSchema,
  bulkAssignSchema,
  editMessageSchema,
  postMessageSchema,
  threadRefSchema,
} from "@/lib/validation/threads";
import {
  toThreadMessage,
  toThreadSummary,
  type Mentionable,
  type ThreadMessage,
  type ThreadSummary,
} from "@/components/thread-types";

export type ThreadLoad = { messages: ThreadMessage[]; summary: ThreadSummary; mentionable: Mentionable[] };

function refresh(articleId: number) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/queue");
  revalidatePath("/my-work");
}

const load = authedAction({ schema: threadRefSchema }, async ({ claimId }) => {
  const [messages, summary, mentionable] = await Promise.all([
    getThread({ claimId }),
    getThreadDigest({ claimId }),
    listMentionable(),
  ]);
  return { messages: messages.map(toThreadMessage), summary: toThreadSummary(summary), mentionable };
});

const post = authedAction({ schema: postMessageSchema, permission: "claim.discuss" }, async (input, user) => {
  const { message } = await addMessage({ actor: user, input });
  refresh(message.articleId);
  return toThreadMessage(message);
});

const edit = authedAction({ schema: editMessageSchema, permission: "claim.discuss" }, async (input, user) => {
  const { message } = await editMessage({ actor: user, input });
  refresh(message.articleId);
  return toThreadMessage(message);
});

const assign = authedAction(
  { schema: assignClaimSchema, permission: "claim.assign" },
  async (input, user) => {
    const { claim } = await assignClaim({ actor: user, input });
    refresh(claim.articleId);
    return { id: claim.id };
  },
);

const bulkAssign = authedAction(
  { schema: bulkAssignSchema, permission: "claim.assign" },
  async (input, user) => {
    const { outcomes } = await assignEach({ actor: user, input });
    revalidatePath("/queue");
    revalidatePath("/my-work");
    return outcomes;
  },
);

const setOwner = authedAction(
  { schema: articleOwnerSchema, permission: "article.assign" },
  async (input, user) => {
    const result = await setArticleOwner({ actor: user, input });
    refresh(result.articleId);
    return { articleId: result.articleId, owner: result.owner };
  },
);

// Server-action files may export only async functions, hence the thin wrappers.
export async function loadThreadAction(raw: unknown): Promise<ActionResult<ThreadLoad>> {
  return load(raw);
}

export async function postMessageAction(raw: unknown): Promise<ActionResult<ThreadMessage>> {
  return post(raw);
}

export async function editMessageAction(raw: unknown): Promise<ActionResult<ThreadMessage>> {
  return edit(raw);
}

export async function assignClaimAction(raw: unknown): Promise<ActionResult<{ id: number }>> {
  return assign(raw);
}

export async function bulkAssignAction(raw: unknown): Promise<ActionResult<BulkAssignOutcome[]>> {
  return bulkAssign(raw);
}

export async function setArticleOwnerAction(
  raw: unknown,
): Promise<ActionResult<{ articleId: number; owner: { id: number; name: string } }>> {
  return setOwner(raw);
}
