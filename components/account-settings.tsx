"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { changeOwnPasswordAction } from "@/app/(app)/settings/account/actions";
import { setLocaleAction } from "@/app/actions/locale";
import type { Failure } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import type { ChangeOwnPasswordInput } from "@/lib/validation/account";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { useErrorText } from "./ui/error-text";
import { Field, Input } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
import { NoticeLine, type Notice } from "./ui/notice-line";
import { callAction, isRetryable } from "./ui/action";
// zod stays out of the account page's first load; it arrives when the form is first checked.
const resolver = lazyResolver<ChangeOwnPasswordInput, unknown, ChangeOwnPasswordInput>(async () => {
  const [{ zodResolver }, { changeOwnPasswordSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/account"),
  ]);
  return zodResolver(changeOwnPasswordSchema);
});

const LANGUAGE_NAMES = { en: "English", fr: "Français" } as const;

function LanguageForm({ locale }: { locale: Locale }) {
  const t = useTranslations();
  const router = useRouter();
  const [choice, setChoice] = useState<Locale>(locale);
  const [pending, startTransition] = useTransition();
  // What happened, translated at render time: after saving, the page re-renders in the new language.
  const [outcome, setOutcome] = useState<"saved" | Failure | null>(null);
  const describe = useErrorText();
  const save = () => {
    setOutcome(null);
    startTransition(async () => {
      const result = await callAction(() => setLocaleAction(choice));
      if (!result.ok) {
        setOutcome(result);
        return;
      }
      router.refresh();
      setOutcome("saved");
    });
  };
  const notice: Notice | null =
    outcome === "saved"
      ? { kind: "done", text: t("accountSettings.languageSaved") }
      : outcome
        ? { kind: "error", text: describe.failure(outcome), retry: isRetryable(outcome) ? save : undefined }
        : null;
  return (
    <section aria-labelledby="language-title" className="border-line rounded-lg border bg-white p-5">
      <h2 id="language-title" className="text-base font-semibold">
        {t("accountSettings.languageTitle")}
      </h2>
      <p className="text-muted mt-1 text-sm">{t("accountSettings.languageIntro")}</p>
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset>
          <legend className="sr-only">{t("accountSettings.languageTitle")}</legend>
          <div className="flex flex-wrap gap-3">
            {LOCALES.map((value) => (
              <label
                key={value}
                lang={value}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm",
                  choice === value ? "border-accent bg-blue-50/60" : "border-line",
                )}
              >
                <input
                  type="radio"
                  name="locale"
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                  className="accent-accent"
                />
                {LANGUAGE_NAMES[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending || choice === locale}>
            {t("accountSettings.saveLanguage")}
          </Button>
        </div>
        <NoticeLine notice={notice} />
      </form>
    </section>
  );
}

function PasswordForm({ minLength, changed }: { minLength: number; changed: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  // After a change the action sends the browser here with ?password=changed; translated at render.
  const [submitted, setSubmitted] = useState(false);
  const shown: Notice | null =
    notice ?? (changed && !submitted ? { kind: "done", text: t("accountSettings.passwordChanged") } : null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<ChangeOwnPasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  const describe = useErrorText();

  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    setSubmitted(true);
    startTransition(async () => {
      // On success the action moves the browser to this page afresh, with the new session.
      const result = await callAction(() => changeOwnPasswordAction(values));
      if (result.ok) {
        reset();
        return;
      }
      if (result.code === "rate_limited" && typeof result.details?.retryAt === "string") {
        const time = format.dateTime(new Date(result.details.retryAt), {
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        });
        setNotice({ kind: "error", text: t("accountSettings.throttled", { time }) });
        return;
      }
      const fields = result.fieldErrors ?? {};
      let shown = false;
      for (const key of ["currentPassword", "newPassword", "confirmPassword"] as const) {
        const first = fields[key]?.[0];
        if (first) {
          setError(key, { message: first });
          shown = true;
        }
      }
      if (!shown) {
        setNotice({
          kind: "error",
          text: describe.failure(result),
          retry: isRetryable(result) ? () => void onSubmit() : undefined,
        });
      }
    });
  });

  const fields = [
    { name: "currentPassword", autoComplete: "current-password" },
    { name: "newPassword", autoComplete: "new-password" },
    { name: "confirmPassword", autoComplete: "new-password" },
  ] as const;

  return (
    <section aria-labelledby="password-title" className="border-line rounded-lg border bg-white p-5">
      <h2 id="password-title" className="text-base font-semibold">
        {t("accountSettings.passwordTitle")}
      </h2>
      <p className="text-muted mt-1 text-sm">{t("accountSettings.passwordIntro", { min: minLength })}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 max-w-sm space-y-4">
        {fields.map(({ name, autoComplete }) => (
          <Field
            key={name}
            id={name}
            label={t(`accountSettings.${name}`)}
            error={describe.field(errors[name]?.message)}
          >
            <Input
              id={name}
              type="password"
              autoComplete={autoComplete}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `${name}-error` : undefined}
              {...register(name)}
            />
          </Field>
        ))}
        <Button type="submit" disabled={pending}>
          {pending ? t("accountSettings.changing") : t("accountSettings.changePassword")}
        </Button>
        <NoticeLine notice={shown} />
      </form>
    </section>
  );
}

export function AccountSettings({
  locale,
  passwordMinLength,
  passwordChanged,
}: {
  locale: Locale;
  passwordMinLength: number;
  passwordChanged: boolean;
}) {
  return (
    <>
      <LanguageForm locale={locale} />
      <PasswordForm minLength={passwordMinLength} changed={passwordChanged} />
    </>
  );
}
