"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createClaimAction, deleteClaimAction, updateClaimAction } from "@/app/(app)/articles/[id]/actions";
import { CorrectionNoteField } from "@/components/publish/correction-note-field";
import { returnAction } from "@/app/(app)/queue/actions";
import type { ClaimView } from "@/lib/data/claims";
import type { WorkspaceClaim } from "./workspace-claim";
import type { Failure } from "@/lib/errors";
import { VERDICTS } from "@/lib/review/model";
import { findOccurrences, locateQuote } from "@/lib/text/anchor";
import type { ClaimFormInput, ClaimFormValues, ClaimProposal } from "@/lib/validation/claim";
import { toValues } from "@/lib/evidence/sources";
import {
  ClaimRightOfReply,
  initialRightOfReply,
  rightOfReplyInput,
  type RightOfReplyDraft,
} from "./claim-right-of-reply";
import { ClaimPresence } from "./live/claim-presence";
import { ConflictCompare } from "./live/conflict-compare";
import { SimilarClaimsPanel } from "./similar-claims-panel";
import { SourceEditor } from "./source-editor";
import { useErrorText } from "./ui/error-text";
import { callAction, isRetryable } from "./ui/action";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { Field, Input, Textarea } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
import { NoticeLine, type Notice } from "./ui/notice-line";
import { VERDICT_STYLES } from "./badge-markup";
import { VerdictBadge } from "./verdict-badge";

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
  /** The analyser's proposal, when the claim comes from a suggestion: shown, never applied unasked. */
  suggestion?: ClaimProposal;
};

/** Who is writing: a reviewer changing someone else's verdict in review is warned first. */
export type ClaimFormViewer = { id: number; canReturn: boolean };

type Span = { start: number; end: number };

type Conflict = { by: string; at: string; current: ClaimView };

