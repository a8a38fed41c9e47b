"use client";

import { Link2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { IntakePreview } from "@/lib/intake";
import type { ActionResult } from "@/lib/errors";
import { Button } from "./ui/button";
import { useErrorText } from "./ui/error-text";
import { Input } from "./ui/field";

export type PreviewAction = (raw: unknown) => Promise<ActionResult<IntakePreview>>;
export type ImportSource = { kind: "link" } | { kind: "paste" } | { kind: "file"; name: string };
export type ArticlePreview = Extract<IntakePreview, { ok: true }>;

/** The message of a failed import, in the editor's language (describeError, like every failure). */
export function useIntakeError() {
  const text = useErrorText();
  return (result: Extract<ActionResult<unknown>, { ok: false }>): string => text.failure(result);
}

/** "Import from a link": the server fetches the page and sends back the article it found. */
export function ImportFromLink({
  action,
  onPreview,
}: {
  action: PreviewAction;
  onPreview: (preview: IntakePreview, source: ImportSource) => void;
}) {
  const t = useTranslations("intake");
  const tf = useTranslations("articleForm");
  const describe = useIntakeError();
  const [link, setLink] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    if (!link.trim() || pending) return;
    setError(null);
    setPending(true);
    try {
      const result = await action({ source: "url", url: link.trim() });
      if (result.ok) onPreview(result.data, { kind: "link" });
      else setError(describe(result));
    } catch {
      setError(tf("unreachable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="border-line rounded-lg border bg-white p-5 sm:p-6">
      <h2 id="import-heading" className="text-base font-semibold">
        {t("linkHeading")}
      </h2>
      <div className="mt-4 space-y-1.5">
        <label htmlFor="import-url" className="text-ink block text-sm font-medium">
          {t("linkLabel")}
        </label>
        <div className="flex flex-wrap gap-3">
          <Input
            id="import-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            className="min-w-0 flex-1"
            value={link}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-url-error" : "import-url-hint"}
            onChange={(event) => {
              setLink(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              // Enter imports the link; it must not submit (and save) the article form.
              if (event.key === "Enter") {
                event.preventDefault();
                void submit();
              }
            }}
          />
          <Button variant="secondary" onClick={() => void submit()} disabled={pending || !link.trim()}>
            <Link2 aria-hidden className="size-4" />
            {pending ? t("linkSubmitting") : t("linkSubmit")}
          </Button>
        </div>
        {error ? (
          <p id="import-url-error" role="alert" className="text-disputed text-sm">
            {error}
          </p>
        ) : (
          <p id="import-url-hint" className="text-muted text-xs">
            {t("linkHint")}
          </p>
        )}
      </div>
    </section>
  );
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What was imported, before saving: the details found, how much of the page is the article, and the fallback. */
export function ImportPreview({
  preview,
  source,
  usingWholeText,
  onUseWholeText,
  onUseArticle,
  onDismiss,
}: {
  preview: ArticlePreview;
  source: ImportSource;
  usingWholeText: boolean;
  onUseWholeText: () => void;
  onUseArticle: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("intake");
  const tl = useTranslations("languages");
  const format = useFormatter();
  const { details } = preview;
  const none = <span className="text-muted italic">{t("previewNone")}</span>;
  const from =
    source.kind === "link"
      ? t("previewFromLink")
      : source.kind === "file"
        ? t("previewFromFile", { name: source.name })
        : t("previewFromPaste");
  const date = details.publishedAt
    ? format.dateTime(new Date(`${details.publishedAt}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
    : null;
  const rows: [string, ReactNode][] = [
    [t("previewTitle"), details.title ?? none],
    [t("previewOutlet"), details.outlet ?? none],
    [t("previewUrl"), details.url ? <span className="break-all">{details.url}</span> : none],
    [t("previewDate"), date ?? none],
    [t("previewAuthors"), details.authors.length > 0 ? details.authors.join(", ") : none],
    [
      t("previewLanguage"),
      preview.languageSource === "detected"
        ? t("previewLanguageDetected", { language: tl(details.language) })
        : tl(details.language),
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
            {t("previewHeading")}
          </h2>
          <p className="text-muted mt-1 text-sm">
            {t("previewFrom", { source: from })}. {t("previewIntro")}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
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
        {t("previewWords", { count: countWords(preview.text), total: countWords(preview.wholeText) })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {usingWholeText ? (
          <>
            <p role="status" className="text-ink text-sm">
              {t("usingWholeText")}
            </p>
            <Button variant="secondary" size="sm" onClick={onUseArticle}>
              {t("useArticleText")}
            </Button>
          </>
        ) : (
          <Button variant="secondary" size="sm" onClick={onUseWholeText}>
            {t("useWholeText")}
          </Button>
        )}
      </div>
    </section>
  );
}
