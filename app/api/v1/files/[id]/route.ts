import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { getKeptFile } from "@/lib/data/evidence";
import { downloadHeaders } from "@/lib/evidence/upload";

export const GET = apiRoute(endpoints.downloadFile, async ({ params }) => {
  const { file, bytes } = await getKeptFile({ id: params.id });
  return new Response(new Uint8Array(bytes), { headers: downloadHeaders(file) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
