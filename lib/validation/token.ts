import { lineText } from "./text";
import { z } from "./zod";

// Error messages are message keys of the errors catalog (messages/<locale>/errors.json).
export const createTokenSchema = z.object({
  name: lineText().min(1, { error: "required" }).max(100, { error: "tooLong" }),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({
  id: z.number().int().positive(),
});
export type RevokeTokenInput = z.input<typeof revokeTokenSchema>;
