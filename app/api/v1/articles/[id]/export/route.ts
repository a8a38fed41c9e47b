import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, renderExport } from "@/lib/export";

export const GET = apiRoute(endpoints.exportArticle, async ({ params, query }) => {
  const includeUnapproved = query.include === "all";
  const input = await getSummaryInput({ articleId: params.id, includeUnapproved });
  if (!input)
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  const text = renderExport(input, query.format, {
    separator: query.separator === "semicolon" ? ";" : ",",
    bom: query.bom === "true",
  });
  return new Response(text, {
    headers: {
      "Content-Type": FORMAT_INFO[query.format].mimeType,
      "Content-Disposition": contentDisposition(
        exportFileName(input.article, query.format, { includeUnapproved }),
      ),
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
