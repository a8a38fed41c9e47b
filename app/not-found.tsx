import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <p className="text-muted mt-2">{t("notFoundText")}</p>
      {/* A plain link: next/link here put its client code into every page's first load a second
          time (this page's chunk and the error page's each carried a copy). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
      <a href="/articles" className={`${buttonClass("secondary")} mt-6`}>
        {t("goHome")}
      </a>
    </div>
  );
}
