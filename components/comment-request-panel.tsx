"use client";

// Right of reply on a claim (issue 17): the requests for comment with their state, the replies, the
// parties not contacted, and the three forms that record them. The lines are worded on the server
// (lib/reply/wording.ts) in the desk's zone; this component only collects input and calls the
// server actions through callAction.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import {
  createCommentRequestAction,
  recordNotContactedAction,
  recordReplyAction,
} from "@/app/(app)/articles/[id]/claims/[claimId]/actions";
import { Button } from "@/components/ui/button";
import { callAction, isRetryable } from "@/components/ui/action";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { describeError, describeFieldError, type Translate } from "@/lib/errors/text";
import type { ActionResult, Failure } from "@/lib/errors";
import { COMMENT_CHANNELS, type CommentChannel } from "@/lib/review/model";
import type { CommentState } from "@/lib/reply/wording";

export type CommentRequestItem = {
  id: number;
  party: string;
  line: string;
  state: CommentState;
  contact: string[];
  askedBy: string | null;
  notes: string | null;
  reply: {
    text: string | null;
    heading: string;
    loggedBy: string | null;
    document: { id: number; name: string; size: string; sha256: string } | null;
  } | null;
};

export type CommentRequestPanelProps = {
  articleId: number;
  claimId: number;
  items: CommentRequestItem[];
  notContacted: { party: string; reason: string }[];
  replyReceived: boolean;
  /** datetime-local values in the desk's zone: now, and now + 4 h. */
  defaultAskedAt: string;
  defaultDeadline: string;
  defaultParty: string;
  canEdit: boolean;
};

const STATE_CLASS: Record<CommentState, string> = {
  waiting: "bg-slate-100 text-slate-700",
  overdue: "bg-disputed-bg text-disputed",
  answered: "bg-confirmed-bg text-confirmed",
  declined: "bg-uncommented-bg text-uncommented",
};

type FieldErrors = Record<string, string>;

function useSubmit() {
  const t = useTranslations() as unknown as Translate;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  function run<T>(call: () => Promise<ActionResult<T>>, done: string, after?: () => void) {
    startTransition(async () => {
      const result = (await callAction(call)) as ActionResult<T> | Failure;
      if (result.ok) {
        setErrors({});
        setNotice({ kind: "done", text: done });
        after?.();
        router.refresh();
        return;
      }
      const fields: FieldErrors = {};
      for (const [key, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys[0]) fields[key] = describeFieldError(t, keys[0]);
      }
      setErrors(fields);
      setNotice({
        kind: "error",
        text: describeError(t, result),
        retry: isRetryable(result) ? () => run(call, done, after) : undefined,
      });
    });
  }
  return { pending, notice, errors, run };
}

function errorProps(errors: FieldErrors, id: string, name: string) {
  return errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
}

function ChannelSelect({
  id,
  name,
  value,
  onChange,
}: {
  id: string;
  name: string;
  value: CommentChannel;
  onChange: (v: CommentChannel) => void;
}) {
  const t = useTranslations("reply.channels");
  return (
    <Select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value as CommentChannel)}>
      {COMMENT_CHANNELS.map((c) => (
        <option key={c} value={c}>
          {t(c)}
        </option>
      ))}
    </Select>
  );
}

