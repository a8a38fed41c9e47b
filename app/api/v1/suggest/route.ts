import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiSuggestion } from "@/lib/api/serialize";
import { suggestClaims } from "@/lib/claims";
import { prepareBody } from "@/lib/data/articles";
import { getVariantTable } from "@/lib/data/variants";
import { AppError } from "@/lib/errors";
import { detectLanguage } from "@/lib/text/language";

/** The text as an article body would be stored; its refusals name the `text` field. */
function normalisedText(text: string): string {
  try {
    return prepareBody(text, "text");
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.body) {
      throw new AppError(error.code, error.message, {
        fieldErrors: { text: error.fieldErrors.body },
        details: error.details,
      });
    }
    throw error;
  }
}

export const POST = apiRoute(endpoints.suggest, async ({ body }) => {
  const text = normalisedText(body.text);
  const language = body.language ?? detectLanguage(text);
  const variants = await getVariantTable();
  const suggestions = suggestClaims(text, language, { minScore: body.minScore, variants });
  return { language, text, suggestions: suggestions.map(toApiSuggestion) };
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
