import { z } from "./zod";
import { lineText } from "./text";

/** A spelling a desk adds: `name` is another way of writing `preferred` ("Kiyv" for "Kyiv"). */
export const addVariantSchema = z.object({
  name: lineText().min(1, { error: "required" }).max(100, { error: "tooLong" }),
  preferred: lineText().min(1, { error: "required" }).max(100, { error: "tooLong" }),
});
export type AddVariantInput = z.input<typeof addVariantSchema>;

export const removeVariantSchema = z.object({ id: z.number().int().positive() });
export type RemoveVariantInput = z.input<typeof removeVariantSchema>;
