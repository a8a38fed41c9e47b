import "server-only";
import { asc, eq } from "drizzle-orm";
import { nameVariants, type NameVariant } from "@/lib/data/tables";
import { BUILT_IN_VARIANTS, variantKey, type VariantTable } from "@/lib/claims/variants";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/review";
import { parseInput } from "@/lib/validation/parse";
import {
  addVariantSchema,
  removeVariantSchema,
  type AddVariantInput,
  type RemoveVariantInput,
} from "@/lib/validation/variants";
import { cachedUntilWrite, getDb, withTransaction } from "./connection";

// The desk's name variants: the built-in table of lib/claims/variants.ts, extended by its admins.
// Search, the suggester and speaker merging read the table through getVariantTable().

export type AddedNameVariant = Pick<NameVariant, "id" | "name" | "preferred" | "createdAt">;

/** The variants the desk's admins added, oldest first. */
export async function listAddedVariants(): Promise<AddedNameVariant[]> {
  const rows = await cachedUntilWrite("variants:added", () =>
    getDb()
      .select({
        id: nameVariants.id,
        name: nameVariants.name,
        preferred: nameVariants.preferred,
        createdAt: nameVariants.createdAt,
      })
      .from(nameVariants)
      .orderBy(asc(nameVariants.id)),
  );
  return rows.map((row) => ({ ...row }));
}

/** The table in use: the built-in variants and the desk's own. */
export async function getVariantTable(): Promise<VariantTable> {
  return cachedUntilWrite("variants:table", async () => BUILT_IN_VARIANTS.extend(await listAddedVariants()));
}

function requireManage(actor: Actor): void {
  if (!hasPermission(actor.role, "variant.manage")) {
    throw new AppError("forbidden", "Only an admin can change the name variants.", {
      details: { reason: "variant_forbidden" },
    });
  }
}

/** Adds `name` as another spelling of `preferred`. */
export async function addNameVariant({
  actor,
  input,
}: {
  actor: Actor;
  input: AddVariantInput;
}): Promise<AddedNameVariant> {
  requireManage(actor);
  const data = parseInput(addVariantSchema, input);
  const key = variantKey(data.name);
  if (key === "" || key === variantKey(data.preferred)) {
    throw new AppError("invalid_input", "A variant must differ from the name it is a spelling of.", {
      fieldErrors: { name: ["sameAsPreferred"] },
      details: { reason: "variant_same" },
    });
  }
  const table = await getVariantTable();
  if (table.same(data.name, data.preferred)) {
    throw new AppError("conflict", "The desk already knows these two spellings as one name.", {
      fieldErrors: { name: ["alreadyKnown"] },
      details: { reason: "variant_known" },
    });
  }
  if (table.groupOf(data.name)) {
    throw new AppError("conflict", "This spelling already belongs to another name.", {
      fieldErrors: { name: ["otherName"] },
      details: { reason: "variant_taken" },
    });
  }
  return withTransaction(async (tx) => {
    const [row] = await tx
      .insert(nameVariants)
      .values({ name: data.name, key, preferred: data.preferred, createdById: actor.id })
      .returning({
        id: nameVariants.id,
        name: nameVariants.name,
        preferred: nameVariants.preferred,
        createdAt: nameVariants.createdAt,
      });
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

/** Removes a variant the desk added (the built-in ones stay). */
export async function removeNameVariant({
  actor,
  input,
}: {
  actor: Actor;
  input: RemoveVariantInput;
}): Promise<{ removed: number }> {
  requireManage(actor);
  const { id } = parseInput(removeVariantSchema, input);
  return withTransaction(async (tx) => {
    const removed = await tx
      .delete(nameVariants)
      .where(eq(nameVariants.id, id))
      .returning({ id: nameVariants.id });
    if (removed.length === 0) {
      throw new AppError("not_found", "This variant is gone.", { details: { reason: "variant_gone" } });
    }
    return { removed: removed.length };
  });
}
