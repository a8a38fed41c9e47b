// The summary input of one article for the export endpoint. The exports work on another branch
// has its own getSummaryInput in lib/data; once both are on main, this should use that one.
import { getArticleById } from "@/lib/data/articles";
import { listClaimsForArticle } from "@/lib/data/claims";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { SummaryInput } from "@/lib/export";

export async function summaryInputFor({
  articleId,
  includeUnapproved,
}: {
  articleId: number;
  includeUnapproved: boolean;
}): Promise<SummaryInput> {
  const article = await getArticleById({ id: articleId });
  if (!article) throw new AppError("not_found", "This article does not exist or was deleted.");
  const env = getEnv();
  return {
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      language: article.language,
      publishedAt: article.publishedAt,
    },
    claims: await listClaimsForArticle({ articleId }),
    includeUnapproved,
    organisation: { name: env.ORG_NAME, url: env.ORG_URL },
    generatedAt: new Date(),
    appUrl: env.APP_URL,
  };
}
