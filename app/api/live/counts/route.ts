// GET /api/live/counts — the header's counts for the signed-in account (lib/data/header-counts.ts),
// fetched by the header when a live event may have changed them: a few primary-key counts instead
// of re-rendering the whole page.
import { authedRoute } from "@/lib/auth/route";
import { headerCounts } from "@/lib/data/header-counts";

export const dynamic = "force-dynamic";

export const GET = authedRoute({}, async ({ user }) =>
  Response.json(await headerCounts(user.id), { headers: { "Cache-Control": "no-store" } }),
);
