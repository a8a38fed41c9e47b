"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { mergeSpeakers } from "@/lib/data/speakers";
import { mergeSpeakersSchema } from "@/lib/validation/search";

// Reviewers and admins only: checked here by the pipeline and again in the data layer.
const merge = authedAction(
  { schema: mergeSpeakersSchema, permission: "speaker.merge" },
  async (input, user) => {
    const result = await mergeSpeakers({ actor: user, input });
    revalidatePath("/speakers");
    revalidatePath("/insights");
    return result;
  },
);

/** Merges several spellings of one speaker's name into one. */
export async function mergeSpeakersAction(
  raw: unknown,
): Promise<ActionResult<{ renamed: number; to: string }>> {
  return merge(raw);
}
