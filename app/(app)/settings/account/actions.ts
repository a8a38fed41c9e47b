"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { clientAddress } from "@/lib/auth/request";
import { authedAction } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/accounts";
import type { ActionResult } from "@/lib/errors";
import { changeOwnPasswordSchema } from "@/lib/validation/account";

const changePassword = authedAction({ schema: changeOwnPasswordSchema }, async (input, user) => {
  const address = clientAddress(await headers());
  const { email } = await changeOwnPassword({ actor: user, input, address });
  await signIn("credentials", { email, password: input.newPassword, redirect: false });
  return { changed: true };
});

/**
 * Changes the signed-in account's own password. Every session of the account ends (other
 * browsers are signed out) and this browser is signed in again with the new password. It then
 * goes to the settings page afresh: a render of this request would still carry the old session.
 */
export async function changeOwnPasswordAction(raw: unknown): Promise<ActionResult<{ changed: true }>> {
  const result = await changePassword(raw);
  if (result.ok) redirect("/settings/account?password=changed");
  return result;
}
