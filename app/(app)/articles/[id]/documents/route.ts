// POST /articles/:id/documents — the claim form's upload (multipart/form-data, field "file"):
// the document is kept for the article's claims and its reference returned as JSON; the form puts
// its id in a document source. Refusals are problem+json in the account's language.
import { authedRoute } from "@/lib/auth/route";
import { uploadDocument } from "@/lib/data/evidence";
import { AppError } from "@/lib/errors";
import { readUpload } from "@/lib/evidence/upload";
import { parseIdParam } from "@/lib/validation/id";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.unknown().transform(parseIdParam) });

export const POST = authedRoute(
  { permission: "claim.edit", params: paramsSchema },
  async ({ params, request, user }) => {
    if (params.id === null) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }
    const { name, bytes } = await readUpload(request);
    const file = await uploadDocument({ actor: user, articleId: params.id, name, bytes });
    return Response.json(file, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
