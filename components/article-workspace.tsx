"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  claimDetailsAction,
  submitClaimAction,
  submitRatedClaimsAction,
} from "@/app/(app)/articles/[id]/actions";
import { describeError } from "@/lib/errors/text";
import { callAction } from "./ui/action";
import { fullClaim, type ClaimDetails, type ListClaim, type WorkspaceClaim } from "./workspace-claim";
import type { AddedVariant, Suggestion } from "@/lib/claims";
import type { Language } from "@/lib/review/model";
import { ArticleReader, type TextSpan } from "./article-reader";
import { suggestionKey, type SuggestionState } from "./claim-suggestion-key";
import type { SuggestMessage, SuggestRequest } from "./suggest.worker";
import type { ClaimDraft, ClaimFormViewer } from "./claim-form";
// Plain: the workspace is in the page's first load, and its buttons' classes only add.
import { PlainButton as Button } from "./ui/button-plain";
import { joinClasses } from "./ui/classes";
import { StageBadge, VerdictBadge } from "./verdict-badge";
import { bidiSafe } from "@/lib/text/bidi";

// The claim form (with react-hook-form, ~14 kB gzipped) loads when a claim is added or edited,
// not with the page: reading an article needs none of it. Its words come with it
// (components/claim-form-messages.ts): the page does not send them.
const ClaimForm = dynamic(() => import("./claim-form-intl").then((m) => m.ClaimFormIntl), {
  loading: () => <div aria-busy="true" className="h-40" />,
});
// The analyser's suggestions show after a click on their button.
const ClaimSuggestions = dynamic(() => import("./claim-suggestions").then((m) => m.ClaimSuggestions), {
  loading: () => <div aria-busy="true" className="h-40" />,
});
// An opened claim's details (its sources among them) show once loaded (components/workspace-claim.ts).
const ClaimDetailsView = dynamic(() => import("./claim-details-view").then((m) => m.ClaimDetailsView));
// A claim's thread shows with its details, when the claim is opened.
const ThreadPanel = dynamic(() => import("./thread-panel").then((m) => m.ThreadPanel));

type Panel =
  | { mode: "list" }
  | { mode: "suggestions" }
  | { mode: "new"; draft: ClaimDraft; back?: "suggestions" }
  | { mode: "edit"; claim: WorkspaceClaim };

