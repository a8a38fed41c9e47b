"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { assignClaimAction } from "@/app/actions/threads";
import { callAction } from "@/components/ui/action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { cn } from "@/components/ui/cn";
import { describeError } from "@/lib/errors/text";

type Person = { id: number; name: string };

/**
 * Gives a claim in review to a reviewer. Whoever set its verdict is offered but marked: the server
 * refuses them (four eyes), and says so. `compact` (the queue's lines, 50 on a page): a button that
 * opens the picker, so that the page renders and sends one list of reviewers, not one per line.
 */
export function AssignReviewer({
  claimId,
  reviewers,
  current,
  ratedById,
  compact = false,
  startOpen = false,
}: {
  claimId: number;
  reviewers: Person[];
  current: Person | null;
  ratedById: number | null;
  compact?: boolean;
  /** Compact, but already opened (the queue loads the picker when its button is clicked). */
  startOpen?: boolean;
}) {
  const t = useTranslations("threads.assign");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(current ? String(current.id) : "");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState(!compact || startOpen);

  const save = async () => {
    const assigneeId = value === "" ? null : Number(value);
    setBusy(true);
    const result = await callAction(() => assignClaimAction({ id: claimId, assigneeId }));
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: "error", text: describeError(words, result), retry: undefined });
      return;
    }
    const name = reviewers.find((r) => r.id === assigneeId)?.name;
    setNotice({ kind: "done", text: name ? t("saved", { name }) : t("cleared") });
    router.refresh();
  };

  if (!open) {
    return (
      <div className="text-xs" data-testid="assign-reviewer">
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          className="text-muted hover:text-accent rounded font-medium underline-offset-2 hover:underline"
        >
          {t("label")}…
        </button>
      </div>
    );
  }

  return (
    <form
      className={cn("space-y-1.5", compact && "text-xs")}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="assign-reviewer"
    >
      <label htmlFor={`${id}-who`} className="text-muted block text-xs font-medium">
        {t("label")}
      </label>
      <div className="flex gap-2">
        <select
          id={`${id}-who`}
          value={value}
          autoFocus={compact}
          onChange={(event) => setValue(event.target.value)}
          className={cn(inputClass, "min-w-0 py-1 text-sm")}
        >
          <option value="">{t("nobody")}</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id === ratedById ? t("ownVerdict", { name: r.name }) : r.name}
            </option>
          ))}
        </select>
        <Button size="sm" variant="secondary" type="submit" disabled={busy}>
          {t("submit")}
        </Button>
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}
