"use server";

import { authedAction } from "@/lib/auth/session";
import { reopenClaim } from "@/lib/data/claims";
import { publishSummary } from "@/lib/data/publish";
import type { ActionResult } from "@/lib/errors";
import { reopenClaimSchema } from "@/lib/validation/claim";
import { z } from "@/lib/validation/zod";

export type Published = { number: number; created: boolean; contentHash: string };
export type Reopened = { id: number; version: number };

const publishSchema = z.object({ articleId: z.number().int().positive() });

const publish = authedAction(
  { schema: publishSchema, permission: "summary.publish" },
  async (input, user) => {
    const { version, created } = await publishSummary({
      actor: user,
      articleId: input.articleId,
      channel: "app",
    });
    return { number: version.number, created, contentHash: version.contentHash };
  },
);

const reopen = authedAction(
  { schema: reopenClaimSchema, permission: "claim.reopen" },
  async (input, user) => {
    const claim = await reopenClaim({ actor: user, input });
    return { id: claim.id, version: claim.version };
  },
);

// Server-action files may export only async functions, hence the thin wrappers.
export async function publishSummaryAction(raw: unknown): Promise<ActionResult<Published>> {
  return publish(raw);
}

export async function reopenClaimAction(raw: unknown): Promise<ActionResult<Reopened>> {
  return reopen(raw);
}
