import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { sendTestDelivery } from "@/lib/notify/deliver";

export const POST = apiRoute(endpoints.testWebhook, async ({ params }) => sendTestDelivery(params.id));

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
