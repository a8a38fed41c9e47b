"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  createWebhookAction,
  deleteWebhookAction,
  retryOutboxAction,
  testWebhookAction,
  updateWebhookAction,
} from "@/app/(app)/admin/webhooks/actions";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/review/model";
import { describeError } from "@/lib/errors/text";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";
import { callAction, isRetryable } from "./ui/action";
import { NoticeLine, type Notice } from "./ui/notice-line";

type Translate = ReturnType<typeof useTranslations>;

/** Runs an action with a pending flag and a notice, refreshing the page when it worked. */
function useRun() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = <R,>(
    call: () => Promise<{ ok: true; data: R } | { ok: false; code: string }>,
    done: (data: R, t: Translate) => Notice | null,
  ) => {
    const go = () =>
      startTransition(async () => {
        setNotice(null);
        const result = await callAction(call);
        if (!result.ok) {
          setNotice({
            kind: "error",
            text: describeError(t, result as never),
            retry: isRetryable(result as never) ? go : undefined,
          });
          return;
        }
        setNotice(done(result.data, t));
        router.refresh();
      });
    go();
  };
  return { pending, notice, run };
}

export function WebhookCreateForm() {
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["article.verified"]);
  const { pending, notice, run } = useRun();
  const t = useTranslations("deliveries");
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => createWebhookAction({ url, secret, events }),
          (data, tr) => {
            setUrl("");
            setSecret("");
            return { kind: "done", text: tr("deliveries.added", { secret: data.secret }) };
          },
        );
      }}
    >
      <Field label={t("url")} id="webhook-url">
        <Input
          id="webhook-url"
          type="url"
          inputMode="url"
          required
          value={url}
          placeholder="https://cms.example.org/hooks/desk"
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field label={t("secret")} id="webhook-secret" hint={t("secretHint")}>
        <Input
          id="webhook-secret"
          aria-describedby="webhook-secret-hint"
          value={secret}
          autoComplete="off"
          onChange={(e) => setSecret(e.target.value)}
        />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">{t("events")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {WEBHOOK_EVENTS.map((name) => (
            <label
              key={name}
              className="border-line flex items-center gap-2 rounded-md border px-3 py-2 text-sm"
            >
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, name] : events.filter((value) => value !== name))
                }
              />
              {t(`eventNames.${name.replace(".", "_")}` as "eventNames.test")}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
      <NoticeLine notice={notice} />
    </form>
  );
}

export function WebhookControls({ id, active }: { id: number; active: boolean }) {
  const { pending, notice, run } = useRun();
  const t = useTranslations("deliveries");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(
              () => testWebhookAction({ id }),
              (data, tr) =>
                data.delivered
                  ? {
                      kind: "done",
                      text: tr("deliveries.testSent", { code: data.code ?? 0, ms: data.ms ?? 0 }),
                    }
                  : data.error
                    ? { kind: "error", text: tr("deliveries.testFailed", { error: data.error }) }
                    : { kind: "done", text: tr("deliveries.testQueued") },
            )
          }
        >
          {t("sendTest")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => updateWebhookAction({ id, active: !active }),
              () => null,
            )
          }
        >
          {active ? t("pause") : t("resume")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("deleteConfirm")))
              run(
                () => deleteWebhookAction({ id }),
                () => null,
              );
          }}
        >
          {t("delete")}
        </Button>
      </div>
      <NoticeLine notice={notice} />
    </div>
  );
}

export function RetryButton({ id }: { id: number }) {
  const { pending, notice, run } = useRun();
  const t = useTranslations("deliveries");
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            () => retryOutboxAction({ id }),
            (_d, tr) => ({ kind: "done", text: tr("deliveries.retried") }),
          )
        }
      >
        {t("retry")}
      </Button>
      <NoticeLine notice={notice} />
    </>
  );
}
