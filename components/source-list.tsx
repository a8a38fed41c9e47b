// A claim's sources, each shown by its kind: a web page links out (and to the desk's snapshot when
// archived), a document is a download for signed-in accounts, a call, a message or a wire says who
// and when. Used by the article page, the claim page and the queue (namespace "evidence").
import { useTranslations } from "next-intl";
import { occurredText, sizeText, type FileRef, type SourceView } from "@/lib/evidence/sources";
import { bidiSafe } from "@/lib/text/bidi";
import { cn } from "./ui/cn";

const LINK = "text-accent underline-offset-2 hover:underline";

/** Where a signed-in account downloads a kept file. */
export function fileHref(file: Pick<FileRef, "id">): string {
  return `/files/${file.id}`;
}

function Download({ file, label }: { file: FileRef; label: string }) {
  return (
    <a href={fileHref(file)} download className={LINK} data-testid="source-download">
      {label}
    </a>
  );
}

export function SourceItem({ source }: { source: SourceView }) {
  const t = useTranslations("evidence");
  const when = occurredText(source.occurredAt);
  const kind = <span className="text-muted">{t(`kinds.${source.kind}`)} · </span>;
  switch (source.kind) {
    case "web": {
      const url = source.url ?? "";
      return (
        <>
          <a href={url} target="_blank" rel="noreferrer noopener" className={LINK}>
            {bidiSafe(source.title ?? url.replace(/^https?:\/\//, ""))}
          </a>
          {source.snapshot ? (
            <span className="text-muted">
              {" · "}
              <Download
                file={source.snapshot}
                label={t("archived", { at: source.snapshot.at.slice(0, 16).replace("T", " ") })}
              />
            </span>
          ) : null}
        </>
      );
    }
    case "document":
      return (
        <>
          {kind}
          {source.file ? (
            <>
              <Download file={source.file} label={bidiSafe(source.title ?? source.file.name)} />
              <span className="text-muted">
                {" "}
                ({sizeText(source.file.size)},{" "}
                <span title={source.file.sha256}>
                  {t("hash", { hash: source.file.sha256.slice(0, 12) })}…
                </span>
                )
              </span>
            </>
          ) : (
            bidiSafe(source.title)
          )}
        </>
      );
    case "call":
    case "message":
      return (
        <>
          {t(source.kind, { party: bidiSafe(source.party) })}
          {when ? <span className="text-muted">, {when}</span> : null}
          {source.body ? (
            <span className="text-muted block whitespace-pre-line">{bidiSafe(source.body)}</span>
          ) : null}
        </>
      );
    case "wire":
      return (
        <>
          {t("wire", { agency: bidiSafe(source.agency) })}
          {source.reference ? `, ${bidiSafe(source.reference)}` : null}
          {when ? <span className="text-muted">, {when}</span> : null}
        </>
      );
    case "other":
      return (
        <>
          {kind}
          <span className="whitespace-pre-line">{bidiSafe(source.body)}</span>
        </>
      );
  }
}

export function SourceList({ sources, className }: { sources: SourceView[]; className?: string }) {
  return (
    <ul className={cn("space-y-1", className)} data-testid="source-list">
      {sources.map((source, i) => (
        <li key={i} className="[overflow-wrap:anywhere]" data-kind={source.kind}>
          <SourceItem source={source} />
        </li>
      ))}
    </ul>
  );
}
