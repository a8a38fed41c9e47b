"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { resubmitAction } from "@/app/(app)/queue/actions";
import { callAction, isRetryable } from "@/components/ui/action";
import { Button } from "@/components/ui/button";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { describeError } from "@/lib/errors/text";

/** "Resubmit" on a claim returned to me: back into the queue at the version I saw. */
export function MyWorkResubmit({ id, version }: { id: number; version: number }) {
  const t = useTranslations("myWork");
  const words = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const resubmit = async () => {
    setBusy(true);
    const result = await callAction(() => resubmitAction({ id, version }));
    setBusy(false);
    if (!result.ok) {
      setNotice({
        kind: "error",
        text: describeError(words, result),
        retry: isRetryable(result) ? () => void resubmit() : undefined,
      });
      return;
    }
    setNotice({ kind: "done", text: t("resubmitted") });
    router.refresh();
  };

  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => void resubmit()} disabled={busy} data-testid="my-work-resubmit">
        {t("resubmit")}
      </Button>
      <NoticeLine notice={notice} />
    </div>
  );
}
