import { z } from "./zod";

// Error messages are message keys of the errors catalog (messages/<locale>/errors.json).
export const signInSchema = z.object({
  email: z.email({ error: "invalidEmail" }).max(320, { error: "tooLong" }),
  password: z.string().min(1, { error: "passwordRequired" }).max(1000, { error: "tooLong" }),
});
export type SignInInput = z.infer<typeof signInSchema>;
