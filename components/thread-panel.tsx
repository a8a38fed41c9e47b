"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { editMessageAction, loadThreadAction, postMessageAction } from "@/app/actions/threads";
import { callAction } from "@/components/ui/action";
import { cn } from "@/components/ui/cn";
import { describeError } from "@/lib/errors/text";
import { bidiSafe } from "@/lib/text/bidi";
import type { Mentionable, ThreadMessage, ThreadSummary } from "./thread-types";

// The message box (mention picker, counter) loads with the first thread opened, not with the page:
// the queue and the article page list many threads and rarely open one.
const ThreadComposer = dynamic(() => import("./thread-composer").then((m) => m.ThreadComposer), {
  loading: () => <div aria-busy="true" className="h-24" />,
});

const MENTION = /(@[\p{L}\p{N}_.%+-]+(?:@[\p{L}\p{N}.-]+)?)/u;

/** A message's text with its @mentions set apart. */
function MessageText({ body }: { body: string }) {
  const parts = bidiSafe(body).split(MENTION);
  return (
    <p className="text-ink text-sm break-words whitespace-pre-line">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="text-accent font-medium">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/** "Since you returned it: speaker and sources changed." */
export function SinceReturnedNote({ summary, meId }: { summary: ThreadSummary; meId: number }) {
  const t = useTranslations("threads");
  const format = useFormatter();
  const since = summary.sinceReturned;
  if (!since) return null;
  const mine = since.returnedBy.id === meId;
  const fields = format.list(
    since.fields.map((f) => t(`fields.${f}`)),
    { type: "conjunction" },
  );
  const count = since.fields.length;
  const text =
    count === 0
      ? mine
        ? t("sinceYouNothing")
        : t("sinceOtherNothing", { name: since.returnedBy.name })
      : mine
        ? t("sinceYou", { fields, count })
        : t("sinceOther", { fields, count, name: since.returnedBy.name });
  return (
    <div
      className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950"
      data-testid="since-returned"
    >
      <p className="font-medium">{text}</p>
      {since.note ? (
        <p className="mt-0.5 text-xs whitespace-pre-line">
          {t("returnedNote", { note: bidiSafe(since.note) })}
        </p>
      ) : null}
    </div>
  );
}

function MessageItem({
  message,
  meId,
  mentionable,
  onSaved,
}: {
  message: ThreadMessage;
  meId: number;
  mentionable: Mentionable[] | null;
  onSaved?: (message: ThreadMessage) => void;
}) {
  const t = useTranslations("threads");
  const words = useTranslations();
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stamp = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });
  const canEdit = onSaved && mentionable && message.author.id === meId && message.kind === "message";

  const save = async (body: string) => {
    setBusy(true);
    const result = await callAction(() => editMessageAction({ messageId: message.id, body }));
    setBusy(false);
    if (!result.ok) {
      setError(describeError(words, result));
      return false;
    }
    setError(null);
    setEditing(false);
    onSaved?.(result.data);
    return true;
  };

  return (
    <li
      className={cn(
        "space-y-1 rounded-md px-3 py-2",
        message.kind === "return" ? "border border-amber-200 bg-amber-50" : "bg-slate-50",
      )}
      data-testid="thread-message"
    >
      <p className="text-muted flex flex-wrap items-baseline gap-x-2 text-xs">
        <span className="text-ink font-medium">{bidiSafe(message.author.name)}</span>
        <time dateTime={new Date(message.createdAt).toISOString()}>{stamp(message.createdAt)}</time>
        {message.kind === "return" ? (
          <span className="font-medium text-amber-900">{t("returnNote")}</span>
        ) : null}
        {message.editedAt !== null ? <span>{t("edited", { time: stamp(message.editedAt) })}</span> : null}
        {canEdit && !editing ? (
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="text-accent ml-auto rounded underline-offset-2 hover:underline"
          >
            {t("edit")}
          </button>
        ) : null}
      </p>
      {editing && canEdit ? (
        <ThreadComposer
          mentionable={mentionable}
          initial={message.body}
          label={t("editLabel")}
          submitLabel={t("save")}
          busy={busy}
          error={error}
          autoFocus
          onSubmit={save}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      ) : (
        <MessageText body={message.body} />
      )}
      {message.earlier.length > 0 ? (
        <details className="text-xs">
          <summary className="text-muted cursor-pointer">
            {t("earlier", { count: message.earlier.length })}
          </summary>
          <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-2" data-testid="message-earlier">
            {message.earlier.map((version, i) => (
              <li key={i}>
                <p className="text-muted">
                  {t("earlierAt", {
                    time: stamp(message.earlier[i + 1]?.at ?? message.editedAt ?? version.at),
                  })}
                </p>
                <del className="text-muted whitespace-pre-line no-underline">{bidiSafe(version.body)}</del>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

/**
 * The thread under a claim: what changed since it was returned, the last messages, and on opening
 * the whole discussion with a message box (loaded then, unless the page gave it).
 */
export function ThreadPanel({
  claimId,
  summary,
  meId,
  initial,
  startOpen = false,
}: {
  claimId: number;
  summary: ThreadSummary | null;
  meId: number;
  initial?: { messages: ThreadMessage[]; mentionable: Mentionable[] };
  startOpen?: boolean;
}) {
  const t = useTranslations("threads");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [messages, setMessages] = useState<ThreadMessage[] | null>(initial?.messages ?? null);
  const [mentionable, setMentionable] = useState<Mentionable[] | null>(initial?.mentionable ?? null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const count = messages?.length ?? summary?.count ?? 0;

  const load = async () => {
    setLoading(true);
    const result = await callAction(() => loadThreadAction({ claimId }));
    setLoading(false);
    if (!result.ok) {
      setError(describeError(words, result));
      return;
    }
    setError(null);
    setMessages(result.data.messages);
    setMentionable(result.data.mentionable);
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && messages === null) void load();
  };

  const post = async (body: string) => {
    setBusy(true);
    const result = await callAction(() => postMessageAction({ claimId, body }));
    setBusy(false);
    if (!result.ok) {
      setError(describeError(words, result));
      setStatus(null);
      return false;
    }
    setError(null);
    setStatus(t("posted"));
    setMessages((current) => [...(current ?? []), result.data]);
    router.refresh();
    return true;
  };

  const replace = (message: ThreadMessage) => {
    setMessages((current) => (current ?? []).map((m) => (m.id === message.id ? message : m)));
    setStatus(t("saved"));
    router.refresh();
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="border-line space-y-2 border-t pt-2"
      data-testid="thread-panel"
      data-claim-id={claimId}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-title`} className="sr-only">
          {t("title")}
        </h3>
        <button
          type="button"
          onClick={toggle}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-label={t("toggleLabel", { open: String(open), count })}
          className="text-accent inline-flex items-center gap-1 rounded text-sm font-medium underline-offset-2 hover:underline"
          data-testid="thread-toggle"
        >
          <span aria-hidden>{open ? "▾" : "▸"}</span>
          {t("toggle", { count })}
        </button>
        {summary?.assignedTo ? (
          <span
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium"
            data-testid="assigned-to"
          >
            {t("assignedTo", { name: summary.assignedTo.name })}
          </span>
        ) : null}
      </div>
      {summary ? <SinceReturnedNote summary={summary} meId={meId} /> : null}
      {!open && summary && summary.last.length > 0 ? (
        <div className="space-y-1">
          <p className="text-muted text-xs font-medium">{t("lastMessages")}</p>
          <ol className="space-y-1.5" data-testid="thread-last">
            {summary.last.map((m) => (
              <MessageItem key={m.id} message={m} meId={meId} mentionable={null} />
            ))}
          </ol>
        </div>
      ) : null}
      {/* Empty until first opened: most of a page's threads (50 on the queue) never are. */}
      <div id={`${id}-body`} hidden={!open} className="space-y-3">
        {open || messages !== null ? (
          <>
            {loading ? <p className="text-muted text-sm">{t("loading")}</p> : null}
            {messages !== null ? (
              messages.length === 0 ? (
                <p className="text-muted text-sm">{t("empty")}</p>
              ) : (
                <ol className="space-y-1.5" data-testid="thread-messages">
                  {messages.map((m) => (
                    <MessageItem
                      key={m.id}
                      message={m}
                      meId={meId}
                      mentionable={mentionable}
                      onSaved={replace}
                    />
                  ))}
                </ol>
              )
            ) : null}
            {open && mentionable !== null ? (
              <ThreadComposer
                mentionable={mentionable}
                label={t("label")}
                submitLabel={t("post")}
                busy={busy}
                error={error}
                onSubmit={post}
              />
            ) : error ? (
              <p role="alert" className="text-disputed text-sm font-medium">
                {error}
              </p>
            ) : null}
            <p role="status" aria-live="polite" className="text-confirmed min-h-4 text-xs">
              {status}
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
