"use client";

import { FileUp } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
} from "react";
import { useForm, useWatch, type Control } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { LANGUAGES, type Language } from "@/lib/review/model";
import { looksLikeHtmlSource, looksLikeWholePage } from "@/lib/intake/page";
import { ACCEPTED_FILE_TYPES, articleFileText, checkArticleFile } from "@/lib/text/article-file";
import { normaliseBody } from "@/lib/text/normalise";
import type { articleSchema } from "@/lib/validation/article";
import { MAX_BODY_LENGTH } from "@/lib/validation/limits";
import { ImportFromLink, type ArticlePreview, type ImportSource, type PreviewAction } from "./article-import";
import { PlainButton } from "./ui/button-plain";
import { buttonClass } from "./ui/button-class";
import { joinClasses } from "./ui/classes";
import { Field, PlainInput, inputClass, PlainSelect } from "./ui/field-plain";
import { useFormWords, type FormWords, type FormWordsHandle, type LoadedWords } from "./ui/form-words";
import { lazyResolver } from "./ui/lazy-resolver";

// What stays out of the page's first load, each loaded when needed: zod and next-intl's translator
// with the first check of the form (or when a field gets focus), the HTML converter when the body
// is first focused, the charset decoder with a saved web page. The form's words come from the page
// (lib/i18n/form-words.ts via app/(app)/articles/article-form-words.ts), not next-intl's provider;
// tailwind-merge is not needed: the classes below are joined, and the body's override is explicit.

const BODY_OWN = "min-h-64 resize-y font-serif text-[15px] leading-relaxed";
const BODY_DRAGGING = "border-accent ring-accent/30 ring-2";

/**
 * The body's classes: the controls' own, less the type size its own replaces and, under a dragged
 * file, less the border colour the highlight replaces: what cn() (tailwind-merge) gave, without it
 * (article-form.test.tsx compares them).
 */
export function bodyClass(dragging: boolean): string {
  const replaced = dragging ? ["text-sm", "border-line"] : ["text-sm"];
  const base = inputClass
    .split(" ")
    .filter((c) => !replaced.includes(c))
    .join(" ");
  return joinClasses(base, BODY_OWN, dragging && BODY_DRAGGING);
}

// What an import brought in shows after an import only: loaded when one starts, rendered once in.
let importPreview: typeof import("./article-import-preview") | undefined;
const loadImportPreview = () => import("./article-import-preview").then((m) => (importPreview = m));

let htmlConverter: Promise<typeof import("@/lib/text/html")> | undefined;
function loadHtmlConverter() {
  return (htmlConverter ??= import("@/lib/text/html"));
}

type Values = z.input<typeof articleSchema>;
type Output = z.output<typeof articleSchema>;
type SaveAction = (raw: unknown) => Promise<ActionResult<{ id: number }>>;

export type EditableArticle = {
  id: number;
  version: number;
  title: string;
  outlet: string | null;
  url: string | null;
  language: Language;
  publishedAt: string | null;
  authors?: string | null;
  body: string;
  claimCount: number;
};

/**
 * The form's words (articleForm, intake, languages, and the error catalogs), with the two messages
 * its first render formats with values, formatted on the server.
 */
export type ArticleFormWords = FormWords & {
  /** articleForm.characters of the body as it first shows (normalised, as in BodyCount). */
  bodyCount: string;
  /** articleForm.bodyLockedNotice with the article's claims, when editing one with claims. */
  bodyLocked?: string;
};

export type ArticleFormProps =
  | { mode: "create"; action: SaveAction; preview?: PreviewAction; words: ArticleFormWords }
  | { mode: "edit"; action: SaveAction; article: EditableArticle; words: ArticleFormWords };

type Imported = { preview: ArticlePreview; source: ImportSource; usingWholeText: boolean };
type NoArticle = { message: string; wholeText: string };

