import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { MyWorkBanner } from "@/components/my-work-banner";
import { ProgressBar, ProgressLegend } from "@/components/progress-bar";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { listArticles } from "@/lib/data/articles";
import { articleListSchema } from "@/lib/validation/article";
import { bidiSafe } from "@/lib/text/bidi";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articles");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = articleListSchema.safeParse({
    q: first(params.q) || undefined,
    sort: first(params.sort) || undefined,
    page: first(params.page) || undefined,
    verified: first(params.verified) || undefined,
  });
  const query = parsed.success ? parsed.data : articleListSchema.parse({});
  const { items, total, page, pageCount } = await listArticles(query);
  const t = await getTranslations();
  const format = await getFormatter();
  const hrefFor = (p: number) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set("q", query.q);
    if (query.sort !== "newest") sp.set("sort", query.sort);
    if (query.verified !== "all") sp.set("verified", query.verified);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return s ? `/articles?${s}` : "/articles";
  };
  const filtered = Boolean(query.q) || query.verified !== "all";

  return (
    <div className="space-y-6">
      <MyWorkBanner />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("articles.title")}</h1>
          <p className="text-muted mt-1 text-sm">{t("articles.count", { count: total })}</p>
        </div>
        <form className="flex flex-wrap items-end gap-2" role="search" aria-label={t("articles.searchLabel")}>
          <div>
            <label htmlFor="q" className="sr-only">
              {t("articles.searchLabel")}
            </label>
            <Input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={t("articles.searchPlaceholder")}
              className="w-64 max-w-full"
            />
          </div>
          <div>
            <label htmlFor="verified" className="sr-only">
              {t("articles.verifiedFilter")}
            </label>
            <Select id="verified" name="verified" defaultValue={query.verified} className="w-auto max-w-full">
              <option value="all">{t("articles.verifiedAll")}</option>
              <option value="yes">{t("articles.verifiedYes")}</option>
              <option value="no">{t("articles.verifiedNo")}</option>
            </Select>
          </div>
          <div>
            <label htmlFor="sort" className="sr-only">
              {t("articles.sortLabel")}
            </label>
            <Select id="sort" name="sort" defaultValue={query.sort} className="w-auto max-w-full">
              <option value="newest">{t("articles.sortNewest")}</option>
              <option value="oldest">{t("articles.sortOldest")}</option>
              <option value="published">{t("articles.sortPublished")}</option>
              <option value="title">{t("articles.sortTitle")}</option>
            </Select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("articles.apply")}
          </button>
        </form>
      </div>

      {items.length === 0 ? (
        <div className="border-line rounded-lg border border-dashed bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-medium">
            {filtered ? t("articles.noMatchTitle") : t("articles.emptyTitle")}
          </h2>
          <p className="text-muted mx-auto mt-2 max-w-md text-sm">
            {filtered ? t("articles.noMatchText") : t("articles.emptyText")}
          </p>
          <div className="mt-6">
            {filtered ? (
              <Link href="/articles" className={buttonClass("secondary")}>
                {t("articles.clearFilters")}
              </Link>
            ) : (
              <Link href="/articles/new" className={buttonClass("primary")}>
                {t("nav.newArticle")}
              </Link>
            )}
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <ProgressLegend />
          <div className="border-line overflow-x-auto rounded-lg border bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-line text-muted border-b bg-slate-50 text-xs tracking-wide uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("articles.colTitle")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium max-md:hidden">
                    {t("articles.colOutlet")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium max-md:hidden">
                    {t("articles.colDate")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium max-sm:hidden">
                    {t("articles.colLanguage")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("articles.colClaims")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-line divide-y">
                {items.map((a) => (
                  <tr key={a.id} className="hover:bg-slate-50/60">
                    <td className="px-4 py-3">
                      <Link
                        href={`/articles/${a.id}`}
                        className="text-ink hover:text-accent font-medium hover:underline"
                      >
                        {bidiSafe(a.title)}
                      </Link>
                      {a.progress.verified ? (
                        <span className="bg-confirmed-bg text-confirmed ml-2 rounded-full px-2 py-0.5 text-xs font-medium">
                          {t("articles.verified")}
                        </span>
                      ) : null}
                    </td>
                    <td className="text-muted px-4 py-3 max-md:hidden">{a.outlet ?? "—"}</td>
                    <td className="text-muted px-4 py-3 whitespace-nowrap tabular-nums max-md:hidden">
                      {a.publishedAt
                        ? format.dateTime(new Date(`${a.publishedAt}T12:00:00Z`), { dateStyle: "medium" })
                        : "—"}
                    </td>
                    <td className="text-muted px-4 py-3 max-sm:hidden">{t(`languages.${a.language}`)}</td>
                    <td className="px-4 py-3">
                      <ProgressBar progress={a.progress} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("articles.pagination")} className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className={buttonClass("secondary", "sm")} rel="prev">
              {t("articles.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{t("articles.pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} className={buttonClass("secondary", "sm")} rel="next">
              {t("articles.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
