"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "./claim-parts";

/**
 * The list of keyboard shortcuts, in a native modal dialog (focus kept inside, Escape closes). The
 * board mounts it when asked for (? or the hint's button; loaded then) and unmounts it once closed.
 */
export function ShortcutsDialog({ canReview, onClose }: { canReview: boolean; onClose: () => void }) {
  const t = useTranslations("queue.shortcuts");
  const tp = useTranslations("publish");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  const rows: [string[], string][] = [
    [["j", "↓"], t("next")],
    [["k", "↑"], t("previous")],
    ...(canReview
      ? ([
          [["a"], t("approve")],
          [["u"], tp("undoShortcut")],
          [["r"], t("return")],
          [["Enter"], t("submitNote")],
          [["Esc"], t("cancelNote")],
          [["x"], t("select")],
          [["⇧", "A"], t("approveSelected")],
          [["t"], t("take")],
        ] satisfies [string[], string][])
      : []),
    [["o"], t("open")],
    [["?"], t("help")],
  ];

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="border-line text-ink m-auto w-full max-w-md rounded-xl border bg-white p-0 shadow-2xl backdrop:bg-slate-900/40"
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself) closes it.
        if (event.target === dialog.current) dialog.current.close();
      }}
    >
      <div className="space-y-4 p-6">
        <div>
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-muted mt-1 text-sm">{t("intro")}</p>
        </div>
        <table className="w-full text-sm">
          <tbody className="divide-line divide-y">
            {rows.map(([keys, label]) => (
              <tr key={label}>
                <td className="w-24 py-2 pr-4">
                  <span className="flex gap-1">
                    {keys.map((k) => (
                      <Kbd key={k} className="h-6 min-w-6 text-xs">
                        {k}
                      </Kbd>
                    ))}
                  </span>
                </td>
                <td className="py-2">{label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="flex justify-end">
          <Button type="submit" variant="secondary" autoFocus>
            {t("close")}
          </Button>
        </form>
      </div>
    </dialog>
  );
}
