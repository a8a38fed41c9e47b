import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/article-form";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/review";
import { createArticleAction, previewArticleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articleForm");
  return { title: t("newTitle") };
}

export default async function NewArticlePage() {
  const t = await getTranslations("articleForm");
  const user = await getCurrentUser();
  const allowed = user !== null && hasPermission(user.role, "article.create");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/articles" className="text-muted hover:text-ink text-sm hover:underline">
          ← {t("backToArticles")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
        <p className="text-muted mt-1 max-w-2xl text-sm">{t("newIntro")}</p>
      </div>
      {allowed ? (
        <ArticleForm mode="create" action={createArticleAction} preview={previewArticleAction} />
      ) : (
        <p role="alert">{t("notAllowed")}</p>
      )}
    </div>
  );
}
