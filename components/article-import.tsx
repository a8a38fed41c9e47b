"use client";

import { Link2 } from "lucide-react";
import { useState } from "react";
import type { IntakePreview } from "@/lib/intake";
import type { ActionResult } from "@/lib/errors";
import { PlainButton } from "./ui/button-plain";
import { PlainInput } from "./ui/field-plain";
import type { FormWordsHandle, LoadedWords } from "./ui/form-words";

// What was imported shows in ./article-import-preview.tsx, loaded with the first import.

export type PreviewAction = (raw: unknown) => Promise<ActionResult<IntakePreview>>;
export type ImportSource = { kind: "link" } | { kind: "paste" } | { kind: "file"; name: string };
export type ArticlePreview = Extract<IntakePreview, { ok: true }>;

/**
 * "Import from a link": the server fetches the page and sends back the article it found. Its words
 * come with the article form's (components/ui/form-words.ts); the translator that says why a page
 * was refused loads while the server fetches it.
 */
export function ImportFromLink({
  action,
  words,
  prepare,
  onPreview,
}: {
  action: PreviewAction;
  words: FormWordsHandle;
  /** What showing a preview needs, loaded while the server fetches the page. */
  prepare: () => Promise<unknown>;
  onPreview: (preview: IntakePreview, loaded: LoadedWords) => void;
}) {
  const { text } = words;
  const [link, setLink] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    if (!link.trim() || pending) return;
    setError(null);
    setPending(true);
    try {
      const [result, loaded] = await Promise.all([
        action({ source: "url", url: link.trim() }),
        words.load(),
        prepare(),
      ]);
      // The message of a failed import, in the editor's language (describeError, like every failure).
      if (result.ok) onPreview(result.data, loaded);
      else setError(loaded.failure(result));
    } catch {
      setError(text("articleForm.unreachable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="border-line rounded-lg border bg-white p-5 sm:p-6">
      <h2 id="import-heading" className="text-base font-semibold">
        {text("intake.linkHeading")}
      </h2>
      <div className="mt-4 space-y-1.5">
        <label htmlFor="import-url" className="text-ink block text-sm font-medium">
          {text("intake.linkLabel")}
        </label>
        <div className="flex flex-wrap gap-3">
          <PlainInput
            id="import-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            className="min-w-0 flex-1"
            value={link}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-url-error" : "import-url-hint"}
            onChange={(event) => {
              setLink(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              // Enter imports the link; it must not submit (and save) the article form.
              if (event.key === "Enter") {
                event.preventDefault();
                void submit();
              }
            }}
          />
          <PlainButton variant="secondary" onClick={() => void submit()} disabled={pending || !link.trim()}>
            <Link2 aria-hidden className="size-4" />
            {pending ? text("intake.linkSubmitting") : text("intake.linkSubmit")}
          </PlainButton>
        </div>
        {error ? (
          <p id="import-url-error" role="alert" className="text-disputed text-sm">
            {error}
          </p>
        ) : (
          <p id="import-url-hint" className="text-muted text-xs">
            {text("intake.linkHint")}
          </p>
        )}
      </div>
    </section>
  );
}
