import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiWebhook } from "@/lib/api/webhooks";
import { deleteWebhook, requireWebhook, toWebhookView, updateWebhook } from "@/lib/data/webhooks";

export const GET = apiRoute(endpoints.getWebhook, async ({ params }) =>
  toApiWebhook(toWebhookView(await requireWebhook(params.id))),
);

export const PATCH = apiRoute(endpoints.updateWebhook, async ({ params, body, actor }) =>
  toApiWebhook(await updateWebhook({ actor, input: { ...body, id: params.id } })),
);

export const DELETE = apiRoute(endpoints.deleteWebhook, async ({ params, actor }) => {
  await deleteWebhook({ actor, id: params.id });
});

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