const FIELDS = ["title", "outlet", "url", "language", "publishedAt", "authors", "body"] as const;
type FieldName = (typeof FIELDS)[number];

type Failure = { kind: "conflict" } | { kind: "message"; text: string };

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** The new-article and edit-article form: one zod schema checks it here and again on the server. */
export function ArticleForm(props: ArticleFormProps) {
  const words = useFormWords(props.words);
  const { text, load } = words;
  const t = (key: string) => text(`articleForm.${key}`);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);
  const [noArticle, setNoArticle] = useState<NoArticle | null>(null);
  const [importing, setImporting] = useState(false);
  const ti = (key: string) => text(`intake.${key}`);
  const alertRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);

  const article = props.mode === "edit" ? props.article : null;
  const previewAction = props.mode === "create" ? props.preview : undefined;
  const bodyLocked = article !== null && article.claimCount > 0;

  // Field errors are put into words as soon as zod finds them: the translator comes with it.
  const [resolver] = useState(() =>
    lazyResolver<Values, unknown, Output>(async () => {
      const [{ zodResolver }, { articleSchema }] = await Promise.all([
        import("@hookform/resolvers/zod"),
        import("@/lib/validation/article"),
        load(),
      ]);
      return zodResolver(articleSchema);
    }),
  );

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    clearErrors,
    control,
    formState: { errors, isSubmitted },
  } = useForm<Values, unknown, Output>({
    resolver,
    defaultValues: article
      ? {
          title: article.title,
          outlet: article.outlet ?? "",
          url: article.url ?? "",
          language: article.language,
          publishedAt: article.publishedAt ?? "",
          authors: article.authors ?? "",
          body: article.body,
          bodyFormat: "text",
        }
      : {
          title: "",
          outlet: "",
          url: "",
          language: "",
          publishedAt: "",
          authors: "",
          body: "",
          bodyFormat: "text",
        },
  });

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  const errorText = (field: FieldName): string | undefined => words.loaded?.field(errors[field]?.message);

  /** Puts text into the body where the cursor is (or over all of it), keeping the browser's undo when it can. */
  function insertIntoBody(text: string, replaceAll: boolean) {
    const el = bodyRef.current;
    if (!el) return;
    el.focus();
    if (replaceAll) el.select();
    const before = el.value;
    let inserted = false;
    try {
      // Deprecated but still the only way to insert text that the browser's undo knows about.
      inserted = document.execCommand("insertText", false, text) && el.value !== before;
    } catch {
      inserted = false;
    }
    if (!inserted) {
      if (replaceAll) el.value = text;
      else el.setRangeText(text, el.selectionStart, el.selectionEnd, "end");
      setValue("body", el.value, { shouldDirty: true, shouldValidate: isSubmitted });
    }
  }

  /** The article and details found in a page, into the form for the editor to check. */
  function applyPreview(
    preview: import("@/lib/intake").IntakePreview,
    source: ImportSource,
    loaded: LoadedWords,
  ): boolean {
    setNoArticle(null);
    if (!preview.ok) {
      setNoArticle({ message: loaded.t("intakeErrors.noArticle"), wholeText: preview.wholeText });
      return false;
    }
    if (getValues("body").trim() !== "" && !window.confirm(ti("replaceConfirm"))) return false;
    const { details } = preview;
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    if (details.title) setValue("title", details.title.replace(/\u00a0/g, " ").slice(0, 300), options);
    if (details.outlet) setValue("outlet", details.outlet.slice(0, 200), options);
    if (details.url) setValue("url", details.url, options);
    if (details.publishedAt) setValue("publishedAt", details.publishedAt, options);
    if (details.authors.length > 0) setValue("authors", details.authors.join(", ").slice(0, 500), options);
    setValue("language", details.language, options);
    insertIntoBody(preview.text, true);
    clearErrors();
    setImported({ preview, source, usingWholeText: false });
    return true;
  }

  /** A whole page (pasted or from a file) goes to the server, which keeps only its article. */
  async function importHtml(html: string, source: ImportSource): Promise<boolean> {
    if (!previewAction) return false;
    setImporting(true);
    try {
      const [result, loaded] = await Promise.all([
        previewAction({ source: "html", html }),
        load(),
        loadImportPreview(),
      ]);
      if (!result.ok) {
        setFileError(loaded.failure(result));
        return true;
      }
      applyPreview(result.data, source, loaded);
      return true;
    } catch {
      setFileError(t("unreachable"));
      return true;
    } finally {
      setImporting(false);
    }
  }

  function replaceBody(text: string, usingWholeText: boolean) {
    insertIntoBody(text, true);
    setImported((current) => (current ? { ...current, usingWholeText } : current));
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData("text/html");
    const plain = event.clipboardData.getData("text/plain");
    // HTML source pasted as text: converted like pasted formatting, never stored as tags.
    const source = html || (looksLikeHtmlSource(plain) ? plain : "");
    if (!source) return;
    event.preventDefault();
    setFileError(null);
    if (previewAction && looksLikeWholePage(source)) {
      void importHtml(source, { kind: "paste" }).then((done) => {
        if (done) setNotice(ti("pastedPage"));
      });
      return;
    }
    // A fragment (a selection copied from a page) goes in where the cursor is. The converter loads
    // on first focus of the body; the clipboard is read now, the text goes in once converted.
    void loadHtmlConverter().then(
      ({ htmlToText }) => {
        const text = normaliseBody(htmlToText(source));
        // Nothing readable in the markup (an image, say): the plain text the browser had.
        if (!text) {
          if (plain) insertIntoBody(plain, false);
          return;
        }
        insertIntoBody(text, false);
        setNotice(t("pastedHtml"));
      },
      // The converter did not load (offline, say): the plain text, rather than nothing.
      () => {
        htmlConverter = undefined;
        if (plain) insertIntoBody(plain, false);
      },
    );
  }

  async function loadFile(file: File) {
    setFileError(null);
    setNotice(null);
    // Every message about a file names it: the translator first (no answer: the plain refusal).
    let loaded: LoadedWords;
    try {
      loaded = await load();
    } catch {
      setFileError(t("unreachable"));
      return;
    }
    const named = (key: string) => loaded.t(`articleForm.${key}`, { name: file.name });
    const check = checkArticleFile(file);
    if (!check.ok) {
      setFileError(named(check.error));
      return;
    }
    let fileText: string;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (check.kind === "html" && previewAction) {
        // A saved web page: the server keeps its article and reads its details.
        const { decodeHtml } = await import("@/lib/intake/charset");
        await importHtml(decodeHtml(bytes), { kind: "file", name: file.name });
        return;
      }
      fileText = await articleFileText(bytes, check.kind);
    } catch {
      setFileError(named("fileUnreadable"));
      return;
    }
    if (!fileText) {
      setFileError(named("fileEmpty"));
      return;
    }
    if (getValues("body").trim() !== "" && !window.confirm(named("replaceConfirm"))) return;
    insertIntoBody(fileText, true);
    clearErrors("body");
    setNotice(named("fileLoaded"));
  }

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again loads it again.
    event.target.value = "";
    if (file) void loadFile(file);
  }

  const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDragLeave(event: DragEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer.files;
    if (files.length > 1) setFileError(t("fileMany"));
    else if (files[0]) void loadFile(files[0]);
  }

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>, loaded: LoadedWords) {
    let focus = true;
    let shown = false;
    for (const name of FIELDS) {
      const key = result.fieldErrors?.[name]?.[0];
      if (!key) continue;
      setError(name, { type: "server", message: key }, { shouldFocus: focus });
      focus = false;
      shown = true;
    }
    if (result.code === "conflict") setFailure({ kind: "conflict" });
    else if (!shown) setFailure({ kind: "message", text: loaded.failure(result) });
  }

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    if (!bodyLocked) {
      // The schema bounds the raw text; what counts is the length once normalised, as the server stores it.
      const stored = normaliseBody(values.body).length;
      if (stored === 0 || stored > MAX_BODY_LENGTH) {
        setError(
          "body",
          { type: "client", message: stored === 0 ? "bodyRequired" : "bodyTooLong" },
          { shouldFocus: true },
        );
        return;
      }
    }
    const meta = {
      title: values.title,
      outlet: values.outlet,
      url: values.url,
      language: values.language,
      publishedAt: values.publishedAt,
      // Sent when there are authors, or when stored ones were cleared.
      ...(values.authors || article?.authors ? { authors: values.authors } : {}),
    };
    const payload = article
      ? { ...meta, id: article.id, version: article.version, ...(bodyLocked ? {} : { body: values.body }) }
      : { ...meta, body: values.body, bodyFormat: "text" as const };
    startTransition(async () => {
      let result: ActionResult<{ id: number }>;
      try {
        result = await props.action(payload);
      } catch {
        setFailure({ kind: "message", text: t("unreachable") });
        return;
      }
      if (result.ok) {
        router.push(`/articles/${result.data.id}`);
        return;
      }
      // The translator is in already (the form was checked), unless it failed to load.
      let loaded: LoadedWords;
      try {
        loaded = await load();
      } catch {
        setFailure({ kind: "message", text: t("unreachable") });
        return;
      }
      showFailure(result, loaded);
    });
  });

  const fieldProps = (name: Exclude<FieldName, "body">, hint?: boolean) => ({
    id: name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(errors[name] ? `${name}-error` : hint && `${name}-hint`),
    ...register(name),
  });

  const { ref: registerBodyRef, ...bodyField } = register("body", {
    onChange: () => {
      setFileError(null);
    },
  });
  const bodyError = fileError ?? errorText("body");
  const cancelHref = article ? `/articles/${article.id}` : "/articles";

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="space-y-6"
      aria-busy={pending || importing || undefined}
    >
      {previewAction ? (
        <ImportFromLink
          action={previewAction}
          words={words}
          prepare={loadImportPreview}
          onPreview={(preview, loaded) => applyPreview(preview, { kind: "link" }, loaded)}
        />
      ) : null}

      {noArticle ? (
        <div
          role="alert"
          className="border-disputed/30 bg-disputed-bg text-disputed space-y-2 rounded-md border px-4 py-3 text-sm"
        >
          <p>{noArticle.message}</p>
          {noArticle.wholeText ? (
            <button
              type="button"
              className="text-disputed font-medium underline underline-offset-2"
              onClick={() => {
                insertIntoBody(noArticle.wholeText, true);
                setNoArticle(null);
              }}
            >
              {ti("noArticleWholeText")}
            </button>
          ) : null}
        </div>
      ) : null}

      {imported && words.loaded && importPreview ? (
        <importPreview.ImportPreview
          text={text}
          loaded={words.loaded}
          preview={imported.preview}
          source={imported.source}
          usingWholeText={imported.usingWholeText}
          onUseWholeText={() => replaceBody(imported.preview.wholeText, true)}
          onUseArticle={() => replaceBody(imported.preview.text, false)}
          onDismiss={() => setImported(null)}
        />
      ) : null}

      {failure ? (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="border-disputed/30 bg-disputed-bg text-disputed rounded-md border px-4 py-3 text-sm"
        >
          {failure.kind === "conflict" ? (
            <div className="space-y-2">
              <p>{t("conflict")}</p>
              <button
                type="button"
                className="text-disputed font-medium underline underline-offset-2"
                onClick={() => window.location.reload()}
              >
                {t("reloadLatest")}
              </button>
            </div>
          ) : (
            <p>{failure.text}</p>
          )}
        </div>
      ) : null}

      <section
        aria-labelledby="details-heading"
        className="border-line rounded-lg border bg-white p-5 sm:p-6"
      >
        <h2 id="details-heading" className="text-base font-semibold">
          {t("detailsHeading")}
        </h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <Field id="title" label={t("title")} error={errorText("title")} className="sm:col-span-2">
            <PlainInput autoComplete="off" autoFocus={!article} {...fieldProps("title")} />
          </Field>
          <Field id="outlet" label={t("outlet")} hint={t("outletHint")} error={errorText("outlet")}>
            <PlainInput autoComplete="off" {...fieldProps("outlet", true)} />
          </Field>
          <Field id="url" label={t("url")} hint={t("urlHint")} error={errorText("url")}>
            <PlainInput
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://"
              {...fieldProps("url", true)}
            />
          </Field>
          <Field
            id="language"
            label={t("language")}
            hint={article ? undefined : <LanguageHint control={control} words={words} />}
            error={errorText("language")}
          >
            <PlainSelect {...fieldProps("language", !article)}>
              {article ? null : <option value="">{t("languageAuto")}</option>}
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {text(`languages.${language}`)}
                </option>
              ))}
            </PlainSelect>
          </Field>
          <Field id="publishedAt" label={t("publishedAt")} error={errorText("publishedAt")}>
            <PlainInput type="date" {...fieldProps("publishedAt")} />
          </Field>
          <Field
            id="authors"
            label={ti("authors")}
            hint={ti("authorsHint")}
            error={errorText("authors")}
            className="sm:col-span-2"
          >
            <PlainInput autoComplete="off" {...fieldProps("authors", true)} />
          </Field>
        </div>
      </section>

      <section aria-labelledby="text-heading" className="border-line rounded-lg border bg-white p-5 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="text-heading" className="text-base font-semibold">
            {t("textHeading")}
          </h2>
          {bodyLocked ? null : (
            <div className="flex items-center gap-3">
              <span className="text-muted text-xs max-sm:hidden">{t("uploadTypes")}</span>
              <input
                ref={fileInputRef}
                type="file"
                accept={ACCEPTED_FILE_TYPES}
                aria-label={t("uploadInput")}
                className="sr-only"
                tabIndex={-1}
                onChange={onFileChosen}
                data-testid="article-file"
              />
              <PlainButton variant="secondary" size="sm" onClick={() => fileInputRef.current?.click()}>
                <FileUp aria-hidden className="size-4" />
                {t("upload")}
              </PlainButton>
            </div>
          )}
        </div>

        {bodyLocked && article ? (
          <div className="mt-4 space-y-3">
            <p className="bg-unrated-bg text-ink rounded-md px-4 py-3 text-sm" data-testid="body-locked">
              {props.words.bodyLocked}
            </p>
            <div
              role="region"
              aria-label={t("bodyReadOnly")}
              tabIndex={0}
              className="border-line text-ink max-h-96 space-y-3 overflow-y-auto rounded-md border bg-slate-50 px-4 py-3 font-serif text-[15px] leading-relaxed"
            >
              {article.body.split("\n\n").map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          </div>
        ) : (
          // Not <Field>: the error sits right under the box, and the paste/drop hint stays visible with it.
          <div className="mt-4 space-y-1.5">
            <label htmlFor="body" className="text-ink block text-sm font-medium">
              {t("body")}
            </label>
            <div className="relative" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
              <textarea
                id="body"
                rows={18}
                spellCheck={false}
                aria-invalid={bodyError ? true : undefined}
                aria-describedby={describedBy(
                  bodyError && "body-error",
                  "body-count",
                  "body-status",
                  "body-hint",
                )}
                className={bodyClass(dragging)}
                onPaste={onPaste}
                onFocus={() => void loadHtmlConverter()}
                ref={(el) => {
                  registerBodyRef(el);
                  bodyRef.current = el;
                }}
                {...bodyField}
              />
              {dragging ? (
                <div
                  aria-hidden
                  className="border-accent bg-accent/5 text-accent pointer-events-none absolute inset-0 grid place-items-center rounded-md border-2 border-dashed text-sm font-medium"
                >
                  {t("dropHere")}
                </div>
              ) : null}
            </div>
            {bodyError ? (
              <p id="body-error" role="alert" className="text-disputed text-sm">
                {bodyError}
              </p>
            ) : null}
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
              <p id="body-status" role="status" className="text-confirmed text-xs">
                {notice}
              </p>
              <BodyCount control={control} words={words} initial={props.words.bodyCount} />
            </div>
            <p id="body-hint" className="text-muted text-xs">
              {t("bodyHint")}
            </p>
          </div>
        )}
      </section>

      <div className="flex items-center justify-end gap-3">
        <Link href={cancelHref} className={buttonClass("ghost")}>
          {t("cancel")}
        </Link>
        <PlainButton type="submit" disabled={pending}>
          {article
            ? pending
              ? t("submittingSave")
              : t("submitSave")
            : pending
              ? t("submittingCreate")
              : t("submitCreate")}
        </PlainButton>
      </div>
    </form>
  );
}

