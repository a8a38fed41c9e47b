"use server";

import { authedAction } from "@/lib/auth/session";
import { setEmailPrefs, type EmailPrefs } from "@/lib/data/notifications";
import type { ActionResult } from "@/lib/errors";
import { emailPrefsSchema } from "@/lib/validation/notifications";

const save = authedAction({ schema: emailPrefsSchema }, async (input, user) =>
  setEmailPrefs(user.id, input.prefs),
);

/** The signed-in account's own e-mail choices. */
export async function setEmailPrefsAction(raw: unknown): Promise<ActionResult<EmailPrefs>> {
  return save(raw);
}
