import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/article-form";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/review";
import { createArticleAction, previewArticleAction } from "./actions";
import { requestCatalog } from "@/lib/i18n/server";
import { articleFormWordsOf } from "../article-form-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articleForm");
  return { title: t("newTitle") };
}

export default async function NewArticlePage() {
  const t = await getTranslations("articleForm");
  const user = await getCurrentUser();
  const allowed = user !== null && hasPermission(user.role, "article.create");
  // The form's words as a prop, not next-intl's client provider: its runtime stays out of the first load.
  const words = allowed ? articleFormWordsOf(await requestCatalog()) : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/articles" className="text-muted hover:text-ink text-sm hover:underline">
          ← {t("backToArticles")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
        <p className="text-muted mt-1 max-w-2xl text-sm">{t("newIntro")}</p>
      </div>
      {words ? (
        <ArticleForm
          mode="create"
          action={createArticleAction}
          preview={previewArticleAction}
          words={words}
        />
      ) : (
        <p role="alert">{t("notAllowed")}</p>
      )}
    </div>
  );
}
