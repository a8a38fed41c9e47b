"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/session";
import { updateArticle } from "@/lib/data/articles";
import { articleMetaSchema } from "@/lib/validation/article";

const update = authedAction(
  { schema: articleMetaSchema, permission: "article.edit" },
  async (input, user) => {
    const article = await updateArticle({ actor: user, input });
    revalidatePath("/articles");
    revalidatePath(`/articles/${article.id}`);
    return article;
  },
);

export async function updateArticleAction(raw: unknown) {
  return update(raw);
}
