import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { assignClaim, getThreadDigest } from "@/lib/data/threads";

export const POST = apiRoute(endpoints.assignClaim, async ({ params, body, actor }) => {
  const { claim } = await assignClaim({ actor, input: { id: params.id, assigneeId: body.assigneeId } });
  const digest = await getThreadDigest({ claimId: claim.id });
  return { id: claim.id, assignedTo: digest.assignedTo };
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