/** Under "Detect automatically", what the text looks like so far. */
function LanguageHint({
  control,
  words,
}: {
  control: Control<Values, unknown, Output>;
  words: FormWordsHandle;
}) {
  const { text, loaded, load } = words;
  const language = useWatch({ control, name: "language" });
  const body = useDeferredValue(useWatch({ control, name: "body" }) ?? "");
  const [detector, setDetector] = useState<typeof import("@/lib/text/language") | null>(null);
  const long = body.trim().length >= 20;
  useEffect(() => {
    // The language model (trigrams of many languages) loads once there is text to look at, with the
    // translator that words what it found.
    if (long && !detector)
      void Promise.all([import("@/lib/text/language"), load()]).then(([model]) => setDetector(model));
  }, [long, detector, load]);
  const detected = useMemo(
    () => (long && detector ? detector.detectLanguage(normaliseBody(body)) : null),
    [body, long, detector],
  );
  if (language !== "") return text("articleForm.languageChosen");
  return detected && loaded
    ? loaded.t("articleForm.languageDetected", { language: text(`languages.${detected}`) })
    : text("articleForm.languageAutoHint");
}

/**
 * The length the server will store and check, not the raw length of the box. The catalogs format
 * the numbers and pick the plural (French: 0 caractère): the first count comes formatted from the
 * server, the next ones from the translator, which the first change of the body loads (a focus of
 * the form loads it earlier).
 */
