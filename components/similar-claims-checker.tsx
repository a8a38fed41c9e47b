"use client";

import { lazy, Suspense, useState } from "react";
import type { ClientIntlConfig } from "@/lib/i18n/client-config";
import { SimilarClaimsFrame, SimilarClaimsNote } from "./similar-claims-frame";
import { inputClass } from "./ui/input-class";

// The panel, next-intl's client runtime and the server action load when the field is first focused
// or typed in, not with the search page: until then the panel's frame shows its hint, in words
// resolved on the server.
const SimilarClaimsIntlPanel = lazy(() => import("./similar-claims-intl-panel"));

/** The words the checker shows before its panel has loaded (messages `similar.*`). */
export type SimilarClaimsCheckerWords = {
  checkerLabel: string;
  checkerPlaceholder: string;
  checkerHint: string;
  title: string;
  hint: string;
};

/** "Has the desk checked this already?": paste a claim, see the reviewed look-alikes. */
export function SimilarClaimsChecker({
  words,
  intl,
}: {
  words: SimilarClaimsCheckerWords;
  /** For the panel's own next-intl provider (namespaces `similar` and `verdicts`). */
  intl: ClientIntlConfig;
}) {
  const [text, setText] = useState("");
  const [used, setUsed] = useState(false);
  const waiting = (
    <SimilarClaimsFrame title={words.title}>
      <SimilarClaimsNote>{words.hint}</SimilarClaimsNote>
    </SimilarClaimsFrame>
  );
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="similar-text" className="text-ink block text-sm font-medium">
          {words.checkerLabel}
        </label>
        <textarea
          id="similar-text"
          className={inputClass}
          rows={3}
          maxLength={4000}
          value={text}
          onFocus={() => setUsed(true)}
          onChange={(e) => {
            setUsed(true);
            setText(e.target.value);
          }}
          placeholder={words.checkerPlaceholder}
          aria-describedby="similar-text-hint"
        />
        <p id="similar-text-hint" className="text-muted text-xs">
          {words.checkerHint}
        </p>
      </div>
      {used ? (
        <Suspense fallback={waiting}>
          <SimilarClaimsIntlPanel intl={intl} text={text} />
        </Suspense>
      ) : (
        waiting
      )}
    </div>
  );
}
