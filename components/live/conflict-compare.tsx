"use client";
// A stale save in the claim form: the claim as the other person saved it (the current claim the
// 409 brings back) beside what I typed, field by field, with the choice for each of keeping mine
// or taking theirs. Fields only they changed start on theirs, so keeping the rest of mine never
// undoes their work unseen; fields I changed start on mine.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ClaimFormInput } from "@/lib/validation/claim";
import { bidiSafe } from "@/lib/text/bidi";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

export type ComparedField =
  "statement" | "quote" | "speaker" | "verdict" | "verdictNote" | "silentParty" | "sources";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function ConflictCompare({
  by,
  at,
  mine,
  theirs,
  original,
  fields,
  onApply,
}: {
  by: string;
  at: string;
  mine: ClaimFormInput;
  theirs: ClaimFormInput;
  /** What the form opened with, to tell who changed what. */
  original?: Partial<ClaimFormInput>;
  fields: readonly ComparedField[];
  /** The values to go on with (the form then saves over the current version). */
  onApply: (values: ClaimFormInput) => void;
}) {
  const t = useTranslations("live.conflict");
  const tf = useTranslations("claimForm.fields");
  const tv = useTranslations("verdicts");
  const format = useFormatter();
  const baseId = useId();
  const differing = fields.filter((f) => !same(mine[f], theirs[f]));
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>(() =>
    Object.fromEntries(differing.map((f) => [f, original && same(mine[f], original[f]) ? "theirs" : "mine"])),
  );

  const merged = (pick: (f: ComparedField) => "mine" | "theirs"): ClaimFormInput => {
    const values: ClaimFormInput = { ...mine, sources: [...mine.sources] };
    for (const f of differing) {
      if (pick(f) !== "theirs") continue;
      if (f === "sources") values.sources = [...theirs.sources];
      else if (f === "verdict") values.verdict = theirs.verdict;
      else values[f] = theirs[f];
      if (f === "quote") {
        values.start = theirs.start;
        values.end = theirs.end;
      }
    }
    return values;
  };

  const show = (f: ComparedField, values: ClaimFormInput) => {
    if (f === "sources") {
      if (values.sources.length === 0) return <span className="text-muted italic">{t("empty")}</span>;
      return (
        <ul className="list-disc space-y-0.5 pl-4">
          {values.sources.map((s, i) => (
            <li key={i} className="break-all">
              {bidiSafe(s.title ? `${s.title} — ${s.url}` : s.url)}
            </li>
          ))}
        </ul>
      );
    }
    if (f === "verdict") return tv(values.verdict);
    const text = String(values[f] ?? "").trim();
    return text ? (
      <span className="break-words whitespace-pre-wrap">{bidiSafe(text)}</span>
    ) : (
      <span className="text-muted italic">{t("empty")}</span>
    );
  };

  const time = format.dateTime(new Date(at), { timeStyle: "short", dateStyle: "short" });
  return (
    <div
      role="alert"
      className="border-uncommented/40 bg-uncommented-bg space-y-3 rounded-md border px-3 py-2 text-sm"
      data-testid="conflict-compare"
    >
      <p className="font-medium">{t("title", { name: bidiSafe(by), time })}</p>
      {differing.length === 0 ? (
        <>
          <p>{t("same")}</p>
          <Button size="sm" variant="secondary" onClick={() => onApply(mine)}>
            {t("allMine")}
          </Button>
        </>
      ) : (
        <>
          <p>{t("intro")}</p>
          {differing.map((f) => (
            <fieldset key={f} className="space-y-1.5" data-testid={`conflict-${f}`}>
              <legend className="text-xs font-semibold tracking-wide uppercase">{tf(f)}</legend>
              <div className="grid gap-2">
                {(["mine", "theirs"] as const).map((side) => {
                  const inputId = `${baseId}-${f}-${side}`;
                  const chosen = choice[f] === side;
                  return (
                    <label
                      key={side}
                      htmlFor={inputId}
                      className={cn(
                        "block cursor-pointer space-y-1 rounded-md border bg-white px-2.5 py-2 has-[:focus-visible]:ring-2",
                        chosen ? "border-ink ring-ink/20 ring-1" : "border-line",
                      )}
                    >
                      <span className="flex items-center gap-2 text-xs font-medium">
                        <input
                          id={inputId}
                          type="radio"
                          name={`${baseId}-${f}`}
                          checked={chosen}
                          onChange={() => setChoice((c) => ({ ...c, [f]: side }))}
                        />
                        {side === "mine" ? t("keepMine") : t("takeTheirsOf", { name: bidiSafe(by) })}
                      </span>
                      <span className="block" data-testid={`conflict-${f}-${side}`}>
                        {show(f, side === "mine" ? mine : theirs)}
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => onApply(merged((f) => choice[f] ?? "mine"))}>
              {t("apply")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onApply(merged(() => "theirs"))}>
              {t("allTheirs")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onApply(mine)}>
              {t("allMine")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
