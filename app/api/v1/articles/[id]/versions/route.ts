import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiVersion } from "@/lib/api/versions";
import { getArticleById } from "@/lib/data/articles";
import { listSummaryVersions } from "@/lib/data/publish";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(endpoints.listSummaryVersions, async ({ params }) => {
  if (!(await getArticleById({ id: params.id }))) {
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  }
  return { items: (await listSummaryVersions({ articleId: params.id })).map(toApiVersion) };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
