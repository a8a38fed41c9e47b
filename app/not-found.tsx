import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <p className="text-muted mt-2">{t("notFoundText")}</p>
      <Link href="/articles" className={`${buttonClass("secondary")} mt-6`}>
        {t("goHome")}
      </Link>
    </div>
  );
}
