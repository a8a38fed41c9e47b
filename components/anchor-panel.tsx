"use client";
// On a claim the article's new revision flagged: the old and new wording side by side (changed),
// the passages to pick from (ambiguous), or the new text to select words in (orphaned, or any).

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, useTransition } from "react";
import { resolveAnchorAction } from "@/app/(app)/articles/[id]/revisions/actions";
import { describeError } from "@/lib/errors/text";
import type { AnchorStateName } from "@/lib/review/model";
import { snapToWords } from "@/lib/text/anchor";
import { bidiSafe } from "@/lib/text/bidi";
import { splitParagraphs } from "@/lib/text/normalise";
import type { AnchorProposal } from "@/lib/text/reanchor-claims";
import type { ResolveAnchorFormInput } from "@/lib/validation/revision";
import { wordDiff } from "@/lib/text/word-diff";
import { RevisionDiff } from "./revision-diff";
import { callAction, isRetryable } from "./ui/action";
import { Button } from "./ui/button";
import { NoticeLine, type Notice } from "./ui/notice-line";

type Span = { start: number; end: number; quote: string };

const CONTEXT = 60;

function InContext({ body, start, end }: { body: string; start: number; end: number }) {
  return (
    <span className="font-serif">
      {start > CONTEXT ? "…" : ""}
      {bidiSafe(body.slice(Math.max(0, start - CONTEXT), start))}
      <mark className="bg-accent/15 rounded-sm px-px font-semibold">{bidiSafe(body.slice(start, end))}</mark>
      {bidiSafe(body.slice(end, end + CONTEXT))}
      {end + CONTEXT < body.length ? "…" : ""}
    </span>
  );
}

/** The new text, where words can be selected with the mouse or the keyboard (Shift + arrows). */
function TextPicker({ body, lang, onPick }: { body: string; lang: string; onPick: (span: Span) => void }) {
  const root = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);
  const read = () => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root.current) return;
    const range = selection.getRangeAt(0);
    const offset = (node: Node, at: number) => {
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
      const piece = element?.closest<HTMLElement>("[data-o]");
      if (!piece || !root.current?.contains(piece)) return null;
      const base = Number(piece.dataset.o);
      if (node.nodeType === Node.TEXT_NODE) return base + at;
      return at === 0 ? base : base + (piece.textContent?.length ?? 0);
    };
    const a = offset(range.startContainer, range.startOffset);
    const b = offset(range.endContainer, range.endOffset);
    if (a === null || b === null) return;
    const { start, end } = snapToWords(body, Math.min(a, b), Math.max(a, b));
    if (end > start) onPick({ start, end, quote: body.slice(start, end) });
  };
  return (
    <div
      ref={root}
      lang={lang}
      tabIndex={0}
      onMouseUp={read}
      onKeyUp={(e) => {
        if (e.shiftKey || e.key === "Shift") read();
      }}
      className="border-line selection:bg-accent/20 max-h-96 space-y-3 overflow-y-auto rounded-md border bg-white p-3 font-serif leading-relaxed"
      data-testid="anchor-text"
    >
      {paragraphs.map((p) => (
        <p key={p.start}>
          <span data-o={p.start}>{bidiSafe(p.text)}</span>
        </p>
      ))}
    </div>
  );
}

