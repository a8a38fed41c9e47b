"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { setArticleOwnerAction } from "@/app/actions/threads";
import { callAction } from "@/components/ui/action";
import { PlainButton as Button } from "@/components/ui/button-plain";
import { inputClass } from "@/components/ui/input-class";
import { NoticeLine, type Notice } from "@/components/ui/notice-line";
import { describeError } from "@/lib/errors/text";

/**
 * The owner picker's classes: the text field's, narrower and shorter. Written out instead of merged
 * with cn(), which would bring tailwind-merge into the article page's first load; assign-owner.test.ts
 * checks it against cn(inputClass, "w-auto py-1 text-sm").
 */
export const OWNER_SELECT_CLASS = inputClass.replace("w-full", "w-auto").replace("py-2", "py-1");

type Person = { id: number; name: string };

/** The article's owner (an editor), and for editors a way to give it to someone else. */
export function AssignOwner({
  articleId,
  owner,
  people,
  canChange,
}: {
  articleId: number;
  owner: Person | null;
  people: Person[];
  canChange: boolean;
}) {
  const t = useTranslations("threads.assign");
  const words = useTranslations();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(owner ? String(owner.id) : "");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (!canChange) {
    return owner ? (
      <p className="text-sm" data-testid="article-owner">
        <span className="text-muted">{t("ownerLabel")}: </span>
        {owner.name}
      </p>
    ) : null;
  }

  const save = async () => {
    if (value === "") return;
    setBusy(true);
    const result = await callAction(() => setArticleOwnerAction({ articleId, ownerId: Number(value) }));
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: "error", text: describeError(words, result) });
      return;
    }
    setNotice({ kind: "done", text: t("ownerSaved", { name: result.data.owner.name }) });
    router.refresh();
  };

  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="article-owner"
    >
      <label htmlFor={`${id}-owner`} className="text-muted">
        {t("ownerLabel")}
      </label>
      <select
        id={`${id}-owner`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        className={OWNER_SELECT_CLASS}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        variant="secondary"
        type="submit"
        disabled={busy || value === String(owner?.id ?? "")}
      >
        {t("ownerSubmit")}
      </Button>
      <NoticeLine notice={notice} />
    </form>
  );
}
