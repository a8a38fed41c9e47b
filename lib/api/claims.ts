// What the API adds on top of the claim functions of lib/data: anchoring a quote sent without
// offsets, and PATCH semantics (fields left out keep their value). The rules stay in lib/data.
import type { z } from "zod";
import { getArticleById } from "@/lib/data/articles";
import type { ClaimView } from "@/lib/data/claims";
import { AppError } from "@/lib/errors";
import { toValues } from "@/lib/evidence/sources";
import { locateQuote } from "@/lib/text/anchor";
import type { UpdateClaimInput } from "@/lib/validation/claim";
import type { apiPatchClaimSchema } from "@/lib/validation/api";

function notInText(): AppError {
  return new AppError("invalid_input", "The quote does not occur in the article text.", {
    fieldErrors: { quote: ["spanMismatch"] },
    details: { reason: "quote_not_in_text" },
  });
}

/** The span of `quote` in the article's stored body: at `hint` when it is there, else the nearest occurrence. */
export async function anchorQuote({
  articleId,
  quote,
  hint,
}: {
  articleId: number;
  quote: string;
  hint: number;
}): Promise<{ start: number; end: number }> {
  const article = await getArticleById({ id: articleId });
  if (!article)
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  const span = locateQuote(article.body, quote, hint);
  if (!span) throw notInText();
  return span;
}

/** The full update a PATCH asks for: the fields sent over the claim as it is now. */
export async function patchedClaim(
  current: ClaimView,
  patch: z.output<typeof apiPatchClaimSchema>,
): Promise<UpdateClaimInput> {
  const { version, submit, start, end, ...fields } = patch;
  const quote = fields.quote ?? current.quote;
  let span = { start: start ?? current.start, end: end ?? current.end };
  // A new quote without offsets is found near the old span; with a stale version the domain answers 409 first.
  if (start === undefined && end === undefined && quote !== current.quote && version === current.version) {
    span = await anchorQuote({ articleId: current.articleId, quote, hint: current.start });
  }
  return {
    id: current.id,
    version,
    submit,
    ...span,
    quote,
    statement: fields.statement ?? current.statement,
    speaker: fields.speaker ?? current.speaker ?? "",
    verdict: fields.verdict ?? current.verdict,
    verdictNote: fields.verdictNote ?? current.verdictNote ?? "",
    silentParty: fields.silentParty ?? current.silentParty ?? "",
    sources: fields.sources ?? current.sources.map(toValues),
    ...(fields.correctionNote !== undefined ? { correctionNote: fields.correctionNote } : {}),
    ...(fields.rightOfReply !== undefined ? { rightOfReply: fields.rightOfReply } : {}),
  };
}
