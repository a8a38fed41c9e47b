import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { LanguageSwitch } from "@/components/language-switch";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { getLocale } from "next-intl/server";
import { formWords } from "@/lib/i18n/server";
import { SIGN_IN_WORDS } from "./words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations();
  const locale = await getLocale();
  // The form's words as a prop, not next-intl's client provider: its runtime stays out of the first load.
  const words = await formWords(SIGN_IN_WORDS);
  return (
    <main className="grid min-h-screen lg:grid-cols-[1fr_1.1fr]">
      <section className="bg-ink flex flex-col justify-between px-10 py-10 text-white max-lg:hidden">
        <div className="flex items-center gap-3 text-lg font-semibold tracking-tight">
          <span aria-hidden className="text-ink grid size-8 place-items-center rounded-md bg-white text-sm">
            CD
          </span>
          {t("app.name")}
        </div>
        <div className="max-w-md space-y-6">
          <h2 className="font-serif text-4xl leading-tight">{t("signIn.sideTitle")}</h2>
          <ul className="list-none space-y-3 text-white/80">
            {(["sidePoint1", "sidePoint2", "sidePoint3"] as const).map((key) => (
              <li key={key} className="flex gap-3">
                <span aria-hidden className="bg-confirmed-bg mt-2 size-1.5 shrink-0 rounded-full" />
                {t(`signIn.${key}`)}
              </li>
            ))}
          </ul>
        </div>
        <p className="text-sm text-white/60">{t("app.tagline")}</p>
      </section>
      <section className="flex flex-col px-6 py-8 sm:px-12">
        <div className="flex justify-end">
          <LanguageSwitch current={locale} />
        </div>
        <div className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t("signIn.title")}</h1>
          <p className="text-muted mt-2 text-sm">{t("signIn.intro")}</p>
          <SignInForm callbackUrl={target} words={words} />
        </div>
      </section>
    </main>
  );
}
