import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { HIT_MARKS, Highlighted } from "@/components/highlighted";
import { SimilarClaimsChecker } from "@/components/similar-claims-checker";
import { StageBadge, VerdictBadge } from "@/components/verdict-badge-server";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import {
  hasClaimOnlyFilter,
  listSearchFacets,
  search,
  type ArticleHit,
  type ClaimHit,
} from "@/lib/data/search";
import { STAGES, VERDICTS } from "@/lib/review/model";
import { hasHit } from "@/lib/search/snippet";
import { parseSearchParams, type SearchQuery } from "@/lib/validation/search";
import { bidiSafe } from "@/lib/text/bidi";
import { clientIntlConfig } from "@/lib/i18n/client-config";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations("search");
  const { q } = parseSearchParams(await searchParams);
  return { title: q ? t("titleFor", { q }) : t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefFor(query: SearchQuery, changes: Partial<SearchQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (key === "type" && value === "all") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `/search?${s}` : "/search";
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const query = parseSearchParams(await searchParams);
  const [results, facets, t, format] = await Promise.all([
    query.q ? search(query) : Promise.resolve(null),
    listSearchFacets(),
    getTranslations(),
    getFormatter(),
  ]);
  const { q: _q, page: _page, type: _type, ...filters } = query;
  void _q;
  void _page;
  void _type;
  const filtered = Object.values(filters).some(Boolean) || query.type !== "all";
  const claimTotal = results?.claims?.total ?? 0;
  const articleTotal = results?.articles?.total ?? 0;

  return (
    // No next-intl client provider: the results' badges are server components, and the start
    // state's similar-claims checker loads next-intl with its panel when it is used.
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("search.title")}</h1>
        <p className="text-muted mt-1 text-sm">{t("search.intro")}</p>
      </div>

      <Form action="/search" role="search" aria-label={t("search.formLabel")} className="space-y-3">
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">
            {t("search.queryLabel")}
          </label>
          <Input
            id="search-q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder={t("search.placeholder")}
            autoComplete="off"
            maxLength={200}
            aria-keyshortcuts="/"
            autoFocus={!query.q}
            className="h-11 flex-1 text-base"
            data-page-search=""
          />
          <button type="submit" className={buttonClass("primary", "md") + " h-11"}>
            {t("search.submit")}
          </button>
        </div>
        <fieldset className="border-line grid grid-cols-2 gap-3 rounded-lg border bg-white p-3 sm:grid-cols-4 lg:grid-cols-8">
          <legend className="sr-only">{t("search.filters")}</legend>
          <FilterField id="f-type" label={t("search.type")}>
            <Select id="f-type" name="type" defaultValue={query.type}>
              <option value="all">{t("search.typeAll")}</option>
              <option value="claims">{t("search.typeClaims")}</option>
              <option value="articles">{t("search.typeArticles")}</option>
            </Select>
          </FilterField>
          <FilterField id="f-verdict" label={t("search.verdict")}>
            <Select id="f-verdict" name="verdict" defaultValue={query.verdict ?? ""}>
              <option value="">{t("search.any")}</option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {t(`verdicts.${v}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="f-stage" label={t("search.stage")}>
            <Select id="f-stage" name="stage" defaultValue={query.stage ?? ""}>
              <option value="">{t("search.any")}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="f-speaker" label={t("search.speaker")}>
            <Input id="f-speaker" name="speaker" list="speaker-options" defaultValue={query.speaker ?? ""} />
            <datalist id="speaker-options">
              {facets.speakers.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </FilterField>
          <FilterField id="f-outlet" label={t("search.outlet")}>
            <Input id="f-outlet" name="outlet" list="outlet-options" defaultValue={query.outlet ?? ""} />
            <datalist id="outlet-options">
              {facets.outlets.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </FilterField>
          <FilterField id="f-from" label={t("search.from")}>
            <Input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} />
          </FilterField>
          <FilterField id="f-to" label={t("search.to")}>
            <Input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} />
          </FilterField>
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass("secondary") + " flex-1"}>
              {t("search.apply")}
            </button>
            {filtered ? (
              <Link
                href={hrefFor(query, { ...emptyFilters, type: "all", page: 1 })}
                className={buttonClass("ghost")}
              >
                {t("search.clear")}
              </Link>
            ) : null}
          </div>
        </fieldset>
        <p className="text-muted text-xs">{t("search.dateHint")}</p>
      </Form>

      {!query.q ? (
        <StartState />
      ) : !results || results.failed ? (
        <EmptyState title={t("search.noTermsTitle")} text={t("search.noTermsText")} />
      ) : claimTotal + articleTotal === 0 ? (
        <EmptyState
          title={t("search.noResultsTitle", { q: query.q })}
          text={filtered ? t("search.noResultsFiltered") : t("search.noResultsText")}
          action={
            filtered ? (
              <Link
                href={hrefFor(query, { ...emptyFilters, type: "all", page: 1 })}
                className={buttonClass("secondary")}
              >
                {t("search.clear")}
              </Link>
            ) : null
          }
        />
      ) : (
        <div className="space-y-8">
          <p className="text-muted text-sm" role="status">
            {t("search.summary", { claims: claimTotal, articles: articleTotal })}
            {results.mode === "any" ? <span className="text-ink ml-2">{t("search.anyWords")}</span> : null}
          </p>
          {results.claims ? (
            <section aria-labelledby="claim-results" className="space-y-3">
              <h2 id="claim-results" className="text-lg font-semibold">
                {t("search.claimsHeading", { count: claimTotal })}
              </h2>
              {results.claims.items.length > 0 ? (
                <ol
                  className={`border-line divide-line divide-y rounded-lg border bg-white ${HIT_MARKS}`}
                  data-testid="claim-results"
                >
                  {results.claims.items.map((claim) => (
                    <ClaimResult key={claim.id} claim={claim} t={t} format={format} />
                  ))}
                </ol>
              ) : (
                <p className="text-muted text-sm">{t("search.noClaims")}</p>
              )}
              {results.claims.pageCount > 1 ? (
                <nav
                  aria-label={t("search.pagination")}
                  className="flex items-center justify-between text-sm"
                >
                  {results.claims.page > 1 ? (
                    <Link
                      href={hrefFor(query, { page: results.claims.page - 1 })}
                      className={buttonClass("secondary", "sm")}
                      rel="prev"
                    >
                      {t("search.previous")}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-muted">
                    {t("search.pageOf", { page: results.claims.page, pageCount: results.claims.pageCount })}
                  </span>
                  {results.claims.page < results.claims.pageCount ? (
                    <Link
                      href={hrefFor(query, { page: results.claims.page + 1 })}
                      className={buttonClass("secondary", "sm")}
                      rel="next"
                    >
                      {t("search.next")}
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </section>
          ) : null}
          {results.articles ? (
            <section aria-labelledby="article-results" className="space-y-3">
              <h2 id="article-results" className="text-lg font-semibold">
                {t("search.articlesHeading", { count: articleTotal })}
              </h2>
              {results.articles.items.length > 0 ? (
                <ol
                  className={`border-line divide-line divide-y rounded-lg border bg-white ${HIT_MARKS}`}
                  data-testid="article-results"
                >
                  {results.articles.items.map((article) => (
                    <ArticleResult key={article.id} article={article} t={t} format={format} />
                  ))}
                </ol>
              ) : (
                <p className="text-muted text-sm">{t("search.noArticles")}</p>
              )}
              {articleTotal > results.articles.items.length ? (
                <p className="text-muted text-xs">
                  {t("search.moreArticles", { shown: results.articles.items.length, total: articleTotal })}
                </p>
              ) : null}
            </section>
          ) : hasClaimOnlyFilter(filters) && query.type !== "claims" ? (
            <p className="text-muted text-sm">{t("search.articlesSkipped")}</p>
          ) : null}
        </div>
      )}
    </div>
  );
}

const emptyFilters = {
  verdict: undefined,
  stage: undefined,
  speaker: undefined,
  outlet: undefined,
  from: undefined,
  to: undefined,
} as const;

function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="text-muted block text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

// The results are plain server markup: one translator and formatter for all of them, and links
// as plain anchors (no client component per result; an article opens as a page load).
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

function ClaimResult({ claim, t, format }: { claim: ClaimHit; t: Translate; format: Format }) {
  // The quote adds nothing when the statement repeats it word for word.
  const showQuote =
    hasHit(claim.quote) && !plain(claim.statement).includes(plain(claim.quote).replace(/^…|…$/g, ""));
  const showNote = hasHit(claim.note);
  return (
    <li className="space-y-1.5 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <VerdictBadge verdict={claim.verdict} />
        <StageBadge stage={claim.stage} />
        {claim.speaker ? (
          <span className="text-ink font-medium">
            <Highlighted
              segments={
                hasHit(claim.speakerHighlighted)
                  ? claim.speakerHighlighted
                  : [{ text: claim.speaker, hit: false }]
              }
            />
          </span>
        ) : null}
        <span className="text-muted">
          · {t("search.checkedOn", { date: format.dateTime(claim.checkedAt, { dateStyle: "medium" }) })}
        </span>
      </div>
      <a
        href={`/articles/${claim.articleId}?claim=${claim.id}`}
        className="text-ink hover:text-accent block font-medium hover:underline"
      >
        <Highlighted segments={claim.statement} />
      </a>
      {showQuote ? (
        <p className="text-muted font-serif text-sm italic">
          «{"\u00a0"}
          <Highlighted segments={claim.quote} />
          {"\u00a0"}»
        </p>
      ) : null}
      {showNote ? (
        <p className="text-muted text-sm">
          <span className="text-ink font-medium">{t("search.note")} </span>
          <Highlighted segments={claim.note} />
        </p>
      ) : null}
      <p className="text-muted text-xs">
        {t("search.inArticle")}{" "}
        <a
          href={`/articles/${claim.articleId}`}
          className="hover:text-ink underline-offset-2 hover:underline"
        >
          {claim.articleTitle}
        </a>
        {claim.outlet ? ` · ${bidiSafe(claim.outlet)}` : null}
      </p>
    </li>
  );
}

function ArticleResult({ article, t, format }: { article: ArticleHit; t: Translate; format: Format }) {
  const date = article.publishedAt ? new Date(`${article.publishedAt}T12:00:00Z`) : article.createdAt;
  return (
    <li className="space-y-1.5 px-4 py-3">
      <a
        href={`/articles/${article.id}`}
        className="text-ink hover:text-accent block font-serif text-lg font-semibold hover:underline"
      >
        <Highlighted segments={article.title} />
      </a>
      <p className="text-muted text-xs">
        {[
          article.outlet,
          format.dateTime(date, { dateStyle: "medium" }),
          t(`languages.${article.language}`),
          t("search.claimCount", { count: article.claimCount }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {hasHit(article.excerpt) ? (
        <p className="text-muted text-sm">
          <Highlighted segments={article.excerpt} />
        </p>
      ) : null}
    </li>
  );
}

async function StartState() {
  const [t, similar, intl] = await Promise.all([
    getTranslations("search"),
    getTranslations("similar"),
    clientIntlConfig(["similar", "verdicts"]),
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_1.2fr]">
      <div className="border-line rounded-lg border border-dashed bg-white px-6 py-8">
        <h2 className="text-lg font-medium">{t("startTitle")}</h2>
        <ul className="text-muted mt-3 list-disc space-y-1.5 pl-5 text-sm">
          <li>{t("tipAccents")}</li>
          <li>{t("tipPrefix")}</li>
          <li>{t("tipNumbers")}</li>
          <li>{t("tipShortcut")}</li>
        </ul>
      </div>
      <SimilarClaimsChecker
        words={{
          checkerLabel: similar("checkerLabel"),
          checkerPlaceholder: similar("checkerPlaceholder"),
          checkerHint: similar("checkerHint"),
          title: similar("title"),
          hint: similar("hint"),
        }}
        intl={intl}
      />
    </div>
  );
}

function EmptyState({ title, text, action }: { title: string; text: string; action?: React.ReactNode }) {
  return (
    <div className="border-line rounded-lg border border-dashed bg-white px-6 py-14 text-center">
      <h2 className="text-lg font-medium">{title}</h2>
      <p className="text-muted mx-auto mt-2 max-w-md text-sm">{text}</p>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
