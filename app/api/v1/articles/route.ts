import { apiRoute, jsonResponse, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiArticle, toApiArticleSummary } from "@/lib/api/serialize";
import { createArticle, getArticleById, listArticlesByCursor } from "@/lib/data/articles";
import { AppError } from "@/lib/errors";
import { articleFromRequest } from "@/lib/intake";

export const GET = apiRoute(endpoints.listArticles, async ({ query }) => {
  const { cursor, limit, ...filters } = query;
  const page = await listArticlesByCursor({ filters, cursor, limit });
  return { items: page.items.map(toApiArticleSummary), nextCursor: page.nextCursor };
});

export const POST = apiRoute(endpoints.createArticle, async ({ body, actor }) => {
  // `html`, or a `url` alone: the article is extracted from the page (fetched safely) first.
  const { input, extraction } = await articleFromRequest(body);
  const { id } = await createArticle({ actor, input });
  const article = await getArticleById({ id });
  if (!article) throw new AppError("internal", "The new article could not be read back.");
  return jsonResponse(
    { ...toApiArticle(article, []), ...(extraction ? { extraction } : {}) },
    { status: 201, headers: { Location: `/api/v1/articles/${id}` } },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
