import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { loadMessages } from "./messages";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locale";

/** The account's language, else the cookie set on the sign-in page, else the browser's, else English. */
export async function resolveLocale(): Promise<Locale> {
  const user = await getCurrentUser().catch(() => null);
  if (user?.locale) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? "en";
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: getEnv().TIME_ZONE };
});
