"use client";

// The right of reply in the claim form (issue 17): an `uncommented` verdict enters the queue only
// when its silent party was asked for comment or recorded as not contacted. Here the editor does
// either in place, with the claim: the party is the claim's silent party, written once. "Already
// recorded, or later" sends nothing (the claim's page records requests too); the server decides.
// On a claim already saved, what is recorded (requests and "not contacted" notes) is read when the
// fieldset shows, so that the editor sees it before asking again.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { loadRightOfReplyAction } from "@/app/actions/right-of-reply";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { COMMENT_CHANNELS, type CommentChannel } from "@/lib/review/model";
import type { ClaimRightOfReplyInput } from "@/lib/validation/comment";

export type RightOfReplyMode = "none" | "asked" | "notContacted";

export type RightOfReplyDraft = {
  mode: RightOfReplyMode;
  channel: CommentChannel;
  askedAt: string;
  deadline: string;
  contactEmail: string;
  reason: string;
};

export function initialRightOfReply(times?: { askedAt: string; deadline: string }): RightOfReplyDraft {
  return {
    mode: "none",
    channel: "email",
    askedAt: times?.askedAt ?? "",
    deadline: times?.deadline ?? "",
    contactEmail: "",
    reason: "",
  };
}

/** What the server receives: nothing, a request, or a not-contacted note. */
export function rightOfReplyInput(draft: RightOfReplyDraft): ClaimRightOfReplyInput | undefined {
  if (draft.mode === "asked") {
    return {
      kind: "asked",
      channel: draft.channel,
      askedAt: draft.askedAt,
      deadline: draft.deadline,
      contactEmail: draft.contactEmail,
    };
  }
  if (draft.mode === "notContacted") return { kind: "notContacted", reason: draft.reason };
  return undefined;
}

/** The lines already recorded on a saved claim; null while they load, or for a new claim. */
function useRecorded(claimId: number | undefined): string[] | null {
  const [lines, setLines] = useState<string[] | null>(null);
  useEffect(() => {
    if (claimId === undefined) return;
    let current = true;
    loadRightOfReplyAction({ claimId }).then(
      (result) => {
        if (current && result.ok) setLines(result.data.lines);
      },
      // Not read (offline, signed out): the fieldset works without it, as for a new claim.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [claimId]);
  return lines;
}

export function ClaimRightOfReply({
  idPrefix,
  claimId,
  party,
  value,
  onChange,
  errors,
  message,
}: {
  idPrefix: string;
  /** The saved claim whose record to show; none for a claim not saved yet. */
  claimId?: number;
  party: string;
  value: RightOfReplyDraft;
  onChange: (next: RightOfReplyDraft) => void;
  /** Field errors by name (askedAt, deadline, contactEmail, reason, _), as message keys. */
  errors: Record<string, string | undefined>;
  message: (key: string | undefined) => string | undefined;
}) {
  const t = useTranslations("reply");
  const recorded = useRecorded(claimId);
  const id = (name: string) => `${idPrefix}-ror-${name}`;
  const set = (patch: Partial<RightOfReplyDraft>) => onChange({ ...value, ...patch });
  const who = party.trim() === "" ? "…" : party.trim();
  const modes: RightOfReplyMode[] = ["none", "asked", "notContacted"];
  const modeLabel = { none: t("formNone"), asked: t("formAsked"), notContacted: t("formNotContacted") };
  return (
    <fieldset
      className="border-uncommented/40 space-y-3 rounded-md border px-3 py-3"
      data-testid="claim-right-of-reply"
      aria-describedby={id("hint")}
    >
      <legend className="px-1 text-sm font-medium">{t("formLegend")}</legend>
      <p id={id("hint")} className="text-muted text-xs">
        {t("formHint", { party: who })}
      </p>
      {recorded && recorded.length > 0 ? (
        <div className="text-xs" data-testid="claim-right-of-reply-recorded">
          <p className="font-medium">{t("formRecordedTitle")}</p>
          <ul className="text-muted mt-0.5 list-disc space-y-0.5 ps-4">
            {recorded.map((line, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {errors._ ? (
        <p role="alert" className="text-disputed text-xs">
          {message(errors._)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3 text-sm">
        {modes.map((mode) => (
          <label key={mode} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={id("mode")}
              value={mode}
              checked={value.mode === mode}
              onChange={() => set({ mode })}
            />
            {modeLabel[mode]}
          </label>
        ))}
      </div>
      {value.mode === "asked" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("channel")} label={t("channel")}>
            <Select
              id={id("channel")}
              value={value.channel}
              onChange={(e) => set({ channel: e.target.value as CommentChannel })}
            >
              {COMMENT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("contactEmail")} label={t("contactEmail")} error={message(errors.contactEmail)}>
            <Input
              id={id("contactEmail")}
              type="email"
              value={value.contactEmail}
              aria-invalid={errors.contactEmail ? true : undefined}
              onChange={(e) => set({ contactEmail: e.target.value })}
            />
          </Field>
          <Field id={id("askedAt")} label={t("askedAt")} error={message(errors.askedAt)}>
            <Input
              id={id("askedAt")}
              type="datetime-local"
              value={value.askedAt}
              aria-invalid={errors.askedAt ? true : undefined}
              onChange={(e) => set({ askedAt: e.target.value })}
            />
          </Field>
          <Field id={id("deadline")} label={t("deadline")} error={message(errors.deadline)}>
            <Input
              id={id("deadline")}
              type="datetime-local"
              value={value.deadline}
              aria-invalid={errors.deadline ? true : undefined}
              onChange={(e) => set({ deadline: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
      {value.mode === "notContacted" ? (
        <Field id={id("reason")} label={t("reason")} error={message(errors.reason)}>
          <Textarea
            id={id("reason")}
            rows={2}
            value={value.reason}
            aria-invalid={errors.reason ? true : undefined}
            onChange={(e) => set({ reason: e.target.value })}
          />
        </Field>
      ) : null}
    </fieldset>
  );
}
