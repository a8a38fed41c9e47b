import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountSettings } from "@/components/account-settings";
import { requireUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locale";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/account";
import { bidiSafe } from "@/lib/text/bidi";
import { ClientMessages } from "@/components/client-messages";
import { EmailPrefsForm } from "@/components/email-prefs-form";
import { emailEnabled, getEmailPrefs } from "@/lib/data/notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountSettings");
  return { title: t("title") };
}

export default async function AccountSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ password?: string | string[] }>;
}) {
  const user = await requireUser();
  const { password } = await searchParams;
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <ClientMessages namespaces={["accountSettings", "common", "errorReasons", "errors", "notifications"]}>
      <div className="mx-auto max-w-3xl space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("accountSettings.title")}</h1>
          <p className="text-muted mt-1 text-sm">{t("accountSettings.intro")}</p>
        </div>
        <section aria-labelledby="profile-title" className="border-line rounded-lg border bg-white p-5">
          <h2 id="profile-title" className="text-base font-semibold">
            {t("accountSettings.profileTitle")}
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-muted">{t("accountSettings.name")}</dt>
            <dd className="font-medium">{bidiSafe(user.name)}</dd>
            <dt className="text-muted">{t("accountSettings.email")}</dt>
            <dd>{user.email}</dd>
            <dt className="text-muted">{t("accountSettings.role")}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </dl>
          <p className="text-muted mt-3 text-xs">{t("accountSettings.profileHint")}</p>
        </section>
        <AccountSettings
          locale={user.locale ?? (isLocale(locale) ? locale : "en")}
          passwordMinLength={PASSWORD_MIN_LENGTH}
          passwordChanged={password === "changed"}
        />
        <EmailPrefsForm prefs={await getEmailPrefs(user.id)} emailOn={emailEnabled()} />
      </div>
    </ClientMessages>
  );
}
