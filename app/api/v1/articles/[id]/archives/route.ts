import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiFile } from "@/lib/api/serialize";
import { archiveWebPage } from "@/lib/data/evidence";

export const POST = apiRoute(endpoints.archiveWebPage, async ({ params, body, actor }) =>
  toApiFile(await archiveWebPage({ actor, articleId: params.id, url: body.url })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
