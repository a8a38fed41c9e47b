"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { signInAction, type SignInResult } from "@/app/(auth)/sign-in/actions";
import { callAction } from "./ui/action";

const NO_ANSWER: SignInResult = { ok: false, code: "failed", message: "No answer from the server." };
import type { SignInInput } from "@/lib/validation/auth";
import { Button } from "./ui/button";
import { useErrorText } from "./ui/error-text";
import { Field, Input } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";

// zod stays out of the sign-in page's first load; it arrives when the form is first checked.
const resolver = lazyResolver<SignInInput, unknown, SignInInput>(async () => {
  const [{ zodResolver }, { signInSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/auth"),
  ]);
  return zodResolver(signInSchema);
});

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const format = useFormatter();
  const describe = useErrorText();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<SignInResult | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({
    resolver,
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      // On success the action redirects; no answer at all is a failure to sign in, to try again.
      const result = await callAction(() => signInAction(values, callbackUrl));
      if (result && !result.ok)
        setFailure(
          "retryAt" in result || result.code !== "unavailable" ? (result as SignInResult) : NO_ANSWER,
        );
    });
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="mt-8 space-y-5">
      {failure ? (
        <div
          role="alert"
          className="border-disputed/30 bg-disputed-bg text-disputed rounded-md border px-3 py-2 text-sm"
        >
          {failure.code === "throttled"
            ? t("throttled", {
                time: format.dateTime(new Date(failure.retryAt), {
                  hour: "2-digit",
                  minute: "2-digit",
                  hourCycle: "h23",
                }),
              })
            : t(failure.code)}
        </div>
      ) : null}
      <Field id="email" label={t("email")} error={describe.field(errors.email?.message)}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
      </Field>
      <Field id="password" label={t("password")} error={describe.field(errors.password?.message)}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
