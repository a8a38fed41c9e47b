"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { addRevision, resolveAnchor } from "@/lib/data/revisions";
import { resolveAnchorSchema, revisionFormSchema } from "@/lib/validation/revision";

function refresh(articleId: number) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/queue");
}

/** A new revision from a paste, an uploaded page or the article's link; the claims are re-anchored. */
export const addRevisionAction = authedAction(
  { schema: revisionFormSchema, permission: "article.edit" },
  async (input, user) => {
    const { articleId, version } = input;
    const outcome = await addRevision({
      actor: user,
      articleId,
      version,
      input:
        input.source === "paste"
          ? { source: "paste", body: input.body }
          : input.source === "file"
            ? { source: "file", html: input.html, fileName: input.fileName }
            : { source: "link", url: input.url || undefined },
    });
    if (outcome.added) refresh(articleId);
    return outcome;
  },
);

/** A flagged claim settled: the proposal accepted, a candidate picked or words selected. */
export const resolveAnchorAction = authedAction(
  { schema: resolveAnchorSchema, permission: "claim.edit" },
  async (input, user) => {
    const claim = await resolveAnchor({ actor: user, input });
    refresh(claim.articleId);
    return { id: claim.id, version: claim.version, anchorState: claim.anchorState };
  },
);
