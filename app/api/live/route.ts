// GET /api/live — the desk's live updates as Server-Sent Events, for the signed-in pages
// (components/live): every claim event and whatever else features publish (lib/data/live.ts),
// filtered for the account. Resumes from Last-Event-ID (or ?after=N) without duplicates;
// ?once=1 answers what there is and ends (for clients that cannot keep a connection open).
import { authedRoute } from "@/lib/auth/route";
import { liveStream, resumeCursor } from "@/lib/live/stream";
import { z } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  once: z
    .enum(["1", "0"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});

export const GET = authedRoute({ query: querySchema }, async ({ query, request, user }) =>
  liveStream({ user, since: resumeCursor(request, query.after), once: query.once, signal: request.signal }),
);
