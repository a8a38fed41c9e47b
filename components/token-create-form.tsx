"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { createTokenAction } from "@/app/(app)/settings/tokens/actions";
import { callAction } from "./ui/action";
import { useErrorText } from "./ui/error-text";
import type { CreateTokenInput } from "@/lib/validation/token";
import { CopyButton } from "./copy-button";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
// zod stays out of the tokens page's first load; it arrives when the form is first checked.
const resolver = lazyResolver<CreateTokenInput, unknown, CreateTokenInput>(async () => {
  const [{ zodResolver }, { createTokenSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/token"),
  ]);
  return zodResolver(createTokenSchema);
});

export function TokenCreateForm() {
  const t = useTranslations("apiTokens");
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<CreateTokenInput>({ resolver, defaultValues: { name: "" } });

  useEffect(() => {
    if (created) panel.current?.focus();
  }, [created]);

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      const result = await callAction(() => createTokenAction(values));
      if (result.ok) {
        setCreated(result.data);
        reset({ name: "" });
        return;
      }
      const fieldKey = result.fieldErrors?.name?.[0];
      if (fieldKey) setError("name", { message: fieldKey });
      else setFailure(errorText.failure(result));
    });
  });

  const nameError = errorText.field(errors.name?.message);

  return (
    <div className="space-y-4">
      {created ? (
        <div
          ref={panel}
          tabIndex={-1}
          aria-labelledby="new-token-title"
          className="border-confirmed/30 bg-confirmed-bg/50 space-y-3 rounded-lg border p-4 focus:outline-none"
          data-testid="new-token"
        >
          <h3 id="new-token-title" className="font-semibold">
            {t("createdTitle")}
          </h3>
          <p className="text-sm">{t("createdText", { name: created.name })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="new-token-value" className="sr-only">
              {t("tokenLabel")}
            </label>
            <Input
              id="new-token-value"
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              className="max-w-xl min-w-0 flex-1 font-mono text-xs"
            />
            <CopyButton text={created.token} />
          </div>
          <p className="text-muted text-xs">
            {t.rich("usage", {
              code: (chunks) => (
                <code className="text-ink rounded bg-white px-1 py-0.5 font-mono">{chunks}</code>
              ),
            })}
          </p>
          <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
            {t("done")}
          </Button>
        </div>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <Field
          id="token-name"
          label={t("nameLabel")}
          hint={t("nameHint")}
          error={nameError}
          className="w-full max-w-md"
        >
          <Input
            id="token-name"
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "token-name-error" : "token-name-hint"}
            {...register("name")}
          />
        </Field>
        <Button type="submit" disabled={pending} className="mt-7">
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="text-disputed text-sm">
          {t("failed", { message: failure })}
        </p>
      ) : null}
    </div>
  );
}
