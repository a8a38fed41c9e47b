import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiWebhook } from "@/lib/api/webhooks";
import { rotateWebhookSecret } from "@/lib/data/webhooks";

export const POST = apiRoute(endpoints.setWebhookSecret, async ({ params, body, actor }) => {
  const { webhook, secret } = await rotateWebhookSecret({ actor, id: params.id, secret: body?.secret });
  return { webhook: toApiWebhook(webhook), secret };
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
