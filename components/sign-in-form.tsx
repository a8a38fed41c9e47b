"use client";

import { useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { signInAction, type SignInResult } from "@/app/(auth)/sign-in/actions";
import type { SignInInput } from "@/lib/validation/auth";
import { callAction } from "./ui/action";
import { buttonClass } from "./ui/button-class";
import { joinClasses } from "./ui/classes";
import { Field, PlainInput } from "./ui/field-plain";
import { useFormWords, type FormWords } from "./ui/form-words";
import { lazyResolver } from "./ui/lazy-resolver";

const NO_ANSWER: SignInResult = { ok: false, code: "failed", message: "No answer from the server." };

/**
 * The sign-in form. Its words come from the page (lib/i18n/form-words.ts: signIn, and the error
 * catalogs); zod and next-intl's translator stay out of the first load and arrive when the form is
 * first focused or checked.
 */
export function SignInForm({ callbackUrl, words }: { callbackUrl: string; words: FormWords }) {
  const { text, loaded, load } = useFormWords(words);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<SignInResult | null>(null);
  // The field errors are put into words as soon as zod finds them: the translator comes with it.
  const resolver = useMemo(
    () =>
      lazyResolver<SignInInput, unknown, SignInInput>(async () => {
        const [{ zodResolver }, { signInSchema }] = await Promise.all([
          import("@hookform/resolvers/zod"),
          import("@/lib/validation/auth"),
          load(),
        ]);
        return zodResolver(signInSchema);
      }),
    [load],
  );
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
      if (result && !result.ok) {
        // The throttled message formats a time: the translator is in before it shows.
        await load().catch(() => undefined);
        setFailure(
          "retryAt" in result || result.code !== "unavailable" ? (result as SignInResult) : NO_ANSWER,
        );
      }
    });
  });

  const failureText = (result: SignInResult): string =>
    result.code === "throttled" && loaded
      ? loaded.t("signIn.throttled", {
          time: loaded.dateTime(new Date(result.retryAt), {
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          }),
        })
      : text(`signIn.${result.code === "throttled" ? "failed" : result.code}`);

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="mt-8 space-y-5">
      {failure ? (
        <div
          role="alert"
          className="border-disputed/30 bg-disputed-bg text-disputed rounded-md border px-3 py-2 text-sm"
        >
          {failureText(failure)}
        </div>
      ) : null}
      <Field id="email" label={text("signIn.email")} error={loaded?.field(errors.email?.message)}>
        <PlainInput
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
      </Field>
      <Field id="password" label={text("signIn.password")} error={loaded?.field(errors.password?.message)}>
        <PlainInput
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
      </Field>
      {/* buttonClass, not a Button component: the least code in the first load (as app/error.tsx). */}
      <button type="submit" className={joinClasses(buttonClass(), "w-full")} disabled={pending}>
        {pending ? text("signIn.submitting") : text("signIn.submit")}
      </button>
    </form>
  );
}
