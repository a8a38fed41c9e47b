// Any path under /api/v1 that no route serves: a 404 problem+json whatever the method, instead of
// the app's HTML page. More specific routes always win over this catch-all.
import { unknownPath } from "@/lib/api/handler";

export const GET = unknownPath();
export const HEAD = GET;
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = GET;
