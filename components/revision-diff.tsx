// Two revisions compared word by word, the claims' words highlighted on both sides.
import { useTranslations } from "next-intl";
import type { DiffPiece } from "@/lib/text/word-diff";
import { bidiSafe } from "@/lib/text/bidi";
import { cn } from "./ui/cn";

export function RevisionDiff({ pieces, lang }: { pieces: DiffPiece[]; lang: string }) {
  const t = useTranslations("revisions");
  if (!pieces.some((p) => p.kind !== "same")) return <p className="text-muted text-sm">{t("noDiff")}</p>;
  return (
    <div
      lang={lang}
      className="border-line max-w-prose rounded-lg border bg-white p-4 font-serif leading-relaxed break-words whitespace-pre-wrap"
      data-testid="revision-diff"
    >
      {pieces.map((piece, i) => {
        const claimed = piece.claims.length > 0;
        const text = bidiSafe(piece.text);
        const mark = claimed ? (
          <mark
            className="bg-accent/15 rounded-sm text-inherit"
            title={t("claimWords", { ids: piece.claims.map((id) => `#${id}`).join(", ") })}
            data-claims={piece.claims.join(" ")}
          >
            {text}
          </mark>
        ) : (
          text
        );
        if (piece.kind === "same") return <span key={i}>{mark}</span>;
        const Tag = piece.kind === "added" ? "ins" : "del";
        return (
          <Tag
            key={i}
            className={cn(
              piece.kind === "added"
                ? "bg-confirmed-bg text-confirmed underline decoration-2"
                : "bg-disputed-bg text-disputed line-through",
            )}
            aria-label={undefined}
          >
            <span className="sr-only">[{piece.kind === "added" ? t("added_words") : t("removed")}: </span>
            {mark}
            <span className="sr-only">]</span>
          </Tag>
        );
      })}
    </div>
  );
}
