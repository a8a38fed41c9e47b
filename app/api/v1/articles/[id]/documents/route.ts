import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiFile } from "@/lib/api/serialize";
import { uploadDocument } from "@/lib/data/evidence";
import { readUpload } from "@/lib/evidence/upload";

export const POST = apiRoute(endpoints.uploadDocument, async ({ params, request, actor }) => {
  const { name, bytes } = await readUpload(request);
  return toApiFile(await uploadDocument({ actor, articleId: params.id, name, bytes }));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
