"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./ui/button";

/** Copies `text` to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations("apiTokens");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          const done = navigator.clipboard?.writeText(text);
          if (!done) return setState("failed");
          done.then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
      >
        {label ?? t("copy")}
      </Button>
      <span role="status" className="text-muted text-sm">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
