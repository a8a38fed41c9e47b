"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { createArticle } from "@/lib/data/articles";
import { previewIntake } from "@/lib/intake";
import { articleSchema } from "@/lib/validation/article";
import { intakeSchema } from "@/lib/validation/intake";

const create = authedAction({ schema: articleSchema, permission: "article.create" }, async (input, user) => {
  const article = await createArticle({ actor: user, input });
  revalidatePath("/articles");
  return article;
});

export async function createArticleAction(raw: unknown) {
  return create(raw);
}

// The article found in a link or in HTML, for the editor to check before saving: nothing is stored.
const preview = authedAction({ schema: intakeSchema, permission: "article.create" }, (input) =>
  previewIntake(input),
);

export async function previewArticleAction(raw: unknown) {
  return preview(raw);
}
