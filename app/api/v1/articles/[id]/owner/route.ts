import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { setArticleOwner } from "@/lib/data/threads";

export const POST = apiRoute(endpoints.setArticleOwner, async ({ params, body, actor }) => {
  const { articleId, owner } = await setArticleOwner({
    actor,
    input: { articleId: params.id, ownerId: body.ownerId },
  });
  return { articleId, owner };
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
