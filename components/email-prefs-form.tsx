"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setEmailPrefsAction } from "@/app/(app)/settings/account/notification-actions";
import {
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
  type EmailChoice,
  type NotificationKind,
} from "@/lib/review/model";
import { describeError } from "@/lib/errors/text";
import { Button } from "./ui/button";
import { Select } from "./ui/field";
import { callAction, isRetryable } from "./ui/action";
import { NoticeLine, type Notice } from "./ui/notice-line";

/** Which notifications also go by e-mail: at once, in the daily digest, or not at all. */
export function EmailPrefsForm({
  prefs,
  emailOn,
}: {
  prefs: Record<NotificationKind, EmailChoice>;
  emailOn: boolean;
}) {
  const t = useTranslations();
  const [choices, setChoices] = useState(prefs);
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = () =>
    startTransition(async () => {
      setNotice(null);
      const result = await callAction(() => setEmailPrefsAction({ prefs: choices }));
      if (!result.ok) {
        setNotice({
          kind: "error",
          text: describeError(t, result),
          retry: isRetryable(result) ? save : undefined,
        });
        return;
      }
      setChoices(result.data);
      setNotice({ kind: "done", text: t("notifications.prefsSaved") });
    });
  return (
    <section
      id="notifications"
      aria-labelledby="notifications-title"
      className="border-line rounded-lg border bg-white p-5"
    >
      <h2 id="notifications-title" className="text-base font-semibold">
        {t("notifications.prefsTitle")}
      </h2>
      <p className="text-muted mt-1 text-sm">{t("notifications.prefsIntro")}</p>
      {!emailOn ? <p className="text-muted mt-2 text-sm italic">{t("notifications.prefsOff")}</p> : null}
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="divide-line divide-y">
          {NOTIFICATION_KINDS.map((kind) => (
            <div key={kind} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <label htmlFor={`email-${kind}`} className="text-sm">
                {t(`notifications.kinds.${kind}`)}
              </label>
              <Select
                id={`email-${kind}`}
                value={choices[kind]}
                className="w-full sm:w-56"
                onChange={(event) => setChoices({ ...choices, [kind]: event.target.value as EmailChoice })}
              >
                {EMAIL_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`notifications.choices.${choice}`)}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
        <Button type="submit" disabled={pending}>
          {t("notifications.prefsSave")}
        </Button>
        <NoticeLine notice={notice} />
      </form>
    </section>
  );
}
