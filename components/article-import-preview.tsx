"use client";
// What an import brought in, before saving (components/article-form.tsx loads this with the first
// import: it is not in the new-article page's first load).
import type { ReactNode } from "react";
import type { ArticlePreview, ImportSource } from "./article-import";
import { PlainButton } from "./ui/button-plain";
import type { FormWordsHandle, LoadedWords } from "./ui/form-words";

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * What was imported, before saving: the details found, how much of the page is the article, and the
 * fallback. Shown after an import, when the translator is in: it formats the counts and the date.
 */
export function ImportPreview({
  preview,
  source,
  usingWholeText,
  onUseWholeText,
  onUseArticle,
  onDismiss,
  text,
  loaded,
}: {
  preview: ArticlePreview;
  source: ImportSource;
  usingWholeText: boolean;
  onUseWholeText: () => void;
  onUseArticle: () => void;
  onDismiss: () => void;
  text: FormWordsHandle["text"];
  loaded: LoadedWords;
}) {
  const { t } = loaded;
  const { details } = preview;
  const none = <span className="text-muted italic">{text("intake.previewNone")}</span>;
  const language = text(`languages.${details.language}`);
  const from =
    source.kind === "link"
      ? text("intake.previewFromLink")
      : source.kind === "file"
        ? t("intake.previewFromFile", { name: source.name })
        : text("intake.previewFromPaste");
  const date = details.publishedAt
    ? loaded.dateTime(new Date(`${details.publishedAt}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
    : null;
  const rows: [string, ReactNode][] = [
    [text("intake.previewTitle"), details.title ?? none],
    [text("intake.previewOutlet"), details.outlet ?? none],
    [text("intake.previewUrl"), details.url ? <span className="break-all">{details.url}</span> : none],
    [text("intake.previewDate"), date ?? none],
    [text("intake.previewAuthors"), details.authors.length > 0 ? details.authors.join(", ") : none],
    [
      text("intake.previewLanguage"),
      preview.languageSource === "detected" ? t("intake.previewLanguageDetected", { language }) : language,
    ],
  ];
  return (
    <section
      aria-labelledby="import-preview-heading"
      className="border-accent/40 bg-accent/5 rounded-lg border p-5 sm:p-6"
      data-testid="import-preview"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="import-preview-heading" className="text-base font-semibold">
            {text("intake.previewHeading")}
          </h2>
          <p className="text-muted mt-1 text-sm">
            {t("intake.previewFrom", { source: from })}. {text("intake.previewIntro")}
          </p>
        </div>
        <PlainButton variant="ghost" size="sm" onClick={onDismiss}>
          {text("intake.dismiss")}
        </PlainButton>
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted font-medium">{label}</dt>
            <dd className="text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-muted mt-4 text-xs" data-testid="import-words">
        {t("intake.previewWords", { count: countWords(preview.text), total: countWords(preview.wholeText) })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {usingWholeText ? (
          <>
            <p role="status" className="text-ink text-sm">
              {text("intake.usingWholeText")}
            </p>
            <PlainButton variant="secondary" size="sm" onClick={onUseArticle}>
              {text("intake.useArticleText")}
            </PlainButton>
          </>
        ) : (
          <PlainButton variant="secondary" size="sm" onClick={onUseWholeText}>
            {text("intake.useWholeText")}
          </PlainButton>
        )}
      </div>
    </section>
  );
}
