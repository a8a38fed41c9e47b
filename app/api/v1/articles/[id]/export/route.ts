import { summaryInputFor } from "@/lib/api/export";
import { apiRoute } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { exportFileName, FORMAT_INFO, renderExport } from "@/lib/export";

export const GET = apiRoute(endpoints.exportArticle, async ({ params, query }) => {
  const input = await summaryInputFor({ articleId: params.id, includeUnapproved: query.include === "all" });
  const text = renderExport(input, query.format, {
    separator: query.separator === "semicolon" ? ";" : ",",
    bom: query.bom === "true",
  });
  return new Response(text, {
    headers: {
      "Content-Type": FORMAT_INFO[query.format].mimeType,
      // exportFileName is ASCII only, so it needs no filename* encoding.
      "Content-Disposition": `attachment; filename="${exportFileName(input.article, query.format)}"`,
      "Cache-Control": "no-store",
    },
  });
});
