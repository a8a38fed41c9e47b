import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiClaim } from "@/lib/api/serialize";
import { returnClaim } from "@/lib/data/claims";

export const POST = apiRoute(endpoints.returnClaim, async ({ params, body, actor }) =>
  toApiClaim(await returnClaim({ actor, input: { id: params.id, note: body.note, version: body.version } })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