function BodyCount({
  control,
  words,
  initial,
}: {
  control: Control<Values, unknown, Output>;
  words: FormWordsHandle;
  initial: string;
}) {
  const { loaded, load, locale } = words;
  const body = useDeferredValue(useWatch({ control, name: "body" }) ?? "");
  const count = useMemo(() => normaliseBody(body).length, [body]);
  const [firstCount] = useState(count);
  const changed = count !== firstCount;
  useEffect(() => {
    if (changed && !loaded) void load().catch(() => undefined);
  }, [changed, loaded, load]);
  const over = count - MAX_BODY_LENGTH;
  // Numbers, not formatted strings: the catalogs format them and pick the plural.
  const values = { count, max: MAX_BODY_LENGTH, over };
  // Until the translator is in (a few milliseconds after the first change), the bare number.
  const text = !loaded
    ? changed
      ? new Intl.NumberFormat(locale).format(count)
      : initial
    : loaded.t(over > 0 ? "articleForm.charactersOver" : "articleForm.characters", values);
  return (
    <p
      id="body-count"
      className={joinClasses(
        "ml-auto text-xs tabular-nums",
        over > 0 ? "text-disputed font-medium" : "text-muted",
      )}
      data-testid="body-count"
    >
      {text}
    </p>
  );
}
