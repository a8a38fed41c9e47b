"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { bulkAssignAction } from "@/app/actions/threads";
import { callAction } from "@/components/ui/action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { describeError } from "@/lib/errors/text";

type Person = { id: number; name: string };

/**
 * "Assign selected" in the queue's selection bar: the selected claims to one reviewer, each
 * checked on its own (a claim whose verdict that reviewer set is refused, the others go through).
 */
export function AssignBulk({
  ids,
  reviewers,
  onDone,
}: {
  ids: number[];
  reviewers: Person[];
  onDone: (report: { ok: boolean; text: string }) => void;
}) {
  const t = useTranslations("threads.assign");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);

  const assign = async () => {
    if (value === "" || ids.length === 0) return;
    setBusy(true);
    const result = await callAction(() => bulkAssignAction({ ids, assigneeId: Number(value) }));
    setBusy(false);
    if (!result.ok) {
      onDone({ ok: false, text: describeError(words, result) });
      return;
    }
    const refused = result.data.filter((o) => !o.ok);
    const reasons = [
      ...new Set(
        refused.map((o) => (o.ok ? "" : describeError(words, { code: o.code, details: o.details }))),
      ),
    ].join(" ");
    onDone({
      ok: refused.length === 0,
      text: t("bulkReport", {
        assigned: result.data.length - refused.length,
        refused: refused.length,
        reasons,
      }),
    });
    router.refresh();
  };

  return (
    <span className="inline-flex items-center gap-2">
      <label htmlFor={`${id}-who`} className="sr-only">
        {t("bulkLabel")}
      </label>
      <select
        id={`${id}-who`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        className={cn(inputClass, "w-auto py-1 text-sm")}
        data-testid="bulk-assign-select"
      >
        <option value="">{t("bulkLabel")}…</option>
        {reviewers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <Button size="sm" variant="secondary" disabled={busy || value === ""} onClick={() => void assign()}>
        {t("bulkSubmit")}
      </Button>
    </span>
  );
}
