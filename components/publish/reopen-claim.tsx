"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { reopenClaimAction } from "@/app/(app)/articles/[id]/versions/actions";
import { callAction, isRetryable } from "@/components/ui/action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { describeError } from "@/lib/errors/text";

/** A reviewer reopens an approved claim with a reason: back to the queue, the reason in its history. */
export function ReopenClaim({ claimId, version }: { claimId: number; version: number }) {
  const t = useTranslations("publish");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);

  const reopen = () => {
    if (reason.trim() === "") return;
    setNotice(null);
    startTransition(async () => {
      const result = await callAction(() => reopenClaimAction({ id: claimId, version, reason }));
      if (result.ok) {
        setOpen(false);
        setReason("");
        setNotice({ kind: "done", text: t("reopened") });
        router.refresh();
      } else {
        setNotice({
          kind: "error",
          text: describeError(words, result),
          retry: isRetryable(result) ? reopen : undefined,
        });
      }
    });
  };

  return (
    <div className="space-y-2" data-testid="reopen-claim">
      {open ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            reopen();
          }}
        >
          <label htmlFor={id} className="block text-sm font-medium">
            {t("reopenReason")}
          </label>
          <textarea
            id={id}
            rows={2}
            className={inputClass}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setOpen(false);
            }}
            autoFocus
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={pending || reason.trim() === ""}>
              {pending ? t("reopening") : t("reopenConfirm")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)} title={t("reopenTitle")}>
          {t("reopen")}
        </Button>
      )}
      <NoticeLine notice={notice} />
    </div>
  );
}
