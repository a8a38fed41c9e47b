"use client";

// The claim form's sources: a list of typed sources (web page, document, call or interview, e-mail
// or message, agency wire, other), each with the fields of its kind. A document is uploaded at
// once (with progress) and kept by the desk for the article's claims; a web page can be archived
// (the desk fetches it and keeps a snapshot). Both put the kept file's id into the source; the
// claim's save writes the sources.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { archiveSourceAction } from "@/app/(app)/articles/[id]/evidence-actions";
import type { Failure } from "@/lib/errors";
import { failureFromProblem } from "@/lib/errors/text";
import { SOURCE_KINDS, type SourceKind } from "@/lib/evidence/model";
import { emptySource, sizeText, type FileRef } from "@/lib/evidence/sources";
import type { ClaimFormInput, ClaimFormValues } from "@/lib/validation/claim";
import type { SourceValues } from "@/lib/validation/source";
import { fileHref } from "./source-list";
import { callAction } from "./ui/action";
import { Button } from "./ui/button";
import { useErrorText } from "./ui/error-text";
import { Input, Select, Textarea } from "./ui/field";

type Form = UseFormReturn<ClaimFormInput, unknown, ClaimFormValues>;

/** Uploads with XMLHttpRequest: fetch() reports no upload progress. */
function upload(
  articleId: number,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ ok: true; file: FileRef } | (Failure & { network?: boolean })> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/articles/${articleId}/documents`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as Record<string, unknown> | null;
      if (xhr.status === 201 && body) resolve({ ok: true, file: body as unknown as FileRef });
      else
        resolve({
          ok: false,
          message: String(body?.detail ?? xhr.statusText),
          ...failureFromProblem(body, xhr.status),
        });
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        code: "unavailable",
        message: "network",
        details: { reason: "network" },
        network: true,
      });
    const data = new FormData();
    data.append("file", file);
    xhr.send(data);
  });
}

function SourceRow({
  form,
  index,
  articleId,
  files,
  onFile,
  onRemove,
}: {
  form: Form;
  index: number;
  articleId: number;
  files: Map<number, FileRef>;
  onFile: (file: FileRef) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("evidence");
  const describe = useErrorText();
  const rowId = useId();
  const { register, control, setValue, formState } = form;
  const kind = useWatch({ control, name: `sources.${index}.kind` }) ?? "web";
  const url = useWatch({ control, name: `sources.${index}.url` }) ?? "";
  const fileId = useWatch({ control, name: `sources.${index}.fileId` }) ?? null;
  const snapshotId = useWatch({ control, name: `sources.${index}.snapshotId` }) ?? null;
  const errors = formState.errors.sources?.[index];
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [archiving, setArchiving] = useState(false);
  const n = index + 1;
  type SourceField = keyof SourceValues;
  const name = <F extends SourceField>(field: F) => `sources.${index}.${field}` as `sources.${number}.${F}`;
  const error = (field: SourceField) => {
    const text = describe.field(errors?.[field]?.message);
    return text ? (
      <p className="text-disputed text-xs" role="alert">
        {text}
      </p>
    ) : null;
  };
  const document = fileId === null ? null : (files.get(fileId) ?? null);
  const snapshot = snapshotId === null ? null : (files.get(snapshotId) ?? null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    setProgress(0);
    const result = await upload(articleId, file, setProgress);
    setProgress(null);
    if (result.ok) {
      onFile(result.file);
      setValue(name("fileId"), result.file.id, { shouldDirty: true, shouldValidate: true });
      form.clearErrors(name("fileId"));
    } else {
      setStatus({
        kind: "error",
        text:
          "network" in result && result.network
            ? t("editor.uploadNetwork")
            : t("editor.uploadFailed", { reason: describe.failure(result) }),
      });
    }
  };

  const archive = async () => {
    if (url.trim() === "") {
      setStatus({ kind: "error", text: t("editor.archiveFirst") });
      return;
    }
    setStatus(null);
    setArchiving(true);
    const result = await callAction(() => archiveSourceAction({ articleId, url }));
    setArchiving(false);
    if (result.ok) {
      onFile(result.data);
      setValue(name("snapshotId"), result.data.id, { shouldDirty: true });
    } else setStatus({ kind: "error", text: describe.failure(result) });
  };

  const text = (field: "party" | "agency" | "reference" | "title", label: string, placeholder?: string) => (
    <label className="block space-y-1 text-xs">
      <span className="text-muted">{label}</span>
      <Input
        aria-invalid={errors?.[field] ? true : undefined}
        placeholder={placeholder}
        {...register(name(field))}
      />
      {error(field)}
    </label>
  );
  const when = (
    <label className="block space-y-1 text-xs">
      <span className="text-muted">{t("editor.when")}</span>
      <Input
        type="datetime-local"
        aria-label={t("editor.occurredAt", { n })}
        aria-invalid={errors?.occurredAt ? true : undefined}
        {...register(name("occurredAt"))}
      />
      {error("occurredAt")}
    </label>
  );
  const body = (label: string) => (
    <label className="block space-y-1 text-xs">
      <span className="text-muted">{label}</span>
      <Textarea rows={2} aria-invalid={errors?.body ? true : undefined} {...register(name("body"))} />
      {error("body")}
    </label>
  );

  return (
    <div
      className="border-line space-y-2 rounded-md border bg-white p-2"
      data-testid="source-row"
      data-kind={kind}
    >
      <div className="flex items-center gap-2">
        <Select
          aria-label={t("editor.kind", { n })}
          className="min-w-0 flex-1"
          {...register(name("kind"), {
            onChange: () => {
              setStatus(null);
              form.clearErrors(`sources.${index}`);
            },
          })}
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={t("editor.remove", { n })}>
          ×
        </Button>
      </div>
      {kind === "web" ? (
        <>
          <Input
            aria-label={t("editor.url", { n })}
            placeholder="https://"
            type="url"
            aria-invalid={errors?.url ? true : undefined}
            {...register(name("url"))}
          />
          {error("url")}
          <Input
            aria-label={t("editor.title", { n })}
            placeholder={t("editor.titlePlaceholder")}
            {...register(name("title"))}
          />
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <Button variant="secondary" size="sm" onClick={() => void archive()} disabled={archiving}>
              {archiving ? t("editor.archiving") : t("editor.archive")}
            </Button>
            {snapshot ? (
              <a
                href={fileHref(snapshot)}
                download
                className="text-accent underline-offset-2 hover:underline"
                data-testid="snapshot-link"
              >
                {t("editor.archivedAt", { at: snapshot.at.slice(0, 16).replace("T", " ") })}
              </a>
            ) : snapshotId !== null ? (
              <span className="text-muted">{t("archived", { at: "" })}</span>
            ) : null}
          </div>
        </>
      ) : null}
      {kind === "document" ? (
        <>
          <label htmlFor={`${rowId}-file`} className="text-muted block text-xs">
            {t("editor.fileHint")}
          </label>
          <input
            id={`${rowId}-file`}
            type="file"
            aria-label={t("editor.file", { n })}
            accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.heic,.txt,.md,.csv,.tsv,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
            className="text-ink file:border-line block w-full max-w-full text-xs file:mr-2 file:rounded-md file:border file:bg-white file:px-2 file:py-1"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
            disabled={progress !== null}
          />
          {progress !== null ? (
            <div className="space-y-1" aria-live="polite">
              <progress
                className="w-full"
                max={100}
                value={progress}
                aria-label={t("editor.uploading", { percent: progress })}
              />
              <p className="text-muted text-xs">{t("editor.uploading", { percent: progress })}</p>
            </div>
          ) : null}
          {document ? (
            <p className="text-xs" data-testid="document-kept">
              <a
                href={fileHref(document)}
                download
                className="text-accent underline-offset-2 hover:underline"
              >
                {t("editor.uploaded", { name: document.name, size: sizeText(document.size) })}
              </a>
            </p>
          ) : null}
          {error("fileId")}
          {text("title", t("editor.title", { n }), t("editor.titlePlaceholder"))}
        </>
      ) : null}
      {kind === "call" || kind === "message" ? (
        <>
          {text("party", kind === "call" ? t("editor.partyCall") : t("editor.partyMessage"))}
          {when}
          {body(kind === "call" ? t("editor.notes") : t("editor.text"))}
        </>
      ) : null}
      {kind === "wire" ? (
        <>
          {text("agency", t("editor.agency"))}
          {text("reference", t("editor.reference"))}
          {when}
        </>
      ) : null}
      {kind === "other" ? body(t("editor.description")) : null}
      {status ? (
        <p className={status.kind === "error" ? "text-disputed text-xs" : "text-muted text-xs"} role="alert">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}

export function SourceEditor({
  form,
  articleId,
  initialFiles,
  legend,
}: {
  form: Form;
  articleId: number;
  /** The files the claim's sources already cite, to name them. */
  initialFiles: FileRef[];
  legend: string;
}) {
  const t = useTranslations("evidence");
  const sources = useFieldArray({ control: form.control, name: "sources" });
  const [files, setFiles] = useState(() => new Map(initialFiles.map((f) => [f.id, f])));
  const add = (kind: SourceKind) => sources.append(emptySource(kind));
  return (
    <fieldset className="space-y-2" data-testid="source-editor">
      <legend className="text-sm font-medium">{legend}</legend>
      {sources.fields.length === 0 ? <p className="text-muted text-xs">{t("editor.none")}</p> : null}
      {sources.fields.map((field, index) => (
        <SourceRow
          key={field.id}
          form={form}
          index={index}
          articleId={articleId}
          files={files}
          onFile={(file) => setFiles((current) => new Map(current).set(file.id, file))}
          onRemove={() => sources.remove(index)}
        />
      ))}
      <Button variant="secondary" size="sm" onClick={() => add("web")}>
        {t("editor.add")}
      </Button>
    </fieldset>
  );
}
