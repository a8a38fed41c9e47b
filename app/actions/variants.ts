"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { addNameVariant, removeNameVariant } from "@/lib/data/variants";
import { addVariantSchema, removeVariantSchema } from "@/lib/validation/variants";

// Admins only: checked here by the pipeline and again in the data layer. Every search, speaker
// list and suggestion reads the table, so the pages that show them are refreshed.
function refresh() {
  revalidatePath("/speakers/variants");
  revalidatePath("/speakers");
}

export const addNameVariantAction = authedAction(
  { schema: addVariantSchema, permission: "variant.manage" },
  async (input, user) => {
    const added = await addNameVariant({ actor: user, input });
    refresh();
    return { id: added.id, name: added.name, preferred: added.preferred };
  },
);

export const removeNameVariantAction = authedAction(
  { schema: removeVariantSchema, permission: "variant.manage" },
  async (input, user) => {
    const result = await removeNameVariant({ actor: user, input });
    refresh();
    return result;
  },
);
