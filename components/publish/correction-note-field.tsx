"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

/**
 * The correction note a change to a claim of a published summary needs (issue 16). The claim
 * form shows it once the server asks for it (reason correction_note_required) and sends it with
 * the next save.
 */
export function CorrectionNoteField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const t = useTranslations("publish");
  return (
    <Field id={id} label={t("correctionNote")} hint={t("correctionNoteHint")} error={error}>
      <textarea
        id={id}
        rows={3}
        className={inputClass}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
        data-testid="correction-note"
      />
    </Field>
  );
}
