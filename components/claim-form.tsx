"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { createClaimAction, deleteClaimAction, updateClaimAction } from "@/app/(app)/articles/[id]/actions";
import type { ClaimView } from "@/lib/data/claims";
import type { Failure } from "@/lib/errors";
import { describeError } from "@/lib/errors/text";
import { VERDICTS } from "@/lib/review/model";
import { locateQuote } from "@/lib/text/anchor";
import type { ClaimFormInput, ClaimFormValues } from "@/lib/validation/claim";
import { SimilarClaimsPanel } from "./similar-claims-panel";
import { callAction, isRetryable } from "./ui/action";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { Field, Input, Textarea } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
import { NoticeLine, type Notice } from "./ui/notice-line";
import { VERDICT_STYLES } from "./verdict-badge";

// zod stays out of the article page's first load; it arrives when the form is first checked.
const resolver = lazyResolver<ClaimFormInput, unknown, ClaimFormValues>(async () => {
  const [{ zodResolver }, { claimFormSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/claim"),
  ]);
  return zodResolver(claimFormSchema);
});

export type ClaimDraft = {
  start: number;
  end: number;
  quote: string;
  statement?: string;
  speaker?: string;
  verdict?: ClaimFormValues["verdict"];
  silentParty?: string;
};

type Conflict = { by: string; at: string; current: ClaimView };

function valuesOf(claim: ClaimView): ClaimFormInput {
  return {
    start: claim.start,
    end: claim.end,
    quote: claim.quote,
    statement: claim.statement,
    speaker: claim.speaker ?? "",
    verdict: claim.verdict,
    verdictNote: claim.verdictNote ?? "",
    silentParty: claim.silentParty ?? "",
    sources: claim.sources.map((s) => ({ url: s.url, title: s.title ?? "" })),
  };
}

const FIELD_ORDER = [
  "statement",
  "quote",
  "speaker",
  "verdict",
  "verdictNote",
  "silentParty",
  "sources",
] as const;

