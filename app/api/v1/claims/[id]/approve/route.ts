import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiClaim } from "@/lib/api/serialize";
import { approveClaim } from "@/lib/data/claims";

export const POST = apiRoute(endpoints.approveClaim, async ({ params, body, actor }) =>
  toApiClaim(await approveClaim({ actor, id: params.id, version: body.version })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
