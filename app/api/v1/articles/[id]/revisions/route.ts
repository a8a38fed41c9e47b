import { apiRoute, jsonResponse, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { getArticleById } from "@/lib/data/articles";
import { addRevision, listRevisions, type RevisionInput } from "@/lib/data/revisions";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(endpoints.listRevisions, async ({ params }) => {
  if (!(await getArticleById({ id: params.id }))) {
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  }
  const items = await listRevisions({ articleId: params.id });
  return { items: items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
});

export const POST = apiRoute(endpoints.createRevision, async ({ params, body, actor }) => {
  const input: RevisionInput =
    body.body !== undefined
      ? { source: "paste", body: body.body, format: body.bodyFormat }
      : body.html !== undefined
        ? { source: "file", html: body.html }
        : { source: "link", url: body.url || undefined };
  const outcome = await addRevision({ actor, articleId: params.id, input, version: body.version });
  return jsonResponse(
    { added: outcome.added, revision: outcome.revision, anchors: outcome.added ? outcome.anchors : null },
    { status: outcome.added ? 201 : 200 },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
