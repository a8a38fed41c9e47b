"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { createToken, revokeToken } from "@/lib/data/tokens";
import { createTokenSchema, revokeTokenSchema } from "@/lib/validation/token";

/** Any signed-in account creates tokens for itself; the plain token is returned this once. */
export const createTokenAction = authedAction({ schema: createTokenSchema }, async (input, user) => {
  const { token, view } = await createToken({ actor: user, input });
  revalidatePath("/settings/tokens");
  return { token, name: view.name };
});

/** Owners revoke their own tokens; admins anyone's (checked in lib/data/tokens). */
export const revokeTokenAction = authedAction({ schema: revokeTokenSchema }, async ({ id }, user) => {
  const view = await revokeToken({ actor: user, id });
  revalidatePath("/settings/tokens");
  return { id: view.id, name: view.name };
});