function AskForm({ claimId, defaultAskedAt, defaultDeadline, defaultParty }: CommentRequestPanelProps) {
  const t = useTranslations("reply");
  const id = useId();
  const { pending, notice, errors, run } = useSubmit();
  const [channel, setChannel] = useState<CommentChannel>("email");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    run(
      () =>
        createCommentRequestAction({
          claimId,
          party: value("party"),
          contactEmail: value("contactEmail"),
          contactPhone: value("contactPhone"),
          contactPressOffice: value("contactPressOffice"),
          contactSocial: value("contactSocial"),
          channel,
          askedAt: value("askedAt"),
          deadline: value("deadline"),
          notes: value("notes"),
        }),
      t("asked"),
    );
  }
  const f = (name: string) => `${id}-${name}`;
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={f("title")} noValidate>
      <h3 id={f("title")} className="text-sm font-semibold">
        {t("askTitle")}
      </h3>
      <Field id={f("party")} label={t("party")} hint={t("partyHint")} error={errors.party}>
        <Input
          id={f("party")}
          name="party"
          defaultValue={defaultParty}
          required
          {...errorProps(errors, f("party"), "party")}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={f("contactPressOffice")} label={t("contactPressOffice")} error={errors.contactPressOffice}>
          <Input id={f("contactPressOffice")} name="contactPressOffice" />
        </Field>
        <Field id={f("contactEmail")} label={t("contactEmail")} error={errors.contactEmail}>
          <Input
            id={f("contactEmail")}
            name="contactEmail"
            type="email"
            {...errorProps(errors, f("contactEmail"), "contactEmail")}
          />
        </Field>
        <Field id={f("contactPhone")} label={t("contactPhone")} error={errors.contactPhone}>
          <Input id={f("contactPhone")} name="contactPhone" type="tel" />
        </Field>
        <Field id={f("contactSocial")} label={t("contactSocial")} error={errors.contactSocial}>
          <Input id={f("contactSocial")} name="contactSocial" />
        </Field>
        <Field id={f("channel")} label={t("channel")} error={errors.channel}>
          <ChannelSelect id={f("channel")} name="channel" value={channel} onChange={setChannel} />
        </Field>
        <div className="hidden sm:block" />
        <Field id={f("askedAt")} label={t("askedAt")} error={errors.askedAt}>
          <Input
            id={f("askedAt")}
            name="askedAt"
            type="datetime-local"
            defaultValue={defaultAskedAt}
            required
            {...errorProps(errors, f("askedAt"), "askedAt")}
          />
        </Field>
        <Field id={f("deadline")} label={t("deadline")} error={errors.deadline}>
          <Input
            id={f("deadline")}
            name="deadline"
            type="datetime-local"
            defaultValue={defaultDeadline}
            required
            {...errorProps(errors, f("deadline"), "deadline")}
          />
        </Field>
      </div>
      <Field id={f("notes")} label={t("notes")} error={errors.notes}>
        <Textarea id={f("notes")} name="notes" rows={2} />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("ask")}
      </Button>
      <NoticeLine notice={notice} />
    </form>
  );
}

/** A reply with its document, through the route that reads multipart (a server action caps the body). */
async function postReplyWithDocument(
  articleId: number,
  claimId: number,
  data: FormData,
): Promise<ActionResult<unknown>> {
  const response = await fetch(`/articles/${articleId}/claims/${claimId}/reply`, {
    method: "POST",
    body: data,
  });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return { ok: true, data: body };
  const fieldErrors: Record<string, string[]> = {};
  for (const e of (body?.errors as { field?: string; code?: string }[] | undefined) ?? []) {
    if (e.field && e.code) (fieldErrors[e.field] ??= []).push(e.code);
  }
  return {
    ok: false,
    code: (body?.code as Failure["code"]) ?? "internal",
    message: String(body?.detail ?? response.statusText),
    fieldErrors,
    details: typeof body?.reason === "string" ? { reason: body.reason } : undefined,
  };
}

function ReplyForm({
  articleId,
  claimId,
  item,
  onDone,
  defaultRepliedAt,
}: {
  articleId: number;
  claimId: number;
  item: CommentRequestItem;
  onDone: () => void;
  defaultRepliedAt: string;
}) {
  const t = useTranslations("reply");
  const id = useId();
  const { pending, notice, errors, run } = useSubmit();
  const [outcome, setOutcome] = useState<"answered" | "declined">("answered");
  const [channel, setChannel] = useState<CommentChannel>("email");
  const f = (name: string) => `${id}-${name}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const withDocument = file instanceof File && file.name !== "";
    data.set("requestId", String(item.id));
    data.set("outcome", outcome);
    data.set("channel", channel);
    run(
      () =>
        withDocument
          ? postReplyWithDocument(articleId, claimId, data)
          : recordReplyAction({
              claimId,
              requestId: item.id,
              outcome,
              text: String(data.get("text") ?? ""),
              repliedAt: String(data.get("repliedAt") ?? ""),
              channel,
            }),
      outcome === "answered" ? t("replySaved") : t("declineSaved"),
      onDone,
    );
  }
  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3 rounded-md bg-slate-50 p-3"
      aria-labelledby={f("title")}
      noValidate
    >
      <h4 id={f("title")} className="text-sm font-semibold">
        {t("replyTitle", { party: item.party })}
      </h4>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("outcome")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["answered", "declined"] as const).map((o) => (
            <label key={o} className="flex items-center gap-2">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {t(o)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={f("text")} label={t("replyText")} error={errors.text}>
        <Textarea id={f("text")} name="text" rows={3} {...errorProps(errors, f("text"), "text")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={f("repliedAt")} label={t("repliedAt")} error={errors.repliedAt}>
          <Input
            id={f("repliedAt")}
            name="repliedAt"
            type="datetime-local"
            defaultValue={defaultRepliedAt}
            required
            {...errorProps(errors, f("repliedAt"), "repliedAt")}
          />
        </Field>
        <Field id={f("channel")} label={t("replyChannel")} error={errors.channel}>
          <ChannelSelect id={f("channel")} name="channel" value={channel} onChange={setChannel} />
        </Field>
      </div>
      <Field id={f("file")} label={t("replyDocument")} hint={t("replyDocumentHint")} error={errors.file}>
        <Input id={f("file")} name="file" type="file" {...errorProps(errors, f("file"), "file")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {t("saveReply")}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}

function NotContactedForm({ claimId, defaultParty }: { claimId: number; defaultParty: string }) {
  const t = useTranslations("reply");
  const id = useId();
  const { pending, notice, errors, run } = useSubmit();
  const f = (name: string) => `${id}-${name}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(
      () =>
        recordNotContactedAction({
          claimId,
          party: String(data.get("party") ?? ""),
          reason: String(data.get("reason") ?? ""),
        }),
      t("notContactedSaved"),
    );
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={f("title")} noValidate>
      <h3 id={f("title")} className="text-sm font-semibold">
        {t("notContactedTitle")}
      </h3>
      <p className="text-muted text-xs">{t("notContactedHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={f("party")} label={t("party")} error={errors.party}>
          <Input
            id={f("party")}
            name="party"
            defaultValue={defaultParty}
            {...errorProps(errors, f("party"), "party")}
          />
        </Field>
        <Field id={f("reason")} label={t("reason")} error={errors.reason}>
          <Input id={f("reason")} name="reason" {...errorProps(errors, f("reason"), "reason")} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("recordNotContacted")}
      </Button>
      <NoticeLine notice={notice} />
    </form>
  );
}

