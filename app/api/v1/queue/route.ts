import { apiRoute, otherMethods } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { toApiQueueItem } from "@/lib/api/serialize";
import { listQueuePage } from "@/lib/data/api-queue";

export const GET = apiRoute(endpoints.listQueue, async ({ query }) => {
  const page = await listQueuePage(query);
  return { items: page.items.map(toApiQueueItem), nextCursor: page.nextCursor };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
