import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiArticle } from "@/lib/api/serialize";
import { getArticleById } from "@/lib/data/articles";
import { listClaimsForArticle } from "@/lib/data/claims";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(endpoints.getArticle, async ({ params }) => {
  const article = await getArticleById({ id: params.id });
  if (!article)
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  return toApiArticle(article, await listClaimsForArticle({ articleId: article.id }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
