import { getTranslations } from "@/lib/i18n/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" className="text-muted flex items-center gap-3 py-16 text-sm">
      <span aria-hidden className="border-line border-t-accent size-4 animate-spin rounded-full border-2" />
      {t("loading")}
    </div>
  );
}