export function CommentRequestPanel(props: CommentRequestPanelProps) {
  const t = useTranslations("reply");
  const [replying, setReplying] = useState<number | null>(null);
  return (
    <section
      aria-labelledby="reply-heading"
      className="border-line space-y-4 rounded-lg border bg-white p-5"
      data-testid="right-of-reply"
    >
      <h2 id="reply-heading" className="text-muted text-sm font-semibold tracking-wide uppercase">
        {t("title")}
      </h2>
      <p className="text-muted text-sm">{t("intro")}</p>
      {props.replyReceived ? (
        <p
          role="status"
          className="bg-uncommented-bg text-uncommented rounded px-3 py-2 text-sm font-medium"
          data-testid="reply-received"
        >
          {t("replyReceived")}
        </p>
      ) : null}
      {props.items.length === 0 ? <p className="text-sm">{t("none")}</p> : null}
      <ul className="space-y-3">
        {props.items.map((item) => (
          <li key={item.id} className="border-line rounded-md border p-3" data-testid="comment-request">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="text-sm font-medium [overflow-wrap:anywhere]">{item.line}</p>
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_CLASS[item.state]}`}>
                {t(`states.${item.state}`)}
              </span>
            </div>
            {item.contact.length > 0 ? (
              <p className="text-muted mt-1 text-xs [overflow-wrap:anywhere]">
                {t("contact")}: {item.contact.join(" · ")}
              </p>
            ) : null}
            {item.askedBy ? (
              <p className="text-muted text-xs">{t("askedBy", { name: item.askedBy })}</p>
            ) : null}
            {item.notes ? <p className="mt-1 text-sm">{item.notes}</p> : null}
            {item.reply ? (
              <div className="mt-2 border-l-2 border-slate-300 pl-3 text-sm">
                <p className="text-muted text-xs">
                  {item.reply.heading}
                  {item.reply.loggedBy ? ` · ${t("loggedBy", { name: item.reply.loggedBy })}` : ""}
                </p>
                {item.reply.text ? <q className="block whitespace-pre-line">{item.reply.text}</q> : null}
                {item.reply.document ? (
                  <p className="mt-1 text-xs" data-testid="reply-document">
                    <a href={`/files/${item.reply.document.id}`} className="text-accent underline" download>
                      {item.reply.document.name}
                    </a>{" "}
                    <span className="text-muted">
                      ({item.reply.document.size}, SHA-256 {item.reply.document.sha256.slice(0, 12)}…)
                    </span>
                  </p>
                ) : null}
              </div>
            ) : props.canEdit ? (
              replying === item.id ? (
                <ReplyForm
                  articleId={props.articleId}
                  claimId={props.claimId}
                  item={item}
                  onDone={() => setReplying(null)}
                  defaultRepliedAt={props.defaultAskedAt}
                />
              ) : (
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  className="mt-2"
                  onClick={() => setReplying(item.id)}
                >
                  {t("logReply")}
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {props.notContacted.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {props.notContacted.map((w, i) => (
            <li key={i}>{t("notContacted", { party: w.party, reason: w.reason })}</li>
          ))}
        </ul>
      ) : null}
      {props.canEdit ? (
        <div className="border-line space-y-6 border-t pt-4">
          <AskForm {...props} />
          <NotContactedForm claimId={props.claimId} defaultParty={props.defaultParty} />
        </div>
      ) : null}
    </section>
  );
}
