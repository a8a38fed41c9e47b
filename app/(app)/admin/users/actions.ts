"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import {
  changeAccountRole,
  createAccount,
  resetAccountPassword,
  setAccountActive,
} from "@/lib/data/accounts";
import {
  accountRefSchema,
  changeRoleSchema,
  createAccountSchema,
  setAccountActiveSchema,
} from "@/lib/validation/account";

// Generated passwords travel back once, in the action's result, and are never stored in plain.

export const createAccountAction = authedAction(
  { schema: createAccountSchema, permission: "account.manage" },
  async (input, user) => {
    const result = await createAccount({ actor: user, input });
    revalidatePath("/admin/users");
    return result;
  },
);

export const changeAccountRoleAction = authedAction(
  { schema: changeRoleSchema, permission: "account.manage" },
  async (input, user) => {
    const account = await changeAccountRole({ actor: user, input });
    revalidatePath("/admin/users");
    return account;
  },
);

export const setAccountActiveAction = authedAction(
  { schema: setAccountActiveSchema, permission: "account.manage" },
  async (input, user) => {
    const account = await setAccountActive({ actor: user, input });
    revalidatePath("/admin/users");
    return account;
  },
);

export const resetAccountPasswordAction = authedAction(
  { schema: accountRefSchema, permission: "account.manage" },
  async (input, user) => {
    const result = await resetAccountPassword({ actor: user, input });
    revalidatePath("/admin/users");
    return result;
  },
);
