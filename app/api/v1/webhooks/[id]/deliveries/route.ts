import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiDelivery } from "@/lib/api/webhooks";
import { listDeliveries, requireWebhook } from "@/lib/data/webhooks";

export const GET = apiRoute(endpoints.listWebhookDeliveries, async ({ params, query }) => {
  await requireWebhook(params.id);
  return { items: (await listDeliveries(params.id, query.limit)).map(toApiDelivery) };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
