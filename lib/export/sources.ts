// The sources of a claim in the exports: which of the desk's evidence goes out, and how each kind
// is worded in the article's language. Public exports carry no link to a kept file (those are
// served to signed-in accounts only, so a reader would get "sign in"); a document is named with its
// SHA-256 instead, and an archived page says when the desk kept it. Call notes and message texts
// stay on the desk: the export says who was called or who wrote, and when.
import type { SourceView } from "@/lib/evidence/sources";
import { httpUrl } from "./escape";
import type { LabelLanguage } from "./labels";
import type { SummarySource } from "./types";

export function toSummarySource(view: SourceView): SummarySource {
  return {
    kind: view.kind,
    url: view.url,
    title: view.title,
    party: view.party,
    occurredAt: view.occurredAt,
    agency: view.agency,
    reference: view.reference,
    description: view.kind === "other" ? view.body : null,
    document: view.file
      ? {
          name: view.file.name,
          mediaType: view.file.mediaType,
          size: view.file.size,
          sha256: view.file.sha256,
        }
      : null,
    archived: view.snapshot ? { at: view.snapshot.at, sha256: view.snapshot.sha256 } : null,
  };
}

/** One source as a line of an export: its words, the web link when it has one, and what follows it. */
export type SourceLine = { text: string; href: string | null; detail: string | null };

function when(value: string | null): string {
  return value ? `, ${value.replace("T", " ")}` : "";
}

const WORDS = {
  en: {
    archived: (day: string) => `archived by the desk on ${day}`,
    document: "Document",
    colon: ": ",
    call: (who: string) => `Call or interview with ${who}`,
    message: (who: string) => `E-mail or message from ${who}`,
    wire: (agency: string) => `${agency} wire`,
    reply: (heading: string) => `Reply from ${heading}`,
  },
  fr: {
    archived: (day: string) => `archivée par la rédaction le ${day}`,
    document: "Document",
    colon: "\u00a0: ",
    call: (who: string) => `Appel ou entretien avec ${who}`,
    message: (who: string) => `Courriel ou message de ${who}`,
    wire: (agency: string) => `Dépêche ${agency}`,
    reply: (heading: string) => `Réponse de ${heading}`,
  },
} as const;

export function sourceLine(source: SummarySource, lang: LabelLanguage): SourceLine {
  const w = WORDS[lang];
  switch (source.kind) {
    case "web": {
      const url = source.url ?? "";
      const href = httpUrl(url);
      const detail = source.archived ? w.archived(source.archived.at.slice(0, 10)) : null;
      if (href === null) return { text: source.title ? `${source.title} (${url})` : url, href: null, detail };
      return { text: source.title ?? href, href, detail };
    }
    case "document": {
      const name = source.document?.name ?? "";
      const text = `${w.document}${w.colon}${source.title ?? name}`;
      const hash = source.document ? `SHA-256 ${source.document.sha256}` : null;
      return { text, href: null, detail: source.title && name ? `${name}, ${hash}` : hash };
    }
    case "call":
      return { text: w.call(source.party ?? "?") + when(source.occurredAt), href: null, detail: null };
    case "message":
      return { text: w.message(source.party ?? "?") + when(source.occurredAt), href: null, detail: null };
    case "wire":
      return {
        text:
          w.wire(source.agency ?? "?") +
          (source.reference ? `, ${source.reference}` : "") +
          when(source.occurredAt),
        href: null,
        detail: null,
      };
    case "other":
      return { text: source.description ?? "", href: null, detail: null };
    case "reply": {
      const reply = source.reply;
      const quoted = reply?.excerpt ? `“${reply.excerpt}”` : null;
      const document = source.document
        ? `${w.document}${w.colon}${source.document.name}, SHA-256 ${source.document.sha256}`
        : null;
      const detail = [quoted, document].filter((part) => part !== null).join(" — ");
      return {
        text: w.reply(reply?.heading ?? source.party ?? "?"),
        href: null,
        detail: detail === "" ? null : detail,
      };
    }
  }
}

/** The line as plain text: "text (https://…), detail". */
export function sourcePlain(source: SummarySource, lang: LabelLanguage): string {
  const line = sourceLine(source, lang);
  const link = line.href && line.href !== line.text ? ` (${line.href})` : "";
  return `${line.text}${link}${line.detail ? ` — ${line.detail}` : ""}`;
}

/** A web page as an export source (tests and fixtures). */
export function webSource(url: string, title: string | null = null): SummarySource {
  return {
    kind: "web",
    url,
    title,
    party: null,
    occurredAt: null,
    agency: null,
    reference: null,
    description: null,
    document: null,
    archived: null,
  };
}