export function AnchorPanel({
  claim,
  body,
  lang,
  latestRevision,
}: {
  claim: {
    id: number;
    version: number;
    quote: string;
    anchorState: AnchorStateName;
    anchorRevision: number;
    anchorProposal: AnchorProposal | null;
  };
  body: string;
  lang: string;
  latestRevision: number;
}) {
  const t = useTranslations("anchors");
  const words = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState<Span | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, startTransition] = useTransition();
  const proposal = claim.anchorProposal;

  function resolve(input: ResolveAnchorFormInput) {
    startTransition(async () => {
      const result = await callAction(() => resolveAnchorAction(input));
      if (!result.ok) {
        setNotice({
          kind: "error",
          text: t("failed", { message: describeError(words, result) }),
          retry: isRetryable(result) ? () => resolve(input) : undefined,
        });
        return;
      }
      setNotice({ kind: "done", text: t("done") });
      router.refresh();
    });
  }
  const ref = { id: claim.id, version: claim.version };

  return (
    <section
      aria-labelledby="anchor-panel-title"
      className="border-uncommented/40 space-y-4 rounded-lg border bg-white p-5"
      data-testid="anchor-panel"
      data-state={claim.anchorState}
    >
      <h2 id="anchor-panel-title" className="font-semibold">
        {t("panelTitle")} · {t(`state.${claim.anchorState}`)}
      </h2>
      <p className="text-muted text-sm">{t("onRevision", { revision: claim.anchorRevision })}</p>
      {proposal?.state === "changed" ? (
        <div className="space-y-3">
          <div className="grid gap-3 md:grid-cols-2">
            <figure className="space-y-1">
              <figcaption className="text-muted text-xs font-medium uppercase">
                {t("oldWording", { revision: claim.anchorRevision })}
              </figcaption>
              <blockquote className="border-line border-l-2 pl-3 font-serif" data-testid="anchor-old">
                {bidiSafe(claim.quote)}
              </blockquote>
            </figure>
            <figure className="space-y-1">
              <figcaption className="text-muted text-xs font-medium uppercase">
                {t("newWording", { revision: latestRevision })}
              </figcaption>
              <blockquote className="border-accent border-l-2 pl-3 font-serif" data-testid="anchor-new">
                {bidiSafe(proposal.quote)}
              </blockquote>
            </figure>
          </div>
          <RevisionDiff pieces={wordDiff(claim.quote, proposal.quote, [], [])} lang={lang} />
          <p className="text-muted text-sm">{t("changedHelp")}</p>
          <Button disabled={pending} onClick={() => resolve({ ...ref, how: "accepted" })}>
            {t("accept")}
          </Button>
        </div>
      ) : null}
      {proposal?.state === "ambiguous" ? (
        <div className="space-y-3">
          <p className="text-sm">{t("pickHelp")}</p>
          <blockquote className="border-line border-l-2 pl-3 font-serif">{bidiSafe(claim.quote)}</blockquote>
          <ol className="space-y-3">
            {proposal.candidates.map((c, i) => (
              <li key={c.start} className="border-line space-y-2 rounded-md border p-3 text-sm">
                <p className="text-muted text-xs font-medium">
                  {t("candidate", { n: i + 1 })} · {t("score", { score: Math.round(c.score * 100) })}
                </p>
                <p>
                  <InContext body={body} start={c.start} end={c.end} />
                </p>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending}
                  onClick={() => resolve({ ...ref, how: "picked", start: c.start, end: c.end })}
                >
                  {t("pick", { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {proposal?.state === "orphaned" ? (
        <div className="space-y-3">
          <p className="text-sm">{t("orphanHelp")}</p>
          <blockquote className="border-line border-l-2 pl-3 font-serif">{bidiSafe(claim.quote)}</blockquote>
          {proposal.nearest ? (
            <p className="text-muted text-sm">{t("nearest", { quote: proposal.nearest.quote })}</p>
          ) : null}
        </div>
      ) : null}
      <TextPicker body={body} lang={lang} onPick={setSelected} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm" aria-live="polite" data-testid="anchor-selected">
          {selected ? t("selected", { quote: selected.quote }) : t("noSelection")}
        </p>
        <Button
          variant={proposal?.state === "orphaned" ? "primary" : "secondary"}
          disabled={pending || !selected}
          onClick={() => selected && resolve({ ...ref, how: "selected", ...selected })}
        >
          {t("useSelection")}
        </Button>
      </div>
      <NoticeLine notice={notice} />
    </section>
  );
}
