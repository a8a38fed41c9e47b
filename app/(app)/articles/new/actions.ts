"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { createArticle } from "@/lib/data/articles";
import { articleSchema } from "@/lib/validation/article";

const create = authedAction({ schema: articleSchema, permission: "article.create" }, async (input, user) => {
  const article = await createArticle({ actor: user, input });
  revalidatePath("/articles");
  return article;
});

export async function createArticleAction(raw: unknown) {
  return create(raw);
}
