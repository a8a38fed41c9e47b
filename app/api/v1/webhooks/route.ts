import { apiRoute, jsonResponse, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiWebhook } from "@/lib/api/webhooks";
import { createWebhook, listWebhooks } from "@/lib/data/webhooks";

export const GET = apiRoute(endpoints.listWebhooks, async () => ({
  items: (await listWebhooks()).map(toApiWebhook),
}));

export const POST = apiRoute(endpoints.createWebhook, async ({ body, actor }) => {
  const { webhook, secret } = await createWebhook({ actor, input: body });
  return jsonResponse(
    { webhook: toApiWebhook(webhook), secret },
    { status: 201, headers: { Location: `/api/v1/webhooks/${webhook.id}` } },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
