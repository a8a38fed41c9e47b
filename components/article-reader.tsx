"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Verdict } from "@/lib/review/model";
import { snapToWords } from "@/lib/text/anchor";
import { buildSegments } from "@/lib/text/segments";
import { DRAFT_MARK, markClass, suggestionClass } from "./reader-classes";
import { bidiSafe } from "@/lib/text/bidi";

export type ReaderClaim = { id: number; start: number; end: number; verdict: Verdict };
export type TextSpan = { start: number; end: number; quote: string };
export type ReaderSuggestion = { key: string; start: number; end: number };

/** The offset in the body of a DOM point inside the reader: every text piece carries its start. */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = element?.closest<HTMLElement>("[data-o]");
  if (!piece) return null;
  const base = Number(piece.dataset.o);
  if (node.nodeType === Node.TEXT_NODE) return base + offset;
  // An element boundary: before its first or after its last character.
  return offset === 0 ? base : base + (piece.textContent?.length ?? 0);
}

export function ArticleReader({
  body,
  lang,
  claims,
  suggestions = [],
  selectedId,
  draftSpan = null,
  focusedSuggestion = null,
  canAdd,
  onSelectClaim,
  onSelectSuggestion,
  onAddClaim,
}: {
  body: string;
  lang: string;
  claims: ReaderClaim[];
  suggestions?: ReaderSuggestion[];
  selectedId: number | null;
  /** The words the claim form is anchored to while a claim is written or edited. */
  draftSpan?: { start: number; end: number } | null;
  focusedSuggestion?: string | null;
  canAdd: boolean;
  onSelectClaim: (id: number) => void;
  onSelectSuggestion?: (key: string) => void;
  onAddClaim: (span: TextSpan) => void;
}) {
  const t = useTranslations("article");
  const container = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<
    (TextSpan & { top: number; left: number; byKeyboard: boolean }) | null
  >(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Suggestions ride along as negative ids, and the form's words as id 0, so that one pass cuts
  // the text for all of them.
  const draftStart = draftSpan?.start ?? null;
  const draftEnd = draftSpan?.end ?? null;
  const paragraphs = useMemo(
    () =>
      buildSegments(body, [
        ...claims,
        ...suggestions.map((s, i) => ({ id: -(i + 1), start: s.start, end: s.end })),
        ...(draftStart !== null && draftEnd !== null && draftEnd > draftStart
          ? [{ id: 0, start: draftStart, end: draftEnd }]
          : []),
      ]),
    [body, claims, suggestions, draftStart, draftEnd],
  );
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);

  const readSelection = useCallback(
    (byKeyboard: boolean) => {
      const selection = window.getSelection();
      const root = container.current;
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root) {
        setPending(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
        setPending(null);
        return;
      }
      const rawStart = offsetOf(range.startContainer, range.startOffset);
      const rawEnd = offsetOf(range.endContainer, range.endOffset);
      if (rawStart === null || rawEnd === null) return;
      const { start, end } = snapToWords(body, Math.min(rawStart, rawEnd), Math.max(rawStart, rawEnd));
      if (end <= start) {
        setPending(null);
        return;
      }
      const rect = range.getBoundingClientRect();
      const box = root.getBoundingClientRect();
      setPending({
        start,
        end,
        quote: body.slice(start, end),
        top: rect.bottom - box.top + 6,
        left: Math.max(0, Math.min(rect.left - box.left, box.width - 160)),
        byKeyboard,
      });
    },
    [body],
  );

  useEffect(() => {
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) setPending(null);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  // A keyboard selection (caret browsing, F7) moves focus to "Add claim" so Enter adds it.
  useEffect(() => {
    if (pending?.byKeyboard) addButton.current?.focus();
  }, [pending]);

  useEffect(() => {
    if (draftStart === null) return;
    container.current?.querySelector('[data-draft="true"]')?.scrollIntoView({ block: "nearest" });
  }, [draftStart]);

  useEffect(() => {
    if (selectedId === null) return;
    const mark = container.current?.querySelector(`[data-claims~="${selectedId}"]`);
    mark?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selectedId]);

  const add = () => {
    if (!pending) return;
    onAddClaim({ start: pending.start, end: pending.end, quote: pending.quote });
    setPending(null);
    window.getSelection()?.removeAllRanges();
  };

  const pickClaim = (ids: number[]) => {
    if (ids.length === 0) return;
    // Overlaps: a second click on the same text moves to the next claim covering it.
    const current = selectedId === null ? -1 : ids.indexOf(selectedId);
    const sorted =
      current === -1
        ? [...ids].sort((a, b) => {
            const ca = byId.get(a)!;
            const cb = byId.get(b)!;
            return ca.end - ca.start - (cb.end - cb.start);
          })
        : ids;
    const next = current === -1 ? sorted[0]! : ids[(current + 1) % ids.length]!;
    onSelectClaim(next);
  };

  return (
    <div className="relative">
      <div
        ref={container}
        lang={lang}
        onMouseUp={() => readSelection(false)}
        onKeyUp={(e) => {
          if (e.key === "Shift") readSelection(true);
        }}
        className="text-ink selection:bg-accent/20 space-y-5 font-serif text-[1.075rem] leading-8"
        data-testid="article-body"
      >
        {paragraphs.map((p) => (
          <p key={p.start}>
            {p.segments.map((s) => {
              const claimIds = s.ids.filter((id) => id > 0);
              const suggestion = suggestions[-(s.ids.find((id) => id < 0) ?? 0) - 1];
              const inDraft = s.ids.includes(0);
              const draftMark = inDraft ? DRAFT_MARK : undefined;
              if (claimIds.length === 0 && suggestion) {
                return (
                  <span
                    key={s.start}
                    data-o={s.start}
                    data-suggestion={suggestion.key}
                    data-draft={inDraft || undefined}
                    onClick={() => {
                      if (window.getSelection()?.isCollapsed !== false) onSelectSuggestion?.(suggestion.key);
                    }}
                    className={suggestionClass({ focused: focusedSuggestion === suggestion.key, inDraft })}
                  >
                    {bidiSafe(body.slice(s.start, s.end))}
                  </span>
                );
              }
              return claimIds.length === 0 ? (
                <span key={s.start} data-o={s.start} data-draft={inDraft || undefined} className={draftMark}>
                  {bidiSafe(body.slice(s.start, s.end))}
                </span>
              ) : (
                <mark
                  key={s.start}
                  data-o={s.start}
                  data-claims={claimIds.join(" ")}
                  data-draft={inDraft || undefined}
                  onClick={() => {
                    if (window.getSelection()?.isCollapsed !== false) pickClaim(claimIds);
                  }}
                  className={markClass({
                    verdict: byId.get(s.ids[0]!)?.verdict ?? "unrated",
                    overlap: s.ids.filter((id) => id !== 0).length > 1,
                    selected: selectedId !== null && s.ids.includes(selectedId),
                    inDraft,
                  })}
                >
                  {bidiSafe(body.slice(s.start, s.end))}
                </mark>
              );
            })}
          </p>
        ))}
      </div>
      {pending && canAdd ? (
        <div className="absolute z-20" style={{ top: pending.top, left: pending.left }}>
          <button
            ref={addButton}
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={add}
            className="bg-ink rounded-md px-3 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-black"
            data-testid="add-claim-from-selection"
          >
            {t("addClaim")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
