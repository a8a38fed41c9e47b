"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revokeTokenAction } from "@/app/(app)/settings/tokens/actions";
import { describeError } from "@/lib/errors/text";
import { callAction } from "./ui/action";
import { Button } from "./ui/button";

/** Revoke, then confirm inline: revoking cannot be undone and breaks whatever uses the token. */
export function TokenRevokeButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("apiTokens");
  const words = useTranslations();
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <Button
        variant="secondary"
        size="sm"
        aria-label={t("revokeLabel", { name })}
        onClick={() => setConfirming(true)}
      >
        {t("revoke")}
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label={t("revokeLabel", { name })}
      className="ml-auto flex max-w-xs flex-col items-end gap-2 text-left"
    >
      <p className="text-sm">{t("confirmRevoke", { name })}</p>
      <div className="flex gap-2">
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
          {common("cancel")}
        </Button>
        <Button
          variant="danger"
          size="sm"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await callAction(() => revokeTokenAction({ id }));
              if (!result.ok) setFailure(describeError(words, result));
            })
          }
        >
          {pending ? t("revoking") : t("confirm")}
        </Button>
      </div>
      {failure ? (
        <p role="alert" className="text-disputed text-sm">
          {t("failed", { message: failure })}
        </p>
      ) : null}
    </div>
  );
}
