"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { markAllRead, markRead } from "@/lib/data/notifications";
import type { ActionResult } from "@/lib/errors";
import { markAllReadSchema, markReadSchema } from "@/lib/validation/notifications";

// Every account reads and marks its own inbox only: the user id comes from the session.

const read = authedAction({ schema: markReadSchema }, async (input, user) => {
  const changed = await markRead(user.id, input.ids);
  revalidatePath("/", "layout");
  return { changed };
});

const allRead = authedAction({ schema: markAllReadSchema }, async (input, user) => {
  const changed = await markAllRead(user.id, input.upTo);
  revalidatePath("/", "layout");
  return { changed };
});

export async function markReadAction(raw: unknown): Promise<ActionResult<{ changed: number }>> {
  return read(raw);
}

export async function markAllReadAction(raw: unknown): Promise<ActionResult<{ changed: number }>> {
  return allRead(raw);
}
