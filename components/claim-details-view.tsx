"use client";

// An opened claim's details on the article page, loaded with them (components/article-workspace.tsx):
// its note, the silent party, a return note, its sources and who rated and approved it.
import { useFormatter, useTranslations } from "next-intl";
import { bidiSafe } from "@/lib/text/bidi";
import { upperFirst } from "@/lib/text/upper-first";
import { SourceList } from "./source-list";
import type { ClaimDetails, ListClaim } from "./workspace-claim";

/** An opened claim's notes, sources and who rated and approved it (loaded when opened). */
export function ClaimDetailsView({ claim, details: d }: { claim: ListClaim; details: ClaimDetails }) {
  const t = useTranslations("article");
  const format = useFormatter();
  return (
    <>
      {claim.verdict === "uncommented" && d.silentParty ? (
        <p className="first-letter:uppercase">
          {t("didNotComment", { party: bidiSafe(upperFirst(d.silentParty)) })}
        </p>
      ) : null}
      {d.verdictNote ? <p className="text-ink">{bidiSafe(d.verdictNote)}</p> : null}
      {d.returnNote && claim.stage === "draft" ? (
        <p className="bg-uncommented-bg text-uncommented rounded-md px-3 py-2">
          {t("returnedNote", { name: d.returnedBy?.name ?? "?", note: bidiSafe(d.returnNote) })}
        </p>
      ) : null}
      {d.sources.length > 0 ? <SourceList sources={d.sources} /> : null}
      <p className="text-muted text-xs">
        {d.ratedBy && d.ratedAt
          ? t("ratedBy", {
              verdict: claim.verdict,
              name: d.ratedBy.name,
              time: format.dateTime(d.ratedAt, { dateStyle: "medium", timeStyle: "short" }),
            })
          : t("notRated")}
        {d.approvedBy && d.approvedAt
          ? ` · ${t("approvedBy", {
              name: d.approvedBy.name,
              time: format.dateTime(d.approvedAt, { dateStyle: "medium", timeStyle: "short" }),
            })}`
          : ""}
      </p>
    </>
  );
}