function valuesOf(claim: WorkspaceClaim): ClaimFormInput {
  return {
    start: claim.start,
    end: claim.end,
    quote: claim.quote,
    statement: claim.statement,
    speaker: claim.speaker ?? "",
    verdict: claim.verdict,
    verdictNote: claim.verdictNote ?? "",
    silentParty: claim.silentParty ?? "",
    sources: claim.sources.map(toValues),
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
  viewer,
  onSaved,
  onDeleted,
  onCancel,
  onReturned,
  onSpanChange,
  replyTimes,
}: {
  articleId: number;
  body: string;
  claim?: WorkspaceClaim;
  draft?: ClaimDraft;
  speakers: string[];
  viewer?: ClaimFormViewer;
  onSaved: (claim: ClaimView) => void;
  onDeleted: (id: number) => void;
  onCancel: () => void;
  /** The claim went back to its editor with a note instead of being rewritten. */
  onReturned?: () => void;
  /** The words the claim is anchored to, as they change, so the article can highlight them. */
  onSpanChange?: (span: Span | null) => void;
  /** Default times of a request for comment given with the claim, in the desk's zone (now, now + 4 h). */
  replyTimes?: { askedAt: string; deadline: string };
}) {
  const tw = useTranslations("claimWork");
  const t = useTranslations("claimForm");
  const tv = useTranslations("verdicts");
  const formId = useId();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [version, setVersion] = useState(claim?.version ?? 0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // A save that would replace someone else's verdict waits here until the reviewer decides.
  const [overrideAsk, setOverrideAsk] = useState<{ submit: boolean } | null>(null);
  const [returnNote, setReturnNote] = useState("");
  // Asked for by the server when the claim is in a published summary (issue 16); null until then.
  const [correctionNote, setCorrectionNote] = useState<string | null>(null);
  const [correctionError, setCorrectionError] = useState<string | undefined>(undefined);
  // The right of reply an `uncommented` verdict rests on, given here with the claim (issue 17).
  const [reply, setReply] = useState<RightOfReplyDraft>(() => initialRightOfReply(replyTimes));
  const [replyErrors, setReplyErrors] = useState<Record<string, string | undefined>>({});

  const defaults: ClaimFormInput = claim
    ? valuesOf(claim)
    : {
        start: draft?.start ?? 0,
        end: draft?.end ?? 0,
        quote: draft?.quote ?? "",
        statement: draft?.statement ?? draft?.quote ?? "",
        speaker: draft?.speaker ?? "",
        // A suggestion's verdict is only proposed (see below): the person picks it or another.
        verdict: draft?.suggestion ? "unrated" : (draft?.verdict ?? "unrated"),
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
  const verdict = useWatch({ control, name: "verdict" });
  const silentParty = useWatch({ control, name: "silentParty" });
  const quote = useWatch({ control, name: "quote" });
  const statement = useWatch({ control, name: "statement" });
  const start = useWatch({ control, name: "start" });
  const end = useWatch({ control, name: "end" });
  const occurrences = useMemo(() => findOccurrences(body, quote), [body, quote]);
  const anchored = quote.length > 0 && end > start && body.slice(start, end) === quote;
  // A quote found several times is anchored only once the editor has picked an occurrence (or
  // selected the words in the article): never silently to the first one.
  const [pinned, setPinned] = useState(anchored);
  const ambiguous = occurrences.length > 1 && !(pinned && anchored);

  useEffect(() => {
    onSpanChange?.(anchored && !ambiguous ? { start, end } : null);
  }, [anchored, ambiguous, start, end, onSpanChange]);
  useEffect(() => () => onSpanChange?.(null), [onSpanChange]);

  const proposal: ClaimProposal | null = claim
    ? claim.suggestedVerdict && claim.suggestedVerdict !== "unrated"
      ? { verdict: claim.suggestedVerdict, silentParty: claim.suggestedSilentParty ?? "" }
      : null
    : draft?.suggestion?.verdict && draft.suggestion.verdict !== "unrated"
      ? draft.suggestion
      : null;
  const useProposal = () => {
    if (!proposal?.verdict) return;
    setValue("verdict", proposal.verdict, { shouldDirty: true });
    if (proposal.verdict === "uncommented" && proposal.silentParty) {
      setValue("silentParty", proposal.silentParty, { shouldDirty: true });
    }
  };

  const overridesRater = (values: ClaimFormValues) =>
    Boolean(
      claim &&
      viewer?.canReturn &&
      claim.stage !== "draft" &&
      claim.ratedBy &&
      claim.ratedBy.id !== viewer.id &&
      (values.verdict !== claim.verdict ||
        values.verdictNote.trim() !== (claim.verdictNote ?? "").trim() ||
        (values.verdict === "uncommented" && values.silentParty.trim() !== (claim.silentParty ?? "").trim())),
    );
  const statementTouched = Boolean(form.formState.dirtyFields.statement);

  const describe = useErrorText();
  const message = describe.field;

  const applyFailure = (result: Failure, retry: () => void) => {
    if (result.code === "conflict" && result.details?.current) {
      setConflict(result.details as unknown as Conflict);
      return;
    }
    if (result.details?.reason === "correction_note_required") {
      setCorrectionNote((note) => note ?? "");
      setCorrectionError(message(result.fieldErrors?.correctionNote?.[0]));
    }
    const replyFieldErrors: Record<string, string | undefined> = {};
    if (result.details?.reason === "needs_right_of_reply") {
      // The way to satisfy the rule is right here: open the request's fields.
      setReply((r) => (r.mode === "none" ? { ...r, mode: "asked" } : r));
    }
    for (const [key, list] of Object.entries(result.fieldErrors ?? {})) {
      if (key === "rightOfReply" || key.startsWith("rightOfReply.")) {
        replyFieldErrors[key === "rightOfReply" ? "_" : key.slice("rightOfReply.".length)] = list[0];
        continue;
      }
      const name = key as keyof ClaimFormInput;
      if (FIELD_ORDER.includes(name as (typeof FIELD_ORDER)[number]) || name === "start" || name === "end") {
        setError(name === "start" || name === "end" ? "quote" : name, { message: list[0] });
      }
    }
    setReplyErrors(replyFieldErrors);
    setFailure({
      kind: "error",
      text: describe.failure(result),
      retry: isRetryable(result) ? retry : undefined,
    });
  };

  const save = (submit: boolean, confirmedOverride = false) => {
    if (ambiguous) {
      setError("quote", { message: "pickOccurrence" }, { shouldFocus: true });
      return Promise.resolve();
    }
    return handleSubmit((values) => {
      setFailure(null);
      if (!confirmedOverride && overridesRater(values)) {
        setOverrideAsk({ submit });
        return;
      }
      setOverrideAsk(null);
      const rightOfReply = values.verdict === "uncommented" ? rightOfReplyInput(reply) : undefined;
      startTransition(async () => {
        const result = await callAction(() =>
          claim
            ? updateClaimAction({
                ...values,
                id: claim.id,
                version,
                submit,
                ...(rightOfReply ? { rightOfReply } : {}),
                ...(correctionNote !== null ? { correctionNote } : {}),
              })
            : createClaimAction({
                ...values,
                articleId,
                submit,
                ...(rightOfReply ? { rightOfReply } : {}),
                ...(draft?.suggestion ? { suggestion: draft.suggestion } : {}),
              }),
        );
        if (result.ok) {
          setConflict(null);
          setReplyErrors({});
          // Recorded with the claim: a second save must not record it twice.
          setReply(initialRightOfReply(replyTimes));
          onSaved(result.data);
        } else applyFailure(result, () => void save(submit));
      });
    })();
  };

  const returnInstead = () => {
    if (!claim || returnNote.trim() === "") return;
    setFailure(null);
    startTransition(async () => {
      const result = await callAction(() => returnAction({ id: claim.id, version, note: returnNote }));
      if (result.ok) {
        setOverrideAsk(null);
        onReturned?.();
      } else applyFailure(result, returnInstead);
    });
  };

  const pin = (span: Span) => {
    setValue("start", span.start);
    setValue("end", span.end);
    setPinned(true);
    form.clearErrors("quote");
  };

  const relocate = (text: string) => {
    const here = getValues("start");
    const several = findOccurrences(body, text, 0, 2).length > 1;
    // Several occurrences: keep the picked one while the words still start there, else ask.
    const found = several
      ? pinned && body.startsWith(text, here)
        ? { start: here, end: here + text.length }
        : null
      : locateQuote(body, text, here);
    if (several && !found) setPinned(false);
    if (found) {
      setValue("start", found.start);
      setValue("end", found.end);
      form.clearErrors("quote");
    } else {
      setValue("end", 0);
    }
    if (!statementTouched) setValue("statement", text);
  };
  const quoteFound = anchored && !ambiguous;

  // A stale save: their values beside mine, field by field (components/live/conflict-compare.tsx).
  const applyChoices = (values: ClaimFormInput) => {
    if (!conflict) return;
    reset(values);
    setVersion(conflict.current.version);
    setConflict(null);
  };

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

      {claim ? <ClaimPresence claimId={claim.id} /> : null}
      {conflict ? (
        <ConflictCompare
          by={conflict.by}
          at={conflict.at}
          mine={getValues()}
          theirs={valuesOf(conflict.current)}
          original={form.formState.defaultValues as Partial<ClaimFormInput> | undefined}
          fields={FIELD_ORDER}
          onApply={applyChoices}
        />
      ) : null}
      <NoticeLine notice={failure} />

      <Field
        id={id("quote")}
        label={t("fields.quote")}
        hint={
          quoteFound
            ? occurrences.length > 1
              ? tw("occurrences.pinned", {
                  n: occurrences.findIndex((o) => o.start === start) + 1,
                  count: occurrences.length,
                })
              : t("quoteHint")
            : ambiguous
              ? tw("occurrences.pick", { count: occurrences.length })
              : quote
                ? t("quoteNotFound")
                : t("quoteEmpty")
        }
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
      {occurrences.length > 1 ? (
        <fieldset className="space-y-1.5" data-testid="quote-occurrences">
          <legend className="text-muted text-xs font-medium">
            {tw("occurrences.legend", { count: occurrences.length })}
          </legend>
          <ol className="max-h-56 space-y-1 overflow-y-auto">
            {occurrences.map((o, index) => {
              const chosen = pinned && anchored && start === o.start;
              return (
                <li key={o.start}>
                  <label
                    className={cn(
                      "has-[:focus-visible]:ring-accent flex cursor-pointer gap-2 rounded-md border px-2 py-1.5 text-xs has-[:focus-visible]:ring-2",
                      chosen ? "border-accent bg-accent/5" : "border-line bg-white hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      name={id("occurrence")}
                      className="mt-0.5"
                      checked={chosen}
                      onChange={() => pin(o)}
                      aria-label={tw("occurrences.option", { n: index + 1, count: occurrences.length })}
                    />
                    <span className="font-serif">
                      {o.cutBefore ? "…" : null}
                      {o.before}
                      <mark className="bg-accent/15 text-ink rounded-[2px] font-semibold">{quote}</mark>
                      {o.after}
                      {o.cutAfter ? "…" : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ol>
        </fieldset>
      ) : null}

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
        {proposal?.verdict && verdict === "unrated" ? (
          <div
            className="border-accent/30 bg-accent/5 mb-2 flex flex-wrap items-center gap-2 rounded-md border border-dashed px-3 py-2 text-xs"
            data-testid="verdict-proposal"
          >
            <span>{tw("proposal.label")}</span>
            <VerdictBadge verdict={proposal.verdict} />
            {proposal.verdict === "uncommented" && proposal.silentParty ? (
              <span className="text-muted">{tw("proposal.silent", { party: proposal.silentParty })}</span>
            ) : null}
            <Button size="sm" variant="secondary" className="ml-auto" onClick={useProposal}>
              {tw("proposal.use")}
            </Button>
          </div>
        ) : null}
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
      {verdict === "uncommented" ? (
        <ClaimRightOfReply
          idPrefix={formId}
          claimId={claim?.id}
          party={silentParty}
          value={reply}
          onChange={setReply}
          errors={replyErrors}
          message={message}
        />
      ) : null}

      <Field
        id={id("verdictNote")}
        label={t("fields.verdictNote")}
        hint={t("noteHint")}
        error={message(errors.verdictNote?.message)}
      >
        <Textarea id={id("verdictNote")} rows={3} {...register("verdictNote")} />
      </Field>

      {correctionNote !== null ? (
        <CorrectionNoteField
          id={id("correctionNote")}
          value={correctionNote}
          onChange={setCorrectionNote}
          error={correctionError}
        />
      ) : null}

      <SourceEditor
        form={form}
        articleId={articleId}
        initialFiles={(claim?.sources ?? []).flatMap((s) => [s.file, s.snapshot]).filter((f) => f !== null)}
        legend={t("fields.sources")}
      />

      {overrideAsk && claim?.ratedBy ? (
        <div
          role="alertdialog"
          aria-labelledby={id("override")}
          className="border-uncommented/40 bg-uncommented-bg space-y-2 rounded-md border px-3 py-3 text-sm"
          data-testid="override-warning"
        >
          <p id={id("override")} className="font-medium">
            {tw("override.warning", { name: claim.ratedBy.name })}
          </p>
          <label htmlFor={id("returnNote")} className="block text-xs font-medium">
            {tw("override.noteLabel")}
          </label>
          <Textarea
            id={id("returnNote")}
            rows={2}
            value={returnNote}
            onChange={(e) => setReturnNote(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" disabled={pending || returnNote.trim() === ""} onClick={returnInstead}>
              {tw("override.returnInstead")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => void save(overrideAsk.submit, true)}
            >
              {tw("override.changeAnyway")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOverrideAsk(null)}>
              {tw("override.keepEditing")}
            </Button>
          </div>
        </div>
      ) : null}

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
