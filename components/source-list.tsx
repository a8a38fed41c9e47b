// A claim's sources, each shown by its kind: a web page links out (and to the desk's snapshot when
// archived), a document is a download for signed-in accounts, a call, a message or a wire says who
// and when. Used by the article page, the claim page and the queue (namespace "evidence").
import { useTranslations } from "next-intl";
import { occurredText, sizeText, type FileRef, type SourceView } from "@/lib/evidence/sources";
import { bidiSafe } from "@/lib/text/bidi";
import { joinClasses } from "./ui/classes";

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

/**
 * A reply logged on one of the claim's requests for comment, shown among its sources: the evidence
 * it gives the new verdict. Read from the request (lib/data/comment-requests.ts), never copied.
 */
export type ReplySourceItem = {
  requestId: number;
  /** "Kyiv, 1 December at 16:00, by e-mail", worded on the server in the desk's zone. */
  heading: string;
  excerpt: string | null;
  document: FileRef | null;
};

function ReplyItem({ reply }: { reply: ReplySourceItem }) {
  const t = useTranslations("evidence");
  return (
    <>
      <span className="text-muted">{t("kinds.reply")} · </span>
      {t("reply", { heading: bidiSafe(reply.heading) })}
      {reply.excerpt ? (
        <q className="text-muted block whitespace-pre-line">{bidiSafe(reply.excerpt)}</q>
      ) : null}
      {reply.document ? (
        <span className="text-muted block">
          <Download file={reply.document} label={bidiSafe(reply.document.name)} /> (
          {sizeText(reply.document.size)},{" "}
          <span title={reply.document.sha256}>
            {t("hash", { hash: reply.document.sha256.slice(0, 12) })}…
          </span>
          )
        </span>
      ) : null}
    </>
  );
}

export function SourceList({
  sources,
  replies = [],
  className,
}: {
  sources: SourceView[];
  /** Replies logged on the claim's requests for comment: sources too, after the typed ones. */
  replies?: ReplySourceItem[];
  className?: string;
}) {
  return (
    <ul className={joinClasses("space-y-1", className)} data-testid="source-list">
      {sources.map((source, i) => (
        <li key={i} className="[overflow-wrap:anywhere]" data-kind={source.kind}>
          <SourceItem source={source} />
        </li>
      ))}
      {replies.map((reply) => (
        <li key={`reply-${reply.requestId}`} className="[overflow-wrap:anywhere]" data-kind="reply">
          <ReplyItem reply={reply} />
        </li>
      ))}
    </ul>
  );
}
