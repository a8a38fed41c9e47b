import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { QueueFacets } from "@/lib/data/queue";
import { VERDICTS } from "@/lib/review/model";
import type { QueueFilterParams } from "@/lib/validation/queue";
import { bidiSafe } from "@/lib/text/bidi";

/** The queue's filters as a plain GET form: shareable links, and it works before scripts load. */
export async function QueueFiltersForm({
  facets,
  filters,
  filtered,
}: {
  facets: QueueFacets;
  filters: QueueFilterParams;
  filtered: boolean;
}) {
  const t = await getTranslations();
  const field = "flex flex-col gap-1 text-xs font-medium text-muted";
  return (
    <form
      method="get"
      action="/queue"
      role="search"
      aria-label={t("queue.filters.label")}
      className="border-line flex flex-wrap items-end gap-3 rounded-lg border bg-white px-4 py-3"
    >
      <label className={field}>
        {t("queue.filters.article")}
        <Select name="article" defaultValue={filters.article ?? ""} className="h-9 w-72 py-1.5">
          <option value="">{t("queue.filters.anyArticle")}</option>
          {facets.articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 70 ? `${a.title.slice(0, 69)}…` : a.title} ({a.count})
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        {t("queue.filters.verdict")}
        <Select name="verdict" defaultValue={filters.verdict ?? ""} className="h-9 w-44 py-1.5">
          <option value="">{t("queue.filters.anyVerdict")}</option>
          {VERDICTS.filter((v) => v !== "unrated").map((v) => (
            <option key={v} value={v}>
              {t(`verdicts.${v}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        {t("queue.filters.speaker")}
        <Select name="speaker" defaultValue={filters.speaker ?? ""} className="h-9 w-56 py-1.5">
          <option value="">{t("queue.filters.anySpeaker")}</option>
          {facets.speakers.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        {t("queue.filters.rater")}
        <Select name="rater" defaultValue={filters.rater ?? ""} className="h-9 w-44 py-1.5">
          <option value="">{t("queue.filters.anyRater")}</option>
          {facets.raters.map((r) => (
            <option key={r.id} value={r.id}>
              {bidiSafe(r.name)}
            </option>
          ))}
        </Select>
      </label>
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass("secondary", "sm") + " h-9"}>
          {t("queue.filters.apply")}
        </button>
        {filtered ? (
          <Link href="/queue" className={buttonClass("ghost", "sm") + " h-9"}>
            {t("queue.filters.clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
