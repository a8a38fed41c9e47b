"use server";

// What the claim form shows of a claim's right of reply (issue 17): the requests for comment and
// the "not contacted" notes already recorded, one line each in the reader's language, so that the
// editor sees what is there before asking again. Any signed-in account may read a claim's record
// (the claim's page shows it to all of them); the session is checked by authedAction.
import { authedAction } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { getRightOfReply } from "@/lib/data/comment-requests";
import { getEnv } from "@/lib/env";
import type { ActionResult } from "@/lib/errors";
import { translatorFor } from "@/lib/errors/problem";
import { resolveLocale } from "@/lib/i18n/request";
import { requestLine } from "@/lib/reply/wording";
import { rightOfReplyRefSchema } from "@/lib/validation/comment";

export type RecordedRightOfReply = { lines: string[] };

const load = authedAction({ schema: rightOfReplyRefSchema }, async ({ claimId }) => {
  const now = clockNow();
  const [record, locale] = await Promise.all([getRightOfReply({ claimId, now }), resolveLocale()]);
  const zone = getEnv().TIME_ZONE;
  const t = translatorFor(locale);
  return {
    lines: [
      ...record.requests.map((request) => requestLine(request, locale, zone, now)),
      ...record.notContacted.map((note) =>
        t("reply.notContacted", { party: note.party, reason: note.reason }),
      ),
    ],
  };
});

/** The right of reply already recorded on a claim, as lines to read. */
export async function loadRightOfReplyAction(raw: unknown): Promise<ActionResult<RecordedRightOfReply>> {
  return load(raw);
}
