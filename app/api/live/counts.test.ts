// GET /api/live/counts: the header's counts for the signed-in account, as the layout renders them,
// on the real database; what the header fetches when a live event may have changed them.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createClaim, returnClaim, submitClaim } from "@/lib/data/claims";
import { countUnread } from "@/lib/data/notifications";
import { countQueue } from "@/lib/data/queue";
import { countMyWork } from "@/lib/data/threads";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";
import { signInAs } from "@/test/session";
import { GET } from "./counts/route";

vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));

async function counts(): Promise<Response> {
  const request = new NextRequest("http://127.0.0.1:3000/api/live/counts", {
    headers: { host: "127.0.0.1:3000" },
  });
  return GET(request, { params: Promise.resolve({}) });
}

describe("GET /api/live/counts", () => {
  it("refuses a visitor without a session", async () => {
    await signInAs(null);
    const response = await counts();
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers the signed-in account's queue, work and inbox, and follows a return", async () => {
    const editor = await makeUser("editor", "Ana Martin");
    const reviewer = await makeUser("reviewer", "Ben Okafor");
    const article = await makeArticle(editor);
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "Kyiv n'a pas commenté", { verdict: "confirmed" }),
    });
    const submitted = await submitClaim({ actor: editor, id: claim.id, version: claim.version });

    await signInAs(editor);
    const before = await counts();
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("no-store");
    expect(await before.json()).toEqual({ queue: 1, inbox: 0, returned: 0, assigned: 0 });

    await returnClaim({
      actor: reviewer,
      input: { id: claim.id, version: submitted.version, note: "Which source?" },
    });
    const after = (await (await counts()).json()) as Record<string, number>;
    expect(after).toEqual({ queue: 0, inbox: 1, returned: 1, assigned: 0 });
    // The same numbers as the layout's.
    const work = await countMyWork({ userId: editor.id });
    expect(after).toEqual({
      queue: await countQueue(),
      inbox: await countUnread(editor.id),
      returned: work.returned,
      assigned: work.assigned,
    });

    await signInAs(reviewer);
    expect(await (await counts()).json()).toEqual({ queue: 0, inbox: 0, returned: 0, assigned: 0 });
  });
});
