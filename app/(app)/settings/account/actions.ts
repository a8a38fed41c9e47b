"use server";

import { headers } from "next/headers";
import { signIn } from "@/lib/auth/config";
import { clientAddress } from "@/lib/auth/request";
import { authedAction } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/accounts";
import { changeOwnPasswordSchema } from "@/lib/validation/account";

/**
 * Changes the signed-in account's own password. Every session of the account ends (other
 * browsers are signed out); this browser is signed in again with the new password.
 */
export const changeOwnPasswordAction = authedAction(
  { schema: changeOwnPasswordSchema },
  async (input, user) => {
    const address = clientAddress(await headers());
    const { email } = await changeOwnPassword({ actor: user, input, address });
    await signIn("credentials", { email, password: input.newPassword, redirect: false });
    return { changed: true };
  },
);
