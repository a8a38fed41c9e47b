"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SimilarClaimsPanel } from "./similar-claims-panel";
import { Textarea } from "./ui/field";

/** "Has the desk checked this already?": paste a claim, see the reviewed look-alikes. */
export function SimilarClaimsChecker() {
  const t = useTranslations("similar");
  const [text, setText] = useState("");
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="similar-text" className="text-ink block text-sm font-medium">
          {t("checkerLabel")}
        </label>
        <Textarea
          id="similar-text"
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("checkerPlaceholder")}
          aria-describedby="similar-text-hint"
        />
        <p id="similar-text-hint" className="text-muted text-xs">
          {t("checkerHint")}
        </p>
      </div>
      <SimilarClaimsPanel text={text} />
    </div>
  );
}
