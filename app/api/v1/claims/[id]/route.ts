import { patchedClaim } from "@/lib/api/claims";
import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiClaim, toApiHistoryEntry } from "@/lib/api/serialize";
import { deleteClaim, getClaimById, getClaimHistory, updateClaim } from "@/lib/data/claims";
import { AppError } from "@/lib/errors";

function notFound(): AppError {
  return new AppError("not_found", "This claim does not exist or was deleted.", {
    details: { reason: "claim_not_found" },
  });
}

export const GET = apiRoute(endpoints.getClaim, async ({ params }) => {
  const claim = await getClaimById({ id: params.id });
  if (!claim) throw notFound();
  const history = await getClaimHistory({ claimId: claim.id });
  return { ...toApiClaim(claim), history: history.map(toApiHistoryEntry) };
});

export const PATCH = apiRoute(endpoints.updateClaim, async ({ params, body, actor }) => {
  const current = await getClaimById({ id: params.id });
  if (!current) throw notFound();
  return toApiClaim(await updateClaim({ actor, input: await patchedClaim(current, body) }));
});

export const DELETE = apiRoute(endpoints.deleteClaim, async ({ params, query, body, actor }) => {
  const version = query.version ?? body.version;
  if (version === undefined) {
    throw new AppError("invalid_input", 'Send the claim\'s version: ?version=N or {"version": N}.', {
      fieldErrors: { version: ["required"] },
      details: { reason: "version_required" },
    });
  }
  await deleteClaim({ actor, id: params.id, version });
});

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
