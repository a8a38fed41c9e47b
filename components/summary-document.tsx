// The verified summary as a document: the same content as the HTML download (lib/export/html.ts),
// in the article's language whatever the language of the interface, styled for screen and paper.
import type { ReactNode } from "react";
import {
  formatLongDate,
  formatLongDay,
  httpUrl,
  isoDate,
  labelsFor,
  parseIsoDate,
  textLines,
  type Labels,
  type Summary,
  type SummaryItem,
  type SummarySource,
} from "@/lib/export";
import type { Verdict } from "@/lib/review/model";
import { cn } from "./ui/cn";

const ACCENTS: Record<Verdict, { rule: string; text: string }> = {
  confirmed: { rule: "border-confirmed", text: "text-confirmed" },
  disputed: { rule: "border-disputed", text: "text-disputed" },
  uncommented: { rule: "border-uncommented", text: "text-uncommented" },
  unrated: { rule: "border-unrated", text: "text-unrated" },
};

function Lines({ text }: { text: string }) {
  const lines = textLines(text);
  return lines.map((line, i) => (
    <span key={i}>
      {line}
      {i < lines.length - 1 ? <br /> : null}
    </span>
  ));
}

function Label({ labels, children }: { labels: Labels; children: ReactNode }) {
  return (
    <span className="text-muted font-sans text-[0.8125rem]">
      {children}
      {labels.colon}
    </span>
  );
}

function Source({ source }: { source: SummarySource }) {
  const href = httpUrl(source.url);
  if (!href) return <>{source.title ? `${source.title} (${source.url})` : source.url}</>;
  return (
    <a href={href} rel="noreferrer" className="summary-source text-accent underline-offset-2 hover:underline">
      {source.title ?? href}
    </a>
  );
}

function Claim({ item, labels }: { item: SummaryItem; labels: Labels }) {
  const signoff = labels.signoff(
    item.ratedBy || item.ratedAt
      ? { name: item.ratedBy, date: formatLongDay(item.ratedOn, labels.locale) }
      : null,
    item.approvedBy || item.approvedAt
      ? { name: item.approvedBy, date: formatLongDay(item.approvedOn, labels.locale) }
      : null,
    item.unverified,
  );
  return (
    <article
      id={`claim-${item.id}`}
      data-verdict={item.verdict}
      className={cn("break-inside-avoid border-l-[3px] pl-4", ACCENTS[item.verdict].rule)}
    >
      <h3 className="font-serif text-[1.0625rem] leading-snug font-semibold">
        <span className="text-muted font-normal">{item.number}.</span> {item.statement}
        {item.unverified ? (
          <span className="border-disputed text-disputed ml-2 inline-block rounded-full border px-2 align-[0.15em] font-sans text-[0.6875rem] font-semibold tracking-wide uppercase">
            {labels.unverified}
          </span>
        ) : null}
      </h3>
      <p className="mt-1.5 text-[0.9375rem]">
        <Label labels={labels}>{labels.speaker}</Label>
        {item.speaker ?? labels.noSpeaker}
      </p>
      {textLines(item.quote).length > 0 ? (
        <blockquote className="border-line my-2.5 border-l-2 pl-3 font-serif text-[0.9375rem] text-slate-700 italic">
          <p>
            <Lines text={item.quote} />
          </p>
        </blockquote>
      ) : null}
      {item.silenceSentence ? <p className="my-1.5 font-semibold">{item.silenceSentence}</p> : null}
      {item.verdictNote ? (
        <p className="my-1.5 text-[0.9375rem]">
          <Label labels={labels}>{labels.note}</Label>
          <Lines text={item.verdictNote} />
        </p>
      ) : null}
      {item.sources.length > 0 ? (
        <div className="my-1.5 text-[0.9375rem]">
          <Label labels={labels}>{labels.sources}</Label>
          <ul className="mt-0.5 list-disc pl-5">
            {item.sources.map((source, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                <Source source={source} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {signoff ? <p className="text-muted mt-2 font-sans text-xs">{signoff}</p> : null}
    </article>
  );
}

export function SummaryDocument({ summary, className }: { summary: Summary; className?: string }) {
  const labels = labelsFor(summary.language);
  const { article, organisation } = summary;
  const published = parseIsoDate(article.publishedAt);
  const articleHref = httpUrl(article.url);
  const orgHref = httpUrl(organisation.url);
  const marker = "\u0000";
  const [before = "", after = ""] = labels
    .generated(marker, formatLongDay(summary.generatedOn, labels.locale))
    .split(marker);

  return (
    <div
      lang={labels.lang}
      className={cn(
        "summary-document border-line mx-auto max-w-3xl rounded-lg border bg-white px-6 py-10 font-serif text-base leading-relaxed shadow-sm sm:px-12 sm:py-12",
        "print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none",
        className,
      )}
    >
      <header className="font-sans">
        <p className="text-muted text-xs font-semibold tracking-[0.08em] uppercase">
          {labels.verifiedSummary}
        </p>
        <h1 className="mt-1 font-serif text-3xl leading-tight font-semibold tracking-tight">
          {article.title}
        </h1>
        <p className="text-muted mt-2 text-sm">
          {[
            article.outlet,
            published ? (
              <time key="date" dateTime={isoDate(published) ?? undefined}>
                {formatLongDate(published, labels.locale)}
              </time>
            ) : (
              article.publishedAt
            ),
          ]
            .filter(Boolean)
            .map((part, i) => (
              <span key={i}>
                {i > 0 ? " · " : null}
                {part}
              </span>
            ))}
          {article.url ? (
            <span className="block [overflow-wrap:anywhere]">
              {articleHref ? (
                <a href={articleHref} rel="noreferrer" className="text-accent hover:underline">
                  {articleHref}
                </a>
              ) : (
                article.url
              )}
            </span>
          ) : null}
        </p>
        <p className="border-line mt-5 rounded-md border px-4 py-3 text-[0.9375rem] print:border-slate-400">
          {summary.countLine}
        </p>
        {summary.counts.unverified > 0 ? (
          <p
            role="note"
            className="border-disputed text-disputed mt-3 rounded-md border-2 px-4 py-3 text-[0.9375rem] font-semibold"
          >
            {labels.unverifiedNotice}
          </p>
        ) : null}
      </header>

      {summary.groups
        .filter((group) => group.claims.length > 0)
        .map((group) => (
          <section key={group.verdict} aria-labelledby={`verdict-${group.verdict}`} className="mt-10">
            <h2
              id={`verdict-${group.verdict}`}
              className={cn(
                "mb-5 break-after-avoid border-b-2 pb-1.5 font-sans text-lg font-semibold",
                ACCENTS[group.verdict].rule,
              )}
            >
              {group.heading} <span className="text-muted font-normal">({group.claims.length})</span>
            </h2>
            <div className="space-y-7">
              {group.claims.map((item) => (
                <Claim key={item.id} item={item} labels={labels} />
              ))}
            </div>
          </section>
        ))}

      <footer className="border-line text-muted mt-12 border-t pt-4 font-sans text-xs">
        <p>
          {before}
          {orgHref ? (
            <a href={orgHref} rel="noreferrer" className="hover:underline">
              {organisation.name}
            </a>
          ) : (
            organisation.name
          )}
          {after}
        </p>
      </footer>
    </div>
  );
}
