"use server";

import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/data/users";
import type { ActionResult } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";

/** Anyone may choose the interface language; a signed-in account keeps it as its setting. */
export async function setLocaleAction(locale: unknown): Promise<ActionResult<{ locale: Locale }>> {
  if (!isLocale(locale)) return { ok: false, code: "invalid_input", message: "Choose English or French." };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await getCurrentUser();
  if (user) await setUserLocale({ id: user.id, locale });
  return { ok: true, data: { locale } };
}
