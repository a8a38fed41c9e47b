"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { callAction } from "./ui/action";
import { LOCALES } from "@/lib/i18n/locale";
import { joinClasses } from "./ui/classes";
import { useShellText } from "./shell-text";

const LABELS = { en: "English", fr: "Français" } as const;

export function LanguageSwitch({ current, className }: { current: string; className?: string }) {
  const text = useShellText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <div
        role="group"
        aria-label={text.language}
        className={joinClasses("border-line inline-flex rounded-md border bg-white p-0.5", className)}
      >
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={current === locale}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await callAction(() => setLocaleAction(locale));
                setFailed(!result.ok);
                router.refresh();
              })
            }
            className={joinClasses(
              "rounded px-2.5 py-1 text-xs font-medium",
              current === locale ? "bg-ink text-white" : "text-muted hover:text-ink",
            )}
          >
            {LABELS[locale]}
          </button>
        ))}
      </div>
      {failed ? (
        <span role="alert" className="text-disputed text-xs">
          {text.languageFailed}
        </span>
      ) : null}
    </>
  );
}
