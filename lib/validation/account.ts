import { lineText } from "./text";
import { z } from "./zod";
import { ROLES } from "@/lib/review/model";
import { PASSWORD_MIN_LENGTH } from "./limits";

export { PASSWORD_MIN_LENGTH };
export const PASSWORD_MAX_LENGTH = 200;

// Error messages are message keys of the errors catalog (messages/<locale>/errors.json).
const email = z
  .string()
  .trim()
  .max(320, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "tooLong" });

export const createAccountSchema = z.object({
  email,
  name: lineText().min(1, { error: "required" }).max(120, { error: "tooLong" }),
  role: z.enum(ROLES, { error: "invalidRole" }),
});
export type CreateAccountInput = z.input<typeof createAccountSchema>;

export const accountRefSchema = z.object({ id: z.number().int().positive() });

export const changeRoleSchema = accountRefSchema.extend({ role: z.enum(ROLES, { error: "invalidRole" }) });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const setAccountActiveSchema = accountRefSchema.extend({ active: z.boolean() });
export type SetAccountActiveInput = z.input<typeof setAccountActiveSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(1000, { error: "tooLong" }),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(1000, { error: "tooLong" }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDiffer" });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
    }
  });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;
