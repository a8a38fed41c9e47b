"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { addNameVariantAction, removeNameVariantAction } from "@/app/actions/variants";
import { describeError } from "@/lib/errors/text";
import { useErrorText } from "./ui/error-text";
import type { AddVariantInput } from "@/lib/validation/variants";
import { callAction, isRetryable } from "./ui/action";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
import { NoticeLine, type Notice } from "./ui/notice-line";

const resolver = lazyResolver<AddVariantInput, unknown, AddVariantInput>(async () => {
  const [{ zodResolver }, { addVariantSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/variants"),
  ]);
  return zodResolver(addVariantSchema);
});

type Variant = { id: number; name: string; preferred: string };

/** The desk's own name variants: a list, and for admins a form to add one and buttons to remove. */
export function VariantAdmin({ variants, canManage }: { variants: Variant[]; canManage: boolean }) {
  const t = useTranslations("variants");
  const words = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<AddVariantInput>({ resolver, defaultValues: { name: "", preferred: "" } });

  const add = (values: AddVariantInput) => {
    setNotice(null);
    startTransition(async () => {
      const result = await callAction(() => addNameVariantAction(values));
      if (result.ok) {
        reset({ name: "", preferred: "" });
        setFocus("name");
        setNotice({
          kind: "done",
          text: t("added", { name: result.data.name, preferred: result.data.preferred }),
        });
        router.refresh();
        return;
      }
      let placed = false;
      for (const field of ["name", "preferred"] as const) {
        const key = result.fieldErrors?.[field]?.[0];
        if (key && result.code === "invalid_input") {
          setError(field, { message: key });
          placed = true;
        }
      }
      if (!placed) {
        setNotice({
          kind: "error",
          text: describeError(words, result),
          retry: isRetryable(result) ? () => add(values) : undefined,
        });
      }
    });
  };

  const remove = (variant: Variant) => {
    setNotice(null);
    startTransition(async () => {
      const result = await callAction(() => removeNameVariantAction({ id: variant.id }));
      if (result.ok) {
        setNotice({ kind: "done", text: t("removed", { name: variant.name }) });
        router.refresh();
      } else {
        setNotice({
          kind: "error",
          text: describeError(words, result),
          retry: isRetryable(result) ? () => remove(variant) : undefined,
        });
      }
    });
  };

  const errorText = useErrorText();
  const nameError = errorText.field(errors.name?.message);
  const preferredError = errorText.field(errors.preferred?.message);

  return (
    <section aria-labelledby="added-title" className="space-y-4">
      <h2 id="added-title" className="text-lg font-semibold">
        {t("addedTitle")}
      </h2>
      {canManage ? (
        <form
          onSubmit={handleSubmit(add)}
          noValidate
          className="flex flex-wrap items-start gap-3"
          data-testid="variant-form"
        >
          <Field
            id="variant-name"
            label={t("nameLabel")}
            hint={t("nameHint")}
            error={nameError}
            className="w-full sm:w-64"
          >
            <Input
              id="variant-name"
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "variant-name-error" : "variant-name-hint"}
              {...register("name")}
            />
          </Field>
          <Field
            id="variant-preferred"
            label={t("preferredLabel")}
            hint={t("preferredHint")}
            error={preferredError}
            className="w-full sm:w-64"
          >
            <Input
              id="variant-preferred"
              autoComplete="off"
              aria-invalid={preferredError ? true : undefined}
              aria-describedby={preferredError ? "variant-preferred-error" : "variant-preferred-hint"}
              {...register("preferred")}
            />
          </Field>
          <Button type="submit" disabled={pending} className="sm:mt-7">
            {t("add")}
          </Button>
        </form>
      ) : (
        <p className="text-muted text-sm">{t("adminsOnly")}</p>
      )}
      <NoticeLine notice={notice} />
      {variants.length === 0 ? (
        <p className="border-line text-muted rounded-lg border border-dashed bg-white px-4 py-6 text-center text-sm">
          {t("empty")}
        </p>
      ) : (
        <ul
          className="border-line divide-line divide-y rounded-lg border bg-white text-sm"
          data-testid="added-variants"
        >
          {variants.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
              <span>{t("variantOf", { name: v.name, preferred: v.preferred })}</span>
              {canManage ? (
                <Button
                  variant="secondary"
                  size="sm"
                  className="ml-auto"
                  disabled={pending}
                  onClick={() => remove(v)}
                  aria-label={t("removeLabel", { name: v.name })}
                >
                  {t("remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
