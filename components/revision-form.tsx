"use client";
// A new revision of the article's body: its link fetched again, a paste, or an uploaded page.

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { addRevisionAction } from "@/app/(app)/articles/[id]/revisions/actions";
import { describeError } from "@/lib/errors/text";
import type { RevisionFormInput } from "@/lib/validation/revision";
import { callAction, isRetryable } from "./ui/action";
import { Button } from "./ui/button";
import { Field, inputClass } from "./ui/field";
import { NoticeLine, type Notice } from "./ui/notice-line";

type Source = "link" | "paste" | "file";

export function RevisionForm({
  articleId,
  version,
  articleUrl,
}: {
  articleId: number;
  version: number;
  articleUrl: string | null;
}) {
  const t = useTranslations("revisions");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [source, setSource] = useState<Source>(articleUrl ? "link" : "paste");
  const [url, setUrl] = useState("");
  const [body, setBody] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      let input: RevisionFormInput;
      if (source === "link") input = { articleId, version, source, url: url.trim() || undefined };
      else if (source === "paste") input = { articleId, version, source, body };
      else {
        if (!file) return setNotice({ kind: "error", text: words("errors.bodyRequired") });
        input = { articleId, version, source, html: await file.text(), fileName: file.name };
      }
      const result = await callAction(() => addRevisionAction(input));
      if (!result.ok) {
        setNotice({
          kind: "error",
          text: t("failed", { message: describeError(words, result) }),
          retry: isRetryable(result) ? submit : undefined,
        });
        return;
      }
      const outcome = result.data;
      setNotice({
        kind: "done",
        text: outcome.added
          ? t("added", { revision: outcome.revision, ...outcome.anchors })
          : t("unchanged", { revision: outcome.revision }),
      });
      if (outcome.added) {
        setBody("");
        router.refresh();
      }
    });
  }

  const sources: Source[] = ["link", "paste", "file"];
  const label = { link: t("fromLink"), paste: t("fromPaste"), file: t("fromFile") };
  return (
    <form
      className="border-line space-y-4 rounded-lg border bg-white p-4"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="revision-form"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {t("newTitle")}
      </h2>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
        <legend className="sr-only">{t("sourceLabel")}</legend>
        {sources.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-source`}
              value={s}
              checked={source === s}
              onChange={() => setSource(s)}
            />
            {label[s]}
          </label>
        ))}
      </fieldset>
      {source === "link" ? (
        <Field id={`${id}-url`} label={t("linkLabel")} hint={articleUrl ?? t("linkHelp")}>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            className={inputClass}
            value={url}
            placeholder={articleUrl ?? "https://"}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Field>
      ) : source === "paste" ? (
        <Field id={`${id}-body`} label={t("pasteLabel")}>
          <textarea
            id={`${id}-body`}
            className={`${inputClass} min-h-48 font-serif`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
      ) : (
        <Field id={`${id}-file`} label={t("fileLabel")}>
          <input
            id={`${id}-file`}
            type="file"
            accept=".html,.htm,text/html"
            className="text-sm"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("submit")}
        </Button>
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}
