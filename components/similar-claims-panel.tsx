"use client";

import { ExternalLink } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { findSimilarClaimsAction } from "@/app/actions/search";
import type { SimilarClaim } from "@/lib/data/similar";
import { VerdictBadge } from "./verdict-badge";
import { SimilarClaimsFrame, SimilarClaimsNote } from "./similar-claims-frame";
import { upperFirst } from "@/lib/text/upper-first";
import { bidiSafe } from "@/lib/text/bidi";

const DEBOUNCE_MS = 400;
/** Below this many characters a text says too little to look for look-alikes. */
const MIN_LENGTH = 12;

type State =
  | { status: "waiting" }
  | { status: "loading"; previous: SimilarClaim[] }
  | { status: "done"; claims: SimilarClaim[] }
  | { status: "error" };

/**
 * Claims the desk already reviewed in other articles that look like the text being written:
 * their verdict, note and date, and a link to open them. Give it the statement or quote as it
 * is typed; it waits for a pause in typing before asking the server.
 */
export function SimilarClaimsPanel({ text, excludeArticleId }: { text: string; excludeArticleId?: number }) {
  const t = useTranslations("similar");
  const [state, setState] = useState<State>({ status: "waiting" });
  const latest = useRef(0);
  /** Bumped by "Try again": the same text asked again. */
  const [attempt, setAttempt] = useState(0);
  const trimmed = text.trim();
  const enough = trimmed.length >= MIN_LENGTH;

  useEffect(() => {
    const request = ++latest.current;
    if (!enough) return;
    const timer = setTimeout(async () => {
      setState((s) => ({ status: "loading", previous: s.status === "done" ? s.claims : [] }));
      try {
        const result = await findSimilarClaimsAction({ text: trimmed, excludeArticleId });
        if (request !== latest.current) return;
        setState(result.ok ? { status: "done", claims: result.data } : { status: "error" });
      } catch {
        if (request === latest.current) setState({ status: "error" });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed, enough, excludeArticleId, attempt]);

  const claims = !enough
    ? []
    : state.status === "done"
      ? state.claims
      : state.status === "loading"
        ? state.previous
        : [];
  const loading = enough && state.status === "loading";

  return (
    <SimilarClaimsFrame
      title={t("title")}
      busy={loading}
      busyText={t("loading")}
      status={enough && state.status === "done" ? t("found", { count: state.claims.length }) : ""}
    >
      {!enough ? (
        <SimilarClaimsNote>{t("hint")}</SimilarClaimsNote>
      ) : state.status === "error" ? (
        <p role="alert" className="text-disputed px-4 py-4 text-sm">
          {t("error")}{" "}
          <button
            type="button"
            onClick={() => setAttempt((n) => n + 1)}
            className="font-medium underline underline-offset-2"
          >
            {t("retry")}
          </button>
        </p>
      ) : claims.length === 0 ? (
        <SimilarClaimsNote>{state.status === "done" ? t("none") : t("loading")}</SimilarClaimsNote>
      ) : (
        <ol className="divide-line divide-y">
          {claims.map((claim) => (
            <SimilarItem key={claim.id} claim={claim} />
          ))}
        </ol>
      )}
    </SimilarClaimsFrame>
  );
}

function SimilarItem({ claim }: { claim: SimilarClaim }) {
  const t = useTranslations("similar");
  const format = useFormatter();
  const date = format.dateTime(claim.checkedAt, { dateStyle: "medium" });
  return (
    <li className="space-y-1.5 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <VerdictBadge verdict={claim.verdict} />
        <span className="text-muted">
          {claim.stage === "approved" ? t("approvedOn", { date }) : t("ratedOn", { date })}
        </span>
      </div>
      <p className="text-ink text-sm font-medium">{bidiSafe(claim.statement)}</p>
      {claim.speaker ? <p className="text-muted text-xs">{t("speaker", { name: claim.speaker })}</p> : null}
      {claim.verdict === "uncommented" && claim.silentParty ? (
        <p className="text-muted text-sm">{t("silentParty", { party: upperFirst(claim.silentParty) })}</p>
      ) : null}
      {claim.verdictNote ? (
        <p className="text-muted line-clamp-3 text-sm">
          <span className="text-ink font-medium">{t("note")} </span>
          {bidiSafe(claim.verdictNote)}
        </p>
      ) : null}
      <a
        href={`/articles/${claim.articleId}?claim=${claim.id}`}
        target="_blank"
        rel="noopener"
        className="text-accent block text-sm font-medium hover:underline"
      >
        {t("open", { title: claim.articleTitle })}
        <ExternalLink aria-hidden className="ml-1 inline size-3.5 align-[-2px]" />
        <span className="sr-only">{t("newTab")}</span>
      </a>
    </li>
  );
}
