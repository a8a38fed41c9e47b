import { z } from "./zod";

export const signInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});
export type SignInInput = z.infer<typeof signInSchema>;
