import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/article-form";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { hasPermission } from "@/lib/review";
import { parseIdParam } from "@/lib/validation/id";
import { updateArticleAction } from "./actions";
import { requestCatalog } from "@/lib/i18n/server";
import { articleFormWordsOf } from "../../article-form-words";

type Params = Promise<{ id: string }>;

async function loadArticle(params: Params) {
  const id = parseIdParam((await params).id);
  if (id === null) return undefined;
  return getArticleById({ id });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("articleForm");
  const article = await loadArticle(params);
  return { title: article ? `${t("editTitle")} · ${article.title}` : t("editTitle") };
}

export default async function EditArticlePage({ params }: { params: Params }) {
  const article = await loadArticle(params);
  if (!article) notFound();
  const t = await getTranslations("articleForm");
  const user = await getCurrentUser();
  const allowed = user !== null && hasPermission(user.role, "article.edit");
  const claimCount = article.progress.total;
  // The form's words as a prop, not next-intl's client provider: its runtime stays out of the first load.
  const words = allowed
    ? articleFormWordsOf(await requestCatalog(), { body: article.body, claimCount })
    : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/articles/${article.id}`} className="text-muted hover:text-ink text-sm hover:underline">
          ← {t("backToArticle")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("editTitle")}</h1>
        <p className="text-muted mt-1 max-w-2xl text-sm">{t("editIntro", { title: article.title })}</p>
      </div>
      {words ? (
        <ArticleForm
          mode="edit"
          action={updateArticleAction}
          words={words}
          article={{
            id: article.id,
            version: article.version,
            title: article.title,
            outlet: article.outlet,
            url: article.url,
            language: article.language,
            publishedAt: article.publishedAt,
            authors: article.authors,
            body: article.body,
            claimCount,
          }}
        />
      ) : (
        <p role="alert">{t("notAllowed")}</p>
      )}
    </div>
  );
}