export function ArticleWorkspace({
  article,
  claims,
  speakers,
  variants = [],
  canEdit,
  viewer,
  extraPanel,
  replyTimes,
}: {
  article: { id: number; body: string; language: Language };
  /** The list's lines; an opened claim's details load when it is opened (components/workspace-claim.ts). */
  claims: ListClaim[];
  speakers: string[];
  /** The desk's own name variants, for the suggester's speaker names. */
  variants?: AddedVariant[];
  canEdit: boolean;
  viewer?: ClaimFormViewer;
  extraPanel?: React.ReactNode;
  /** Default times of a request for comment given in the claim form (desk's zone). */
  replyTimes?: { askedAt: string; deadline: string };
}) {
  const tw = useTranslations("claimWork");
  // The words the open form is anchored to, highlighted in the article while the claim is written.
  const [formSpan, setFormSpan] = useState<{ start: number; end: number } | null>(null);
  const ratedDrafts = claims.filter((c) => c.stage === "draft" && c.verdict !== "unrated");
  const t = useTranslations("article");
  const words = useTranslations();
  const router = useRouter();
  const searchParams = useSearchParams();
  const initial = Number(searchParams.get("claim"));
  const [selectedId, setSelectedId] = useState<number | null>(
    claims.some((c) => c.id === initial) ? initial : null,
  );
  const [panel, setPanel] = useState<Panel>({ mode: "list" });
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const listRef = useRef<HTMLOListElement>(null);
  const ts = useTranslations("suggest");
  const [suggestion, setSuggestion] = useState<SuggestionState>({ status: "idle" });
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [focusedSuggestion, setFocusedSuggestion] = useState<string | null>(null);

  const [showHidden, setShowHidden] = useState(false);
  // The opened claim's details, by claim id; asked again when the page's claims change (a refresh
  // after a save, a live update, a message in its thread), the shown ones kept meanwhile.
  const [details, setDetails] = useState<ReadonlyMap<number, ClaimDetails | { failed: string }>>(new Map());
  useEffect(() => {
    if (selectedId === null) return;
    let current = true;
    void callAction(() => claimDetailsAction({ id: selectedId })).then((result) => {
      if (!current) return;
      const value = result.ok ? result.data : { failed: describeError(words, result) };
      setDetails((prev) => new Map(prev).set(selectedId, value));
    });
    return () => {
      current = false;
    };
    // `words` is stable for a language; the claims' identity changes on every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, claims]);

  const claimedSpans = new Set(claims.map((c) => suggestionKey(c)));
  const openSuggestions =
    suggestion.status === "ready"
      ? suggestion.items.filter(
          (s) => !dismissed.has(suggestionKey(s)) && !claimedSpans.has(suggestionKey(s)),
        )
      : [];
  // Suggestions below the threshold are hidden until the editor asks for them.
  const hiddenCount = openSuggestions.filter((s) => s.hidden).length;
  const visibleSuggestions = showHidden ? openSuggestions : openSuggestions.filter((s) => !s.hidden);

  const runSuggestions = () => {
    setPanel({ mode: "suggestions" });
    setSuggestion({ status: "running", done: 0, total: 0 });
    const worker = new Worker(new URL("./suggest.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<SuggestMessage>) => {
      const message = event.data;
      if (message.type === "progress")
        setSuggestion({ status: "running", done: message.done, total: message.total });
      else {
        setSuggestion(
          message.type === "done"
            ? { status: "ready", items: message.suggestions }
            : { status: "failed", message: message.message },
        );
        if (message.type !== "done") console.error(message.message);
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      console.error(event.message);
      setSuggestion({ status: "failed", message: event.message });
      worker.terminate();
    };
    worker.postMessage({ body: article.body, language: article.language, variants } satisfies SuggestRequest);
  };

  const editSuggestion = (s: Suggestion) =>
    setPanel({
      mode: "new",
      back: "suggestions",
      draft: {
        start: s.start,
        end: s.end,
        quote: s.quote,
        statement: s.statement,
        speaker: s.speaker ?? "",
        // The suggested verdict is shown beside the verdict field; only the editor gives one.
        suggestion: { verdict: s.verdict ?? null, silentParty: s.silentParty ?? "" },
      },
    });

  // The URL's ?claim= selects a claim on arrival (links from the queue); later selections stay
  // in component state, because a changed URL would remount the page on the next refresh.
  const select = (id: number | null) => setSelectedId(id);

  useEffect(() => {
    if (selectedId === null || panel.mode !== "list") return;
    listRef.current?.querySelector(`[data-claim-id="${selectedId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selectedId, panel.mode]);

  const openNew = (span: TextSpan) => setPanel({ mode: "new", draft: span });

  const addFromSelection = () => {
    const text = window.getSelection()?.toString().trim() ?? "";
    const start = text ? article.body.indexOf(text) : -1;
    // Words found more than once are not pinned to the first: the form asks which one.
    const once = start >= 0 && article.body.indexOf(text, start + 1) === -1;
    openNew(
      once
        ? { start, end: start + text.length, quote: text }
        : { start: 0, end: 0, quote: start >= 0 ? text : "" },
    );
  };

  const saved = (claim: Pick<WorkspaceClaim, "id">) => {
    setPanel(
      panel.mode === "new" && panel.back === "suggestions" ? { mode: "suggestions" } : { mode: "list" },
    );
    select(claim.id);
    setNotice(t("saved"));
    router.refresh();
  };

  const submitAllRated = () =>
    startTransition(async () => {
      const result = await callAction(() =>
        submitRatedClaimsAction({
          articleId: article.id,
          claims: ratedDrafts.map((c) => ({ id: c.id, version: c.version })),
        }),
      );
      if (result.ok) setNotice(tw("submitAll.done", { count: result.data.submitted }));
      else setNotice(describeError(words, result));
      router.refresh();
    });

  const submit = (claim: ListClaim) =>
    startTransition(async () => {
      const result = await callAction(() => submitClaimAction({ id: claim.id, version: claim.version }));
      if (result.ok) {
        setNotice(t("submitted"));
        router.refresh();
      } else setNotice(describeError(words, result));
    });

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <article
        className="border-line min-w-0 rounded-lg border bg-white px-6 py-8 sm:px-10"
        aria-label={t("bodyLabel")}
      >
        <ArticleReader
          body={article.body}
          lang={article.language === "other" ? "" : article.language}
          claims={claims}
          suggestions={visibleSuggestions.map((s) => ({ key: suggestionKey(s), start: s.start, end: s.end }))}
          focusedSuggestion={focusedSuggestion}
          onSelectSuggestion={(key) => {
            setPanel({ mode: "suggestions" });
            setFocusedSuggestion(key);
          }}
          selectedId={selectedId}
          draftSpan={panel.mode === "new" || panel.mode === "edit" ? formSpan : null}
          canAdd={canEdit}
          onSelectClaim={(id) => {
            setPanel({ mode: "list" });
            select(id);
          }}
          onAddClaim={openNew}
        />
      </article>

      <aside
        className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
        aria-label={t("claimsLabel")}
      >
        <div className="border-line rounded-lg border bg-white">
          {notice && panel.mode !== "new" && panel.mode !== "edit" ? (
            <p role="status" className="border-line text-muted border-b bg-slate-50 px-4 py-2 text-sm">
              {notice}
            </p>
          ) : null}
          {panel.mode === "suggestions" ? (
            <ClaimSuggestions
              articleId={article.id}
              state={
                suggestion.status === "ready" ? { status: "ready", items: visibleSuggestions } : suggestion
              }
              focusedKey={focusedSuggestion}
              hiddenCount={hiddenCount}
              showHidden={showHidden}
              onToggleHidden={() => setShowHidden((v) => !v)}
              onFocus={(key) => {
                setFocusedSuggestion(key);
                document
                  .querySelector(`[data-testid="article-body"] [data-suggestion="${key}"]`)
                  ?.scrollIntoView({ block: "center" });
              }}
              onEdit={editSuggestion}
              onDismiss={(keys) => setDismissed((prev) => new Set([...prev, ...keys]))}
              onRetry={runSuggestions}
              onAccepted={(_keys, report) => {
                setNotice(report);
                router.refresh();
              }}
              onClose={() => setPanel({ mode: "list" })}
            />
          ) : panel.mode === "list" ? (
            <>
              {/* The buttons go under the heading when both do not fit on one line (phones, French). */}
              <div className="border-line flex flex-wrap items-center justify-between gap-2 border-b px-4 py-3">
                <h2 className="text-sm font-semibold">{t("claimsHeading", { count: claims.length })}</h2>
                {canEdit ? (
                  <span className="flex flex-wrap gap-2">
                    <Button size="sm" variant="secondary" onClick={runSuggestions}>
                      {ts("button")}
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={addFromSelection}
                      title={t("addClaimHint")}
                    >
                      {t("addClaim")}
                    </Button>
                  </span>
                ) : null}
              </div>
              {canEdit && ratedDrafts.length > 0 ? (
                <div className="border-line border-b px-4 py-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={submitAllRated}
                    data-testid="submit-all-rated"
                  >
                    {tw("submitAll.button", { count: ratedDrafts.length })}
                  </Button>
                </div>
              ) : null}
              {claims.length === 0 ? (
                <div className="text-muted px-4 py-8 text-center text-sm">
                  <p className="text-ink font-medium">{t("emptyTitle")}</p>
                  <p className="mt-1">{t("emptyText")}</p>
                </div>
              ) : (
                <ol ref={listRef} className="divide-line divide-y" data-testid="claim-list">
                  {claims.map((claim, index) => {
                    const selected = claim.id === selectedId;
                    const shown = selected ? details.get(claim.id) : undefined;
                    // Details of an older version stay shown while the new ones load.
                    const d = shown && !("failed" in shown) ? shown : undefined;
                    return (
                      <li
                        key={claim.id}
                        data-claim-id={claim.id}
                        className={joinClasses(selected && "bg-accent/5")}
                      >
                        <button
                          type="button"
                          aria-expanded={selected}
                          onClick={() => select(selected ? null : claim.id)}
                          className="w-full px-4 py-3 text-left hover:bg-slate-50 focus-visible:bg-slate-50"
                        >
                          <span className="flex items-center gap-2">
                            <span className="text-muted text-xs tabular-nums">{index + 1}</span>
                            <VerdictBadge verdict={claim.verdict} />
                            <StageBadge stage={claim.stage} returned={claim.returned} />
                          </span>
                          <span className="text-ink mt-1.5 block text-sm font-medium">
                            {bidiSafe(claim.statement)}
                          </span>
                          {claim.speaker ? (
                            <span className="text-muted mt-0.5 block text-xs">{bidiSafe(claim.speaker)}</span>
                          ) : null}
                        </button>
                        {selected ? (
                          <div className="space-y-3 px-4 pb-4 text-sm" data-testid="claim-details">
                            <blockquote className="border-line text-muted border-l-2 pl-3 font-serif">
                              {bidiSafe(article.body.slice(claim.start, claim.end))}
                            </blockquote>
                            {shown && "failed" in shown ? (
                              <p role="alert" className="text-disputed">
                                {shown.failed}
                              </p>
                            ) : !d ? (
                              <p aria-busy="true" className="text-muted text-xs">
                                {words("common.loading")}
                              </p>
                            ) : (
                              <ClaimDetailsView claim={claim} details={d} />
                            )}
                            <div className="flex flex-wrap gap-2">
                              {canEdit ? (
                                <Button
                                  size="sm"
                                  disabled={!d || d.version !== claim.version}
                                  onClick={() =>
                                    d && setPanel({ mode: "edit", claim: fullClaim(claim, article.body, d) })
                                  }
                                >
                                  {t("edit")}
                                </Button>
                              ) : null}
                              {canEdit && claim.stage === "draft" ? (
                                <Button
                                  size="sm"
                                  variant="secondary"
                                  disabled={pending}
                                  onClick={() => submit(claim)}
                                >
                                  {t("submit")}
                                </Button>
                              ) : null}
                              <Link
                                href={`/articles/${article.id}/claims/${claim.id}`}
                                className="text-accent inline-flex h-8 items-center rounded-md px-3 text-sm font-medium hover:bg-slate-100"
                              >
                                {t("history")}
                              </Link>
                            </div>
                            {viewer && d ? (
                              <ThreadPanel claimId={claim.id} summary={d.thread} meId={viewer.id} />
                            ) : null}
                          </div>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              )}
            </>
          ) : (
            <div className="px-4 pt-4">
              <ClaimForm
                key={
                  panel.mode === "edit"
                    ? `edit-${panel.claim.id}-${panel.claim.version}`
                    : `new-${panel.draft.start}-${panel.draft.end}`
                }
                articleId={article.id}
                body={article.body}
                claim={panel.mode === "edit" ? panel.claim : undefined}
                draft={panel.mode === "new" ? panel.draft : undefined}
                speakers={speakers}
                viewer={viewer}
                replyTimes={replyTimes}
                onSpanChange={setFormSpan}
                onReturned={() => {
                  setPanel({ mode: "list" });
                  setNotice(tw("override.returned"));
                  router.refresh();
                }}
                onSaved={saved}
                onDeleted={() => {
                  setPanel({ mode: "list" });
                  select(null);
                  setNotice(t("deleted"));
                  router.refresh();
                }}
                onCancel={() =>
                  setPanel(
                    panel.mode === "new" && panel.back === "suggestions"
                      ? { mode: "suggestions" }
                      : { mode: "list" },
                  )
                }
              />
            </div>
          )}
        </div>
        {extraPanel}
      </aside>
    </div>
  );
}
