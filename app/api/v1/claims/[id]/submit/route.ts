import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiClaim } from "@/lib/api/serialize";
import { submitClaim } from "@/lib/data/claims";

export const POST = apiRoute(endpoints.submitClaim, async ({ params, body, actor }) =>
  toApiClaim(await submitClaim({ actor, id: params.id, version: body.version })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
