"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { publishSummaryAction } from "@/app/(app)/articles/[id]/versions/actions";
import { callAction, isRetryable } from "@/components/ui/action";
import { PlainButton as Button } from "@/components/ui/button-plain";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { describeError } from "@/lib/errors/text";

/** "Publish summary": a reviewer keeps the verified summary as it is now as a new version. */
export function PublishButton({ articleId, verified }: { articleId: number; verified: boolean }) {
  const t = useTranslations("publish");
  const words = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);

  const publish = () => {
    setNotice(null);
    startTransition(async () => {
      const result = await callAction(() => publishSummaryAction({ articleId }));
      if (result.ok) {
        setNotice({
          kind: "done",
          text: result.data.created
            ? t("published", { number: result.data.number })
            : t("unchanged", { number: result.data.number }),
        });
        router.refresh();
      } else {
        setNotice({
          kind: "error",
          text: describeError(words, result),
          retry: isRetryable(result) ? publish : undefined,
        });
      }
    });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" disabled={pending || !verified} onClick={publish} data-testid="publish-summary">
          {pending ? t("publishing") : t("publish")}
        </Button>
        <p className="text-muted text-xs">{verified ? t("publishHint") : t("needsVerified")}</p>
      </div>
      <NoticeLine notice={notice} />
    </div>
  );
}
