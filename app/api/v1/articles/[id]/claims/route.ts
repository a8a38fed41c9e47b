import { anchorQuote } from "@/lib/api/claims";
import { apiRoute, jsonResponse, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiClaim } from "@/lib/api/serialize";
import { createClaim } from "@/lib/data/claims";

export const POST = apiRoute(endpoints.createClaim, async ({ params, body, actor }) => {
  const { start, end, ...fields } = body;
  const span =
    start !== undefined && end !== undefined
      ? { start, end }
      : await anchorQuote({ articleId: params.id, quote: fields.quote, hint: start ?? 0 });
  const claim = await createClaim({ actor, input: { ...fields, ...span, articleId: params.id } });
  return jsonResponse(toApiClaim(claim), {
    status: 201,
    headers: { Location: `/api/v1/claims/${claim.id}` },
  });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
