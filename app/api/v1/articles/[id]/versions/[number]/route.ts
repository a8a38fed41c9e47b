import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { versionFileResponse } from "@/lib/api/versions";
import { getSummaryVersionFile } from "@/lib/data/publish";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(endpoints.getSummaryVersionFile, async ({ params, query }) => {
  const file = await getSummaryVersionFile({
    articleId: params.id,
    number: params.number,
    format: query.format,
  });
  if (!file) {
    throw new AppError("not_found", "This article has no published version with that number.", {
      details: { reason: "version_not_found" },
    });
  }
  return versionFileResponse(file, query.format);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
