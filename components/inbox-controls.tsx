"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markAllReadAction, markReadAction } from "@/app/(app)/inbox/actions";
import { describeError } from "@/lib/errors/text";
import { Button } from "./ui/button";
import { callAction, isRetryable } from "./ui/action";
import { NoticeLine, type Notice } from "./ui/notice-line";

/** "Mark all read", for the inbox's head. */
export function MarkAllRead({ disabled, upTo }: { disabled: boolean; upTo?: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = () =>
    startTransition(async () => {
      setNotice(null);
      const result = await callAction(() => markAllReadAction({ upTo }));
      if (!result.ok) {
        setNotice({
          kind: "error",
          text: describeError(t, result),
          retry: isRetryable(result) ? run : undefined,
        });
        return;
      }
      setNotice({ kind: "done", text: t("notifications.markedAllRead") });
      router.refresh();
    });
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button type="button" variant="secondary" size="sm" disabled={disabled || pending} onClick={run}>
        {t("notifications.markAllRead")}
      </Button>
      <NoticeLine notice={notice} />
    </div>
  );
}

/** "Mark read" on one notification. */
export function MarkRead({ id, label }: { id: number; label: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = () =>
    startTransition(async () => {
      setNotice(null);
      const result = await callAction(() => markReadAction({ ids: [id] }));
      if (!result.ok) {
        setNotice({
          kind: "error",
          text: describeError(t, result),
          retry: isRetryable(result) ? run : undefined,
        });
        return;
      }
      router.refresh();
    });
  return (
    <>
      <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={run} aria-label={label}>
        {t("notifications.markRead")}
      </Button>
      <NoticeLine notice={notice} />
    </>
  );
}
