// POST /articles/:id/claims/:claimId/reply — the claim page's reply form when a document comes
// with the reply (multipart/form-data: the reply's fields and the file in "file"; a server action
// would cap the body below 20 MB). The document and the reply are kept together or not at all.
// Refusals are problem+json in the account's language.
import { revalidatePath } from "next/cache";
import { authedRoute } from "@/lib/auth/route";
import { now } from "@/lib/clock";
import { recordReply } from "@/lib/data/comment-requests";
import { AppError } from "@/lib/errors";
import { readMultipart } from "@/lib/evidence/upload";
import { parseIdParam } from "@/lib/validation/id";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  id: z.unknown().transform(parseIdParam),
  claimId: z.unknown().transform(parseIdParam),
});

export const POST = authedRoute(
  { permission: "claim.edit", params: paramsSchema },
  async ({ params, request, user }) => {
    if (params.id === null || params.claimId === null) {
      throw new AppError("not_found", "This claim does not exist or was deleted.", {
        details: { reason: "claim_not_found" },
      });
    }
    const { fields, file } = await readMultipart(request);
    const result = await recordReply({
      actor: user,
      input: {
        claimId: params.claimId,
        requestId: Number(fields.requestId),
        outcome: fields.outcome as "answered" | "declined",
        text: fields.text ?? "",
        repliedAt: fields.repliedAt ?? "",
        channel: fields.channel as "email",
      },
      now: now(),
      document: file,
    });
    revalidatePath(`/articles/${result.request.articleId}`);
    revalidatePath("/queue");
    return Response.json(result, { status: 200, headers: { "Cache-Control": "no-store" } });
  },
);
