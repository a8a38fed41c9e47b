import { otherMethods, publicApiRoute } from "@/lib/api/handler";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const GET = publicApiRoute(endpoints.openapi, async () => buildOpenApiDocument());

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
