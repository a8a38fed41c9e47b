// The words of the article form (components/article-form.tsx) for the new-article and edit pages:
// pass articleFormWordsOf the request's catalog (lib/i18n/server.ts's requestCatalog).
import type { ArticleFormWords } from "@/components/article-form";
import { formWordsOf, type FormWordsSpec } from "@/lib/i18n/form-words";
import { translatorFor } from "@/lib/i18n/translator";
import { normaliseBody } from "@/lib/text/normalise";
import { MAX_BODY_LENGTH } from "@/lib/validation/limits";

export const ARTICLE_FORM_WORDS: FormWordsSpec = {
  text: ["articleForm", "intake", "languages"],
  messages: ["errors", "errorReasons", "intakeErrors"],
};

export function articleFormWordsOf(
  context: { locale: string; catalog: Record<string, unknown>; timeZone: string },
  article?: { body: string; claimCount: number },
): ArticleFormWords {
  const t = translatorFor({ locale: context.locale, messages: context.catalog, timeZone: context.timeZone });
  // The body count as BodyCount first shows it: the length the server stores.
  const count = article ? normaliseBody(article.body).length : 0;
  const over = count - MAX_BODY_LENGTH;
  return {
    ...formWordsOf(context, ARTICLE_FORM_WORDS),
    bodyCount: t(over > 0 ? "articleForm.charactersOver" : "articleForm.characters", {
      count,
      max: MAX_BODY_LENGTH,
      over,
    }),
    ...(article && article.claimCount > 0
      ? { bodyLocked: t("articleForm.bodyLockedNotice", { count: article.claimCount }) }
      : {}),
  };
}