export function ClaimForm({
  articleId,
  body,
  claim,
  draft,
  speakers,
  onSaved,
  onDeleted,
  onCancel,
}: {
  articleId: number;
  body: string;
  claim?: ClaimView;
  draft?: ClaimDraft;
  speakers: string[];
  onSaved: (claim: ClaimView) => void;
  onDeleted: (id: number) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("claimForm");
  const te = useTranslations("errors");
  const tv = useTranslations("verdicts");
  const format = useFormatter();
  const formId = useId();
  const [pending, startTransition] = useTransition();
  const words = useTranslations();
  const [failure, setFailure] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [version, setVersion] = useState(claim?.version ?? 0);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const defaults: ClaimFormInput = claim
    ? valuesOf(claim)
    : {
        start: draft?.start ?? 0,
        end: draft?.end ?? 0,
        quote: draft?.quote ?? "",
        statement: draft?.statement ?? draft?.quote ?? "",
        speaker: draft?.speaker ?? "",
        verdict: draft?.verdict ?? "unrated",
        verdictNote: "",
        silentParty: draft?.silentParty ?? "",
        sources: [],
      };

  // The form opens on demand: fetch the validator as it opens, before the first save.
  useEffect(() => resolver.preload(), []);
  const form = useForm<ClaimFormInput, unknown, ClaimFormValues>({
    resolver,
    defaultValues: defaults,
  });
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = form;
  const sources = useFieldArray({ control, name: "sources" });
  const verdict = useWatch({ control, name: "verdict" });
  const quote = useWatch({ control, name: "quote" });
  const statement = useWatch({ control, name: "statement" });
  const statementTouched = Boolean(form.formState.dirtyFields.statement);

  const message = (key: string | undefined) => (key ? (te.has(key) ? te(key) : key) : undefined);

  const applyFailure = (result: Failure, retry: () => void) => {
    if (result.code === "conflict" && result.details?.current) {
      setConflict(result.details as unknown as Conflict);
      return;
    }
    for (const [key, list] of Object.entries(result.fieldErrors ?? {})) {
      const name = key as keyof ClaimFormInput;
      if (FIELD_ORDER.includes(name as (typeof FIELD_ORDER)[number]) || name === "start" || name === "end") {
        setError(name === "start" || name === "end" ? "quote" : name, { message: list[0] });
      }
    }
    setFailure({
      kind: "error",
      text: describeError(words, result),
      retry: isRetryable(result) ? retry : undefined,
    });
  };

  const save = (submit: boolean): Promise<void> =>
    handleSubmit((values) => {
      setFailure(null);
      startTransition(async () => {
        const result = await callAction(() =>
          claim
            ? updateClaimAction({ ...values, id: claim.id, version, submit })
            : createClaimAction({ ...values, articleId, submit }),
        );
        if (result.ok) {
          setConflict(null);
          onSaved(result.data);
        } else applyFailure(result, () => void save(submit));
      });
    })();

  const relocate = (text: string) => {
    const found = locateQuote(body, text, getValues("start"));
    if (found) {
      setValue("start", found.start);
      setValue("end", found.end);
      form.clearErrors("quote");
    } else {
      setValue("end", 0);
    }
    if (!statementTouched) setValue("statement", text);
  };
  const quoteFound = quote.length > 0 && body.slice(getValues("start"), getValues("end")) === quote;

  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.current.version);
    setConflict(null);
  };
  const loadTheirs = () => {
    if (!conflict) return;
    reset(valuesOf(conflict.current));
    setVersion(conflict.current.version);
    setConflict(null);
  };
  const theirChanges = conflict
    ? FIELD_ORDER.filter(
        (key) => JSON.stringify(valuesOf(conflict.current)[key]) !== JSON.stringify(getValues(key)),
      )
    : [];

  const remove = () => {
    if (!claim) return;
    startTransition(async () => {
      const result = await callAction(() => deleteClaimAction({ id: claim.id, version, articleId }));
      if (result.ok) onDeleted(claim.id);
      else applyFailure(result, remove);
    });
  };

  const id = (name: string) => `${formId}-${name}`;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
      className="space-y-4"
      aria-labelledby={id("title")}
      data-testid="claim-form"
    >
      <div className="flex items-center justify-between">
        <h2 id={id("title")} className="text-base font-semibold">
          {claim ? t("editTitle") : t("newTitle")}
        </h2>
        {claim?.stage && claim.stage !== "draft" ? (
          <span className="text-muted text-xs">{t("backToDraft")}</span>
        ) : null}
      </div>

      {conflict ? (
        <div
          role="alert"
          className="border-uncommented/40 bg-uncommented-bg space-y-2 rounded-md border px-3 py-2 text-sm"
        >
          <p className="font-medium">
            {t("conflict", {
              name: conflict.by,
              time: format.dateTime(new Date(conflict.at), { timeStyle: "short", dateStyle: "short" }),
            })}
          </p>
          <p>
            {theirChanges.length > 0
              ? t("conflictFields", { fields: theirChanges.map((f) => t(`fields.${f}`)).join(", ") })
              : t("conflictSame")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={keepMine}>
              {t("keepMine")}
            </Button>
            <Button size="sm" variant="secondary" onClick={loadTheirs}>
              {t("loadTheirs")}
            </Button>
          </div>
        </div>
      ) : null}
      <NoticeLine notice={failure} />

      <Field
        id={id("quote")}
        label={t("fields.quote")}
        hint={quoteFound ? t("quoteHint") : quote ? t("quoteNotFound") : t("quoteEmpty")}
        error={message(errors.quote?.message)}
      >
        <Textarea
          id={id("quote")}
          rows={3}
          className="font-serif"
          aria-invalid={errors.quote ? true : undefined}
          {...register("quote", { onChange: (e) => relocate(e.target.value) })}
        />
      </Field>

      <Field
        id={id("statement")}
        label={t("fields.statement")}
        hint={t("statementHint")}
        error={message(errors.statement?.message)}
      >
        <Textarea
          id={id("statement")}
          rows={2}
          aria-invalid={errors.statement ? true : undefined}
          {...register("statement")}
        />
      </Field>

      <SimilarClaimsPanel text={statement || quote} excludeArticleId={articleId} />

      <Field
        id={id("speaker")}
        label={t("fields.speaker")}
        hint={t("speakerHint")}
        error={message(errors.speaker?.message)}
      >
        <Input id={id("speaker")} list={id("speakers")} autoComplete="off" {...register("speaker")} />
        <datalist id={id("speakers")}>
          {speakers.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </Field>

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">{t("fields.verdict")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {VERDICTS.map((v) => (
            <label
              key={v}
              className={cn(
                "has-[:focus-visible]:ring-accent flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-transparent has-[:focus-visible]:ring-2",
                verdict === v ? VERDICT_STYLES[v].badge : "border-line bg-white",
              )}
            >
              <input type="radio" value={v} className="sr-only" {...register("verdict")} />
              <span aria-hidden className={cn("size-2 rounded-full", VERDICT_STYLES[v].dot)} />
              {tv(v)}
            </label>
          ))}
        </div>
      </fieldset>

      {verdict === "uncommented" ? (
        <Field
          id={id("silentParty")}
          label={t("fields.silentParty")}
          hint={t("silentPartyHint")}
          error={message(errors.silentParty?.message)}
        >
          <Input
            id={id("silentParty")}
            aria-invalid={errors.silentParty ? true : undefined}
            {...register("silentParty")}
          />
        </Field>
      ) : null}

      <Field
        id={id("verdictNote")}
        label={t("fields.verdictNote")}
        hint={t("noteHint")}
        error={message(errors.verdictNote?.message)}
      >
        <Textarea id={id("verdictNote")} rows={3} {...register("verdictNote")} />
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("fields.sources")}</legend>
        {sources.fields.length === 0 ? <p className="text-muted text-xs">{t("noSources")}</p> : null}
        {sources.fields.map((field, index) => (
          <div
            key={field.id}
            className="border-line grid grid-cols-[1fr_auto] gap-2 rounded-md border bg-white p-2"
          >
            <div className="space-y-2">
              <Input
                aria-label={t("sourceUrl", { n: index + 1 })}
                placeholder="https://"
                type="url"
                aria-invalid={errors.sources?.[index]?.url ? true : undefined}
                {...register(`sources.${index}.url`)}
              />
              {errors.sources?.[index]?.url ? (
                <p className="text-disputed text-xs">{message(errors.sources[index]?.url?.message)}</p>
              ) : null}
              <Input
                aria-label={t("sourceTitle", { n: index + 1 })}
                placeholder={t("sourceTitlePlaceholder")}
                {...register(`sources.${index}.title`)}
              />
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => sources.remove(index)}
              aria-label={t("removeSource", { n: index + 1 })}
            >
              ×
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => sources.append({ url: "", title: "" })}>
          {t("addSource")}
        </Button>
      </fieldset>

      <div className="border-line sticky bottom-0 -mx-4 flex flex-wrap items-center gap-2 border-t bg-white/95 px-4 py-3 backdrop-blur">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => void save(true)}>
          {t("saveAndSubmit")}
        </Button>
        <Button variant="ghost" disabled={pending} onClick={onCancel}>
          {t("cancel")}
        </Button>
        {claim ? (
          confirmDelete ? (
            <span className="ml-auto flex items-center gap-2 text-sm">
              {t("confirmDelete")}
              <Button size="sm" variant="danger" disabled={pending} onClick={remove}>
                {t("delete")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(false)}>
                {t("keep")}
              </Button>
            </span>
          ) : (
            <Button variant="ghost" className="text-disputed ml-auto" onClick={() => setConfirmDelete(true)}>
              {t("delete")}
            </Button>
          )
        ) : null}
      </div>
    </form>
  );
}
