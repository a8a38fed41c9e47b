"use client";

import { useTranslations } from "next-intl";

/** "Undo" in the queue's notice after an approval (issue 16); also the key u while it shows. */
export function UndoButton({ onUndo }: { onUndo: () => void }) {
  const t = useTranslations("publish");
  return (
    <button
      type="button"
      onClick={onUndo}
      aria-keyshortcuts="U"
      className="rounded px-1 font-semibold underline underline-offset-2"
      data-testid="undo-approval"
    >
      {t("undo")}
      <span className="sr-only"> (u)</span>
    </button>
  );
}
