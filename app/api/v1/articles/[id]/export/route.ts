import { apiRoute, otherMethods } from "@/lib/api/handler";
import { exportAppUrl } from "@/lib/app-url";
import { endpoints } from "@/lib/api/endpoints";
import { versionFileResponse } from "@/lib/api/versions";
import { getSummaryVersionFile, publishSummary } from "@/lib/data/publish";
import { getSummaryInput } from "@/lib/data/summary";
import { AppError } from "@/lib/errors";
import { contentDisposition, exportFileName, FORMAT_INFO, renderExport } from "@/lib/export";

export const GET = apiRoute(endpoints.exportArticle, async ({ request, params, query, actor }) => {
  const includeUnapproved = query.include === "all";
  if (query.publish === "true") {
    // A publication is the verified summary as the desk keeps it: no working copy, no variants.
    if (
      includeUnapproved ||
      query.separator !== "comma" ||
      query.bom !== "false" ||
      query.uncommented !== "false"
    ) {
      throw new AppError(
        "invalid_input",
        "A publication is the verified summary with the default options: drop include, separator, bom and uncommented.",
        { details: { reason: "publish_options" } },
      );
    }
    const { version } = await publishSummary({
      actor,
      articleId: params.id,
      channel: "api",
      appUrl: exportAppUrl(request),
    });
    const file = await getSummaryVersionFile({
      articleId: params.id,
      number: version.number,
      format: query.format,
    });
    if (!file) throw new Error("The version just published is missing.");
    return versionFileResponse(file, query.format);
  }
  // Claim links: APP_URL, else the origin the request was made to (X-Forwarded-* behind a proxy).
  const input = await getSummaryInput({
    articleId: params.id,
    includeUnapproved,
    appUrl: exportAppUrl(request),
  });
  if (!input)
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  const text = renderExport(input, query.format, {
    separator: query.separator === "semicolon" ? ";" : ",",
    bom: query.bom === "true",
    includeUncommented: query.uncommented === "true",
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
