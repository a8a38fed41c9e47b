import { z } from "./zod";

/** The claim form's presence: here (and its heartbeat), gone, or only looking who else is. */
export const presenceSchema = z.object({
  claimId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  state: z.enum(["here", "gone", "look"]),
});
export type PresenceInput = z.infer<typeof presenceSchema>;
