"use client";

import { Download, X } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  BULK_FORMATS,
  CSV_SEPARATORS,
  defaultCsvSeparator,
  type BulkFormat,
  type CsvSeparatorName,
} from "@/lib/export/format-names";
import { failureFromProblem } from "@/lib/errors/text";
import { createRecordCounter } from "@/lib/export/progress";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { useErrorText } from "./ui/error-text";
import { Field, Input } from "./ui/field";

type Status =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number | null; bytes: number; format: BulkFormat }
  | { kind: "done"; fileName: string; href: string; count: number; bytes: number; format: BulkFormat }
  | { kind: "empty" }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

/** The file name from a Content-Disposition header (we send plain ASCII names). */
function fileNameFrom(header: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(header ?? "")?.[1] ?? fallback;
}

/** Starts the browser's download of a blob already in memory. */
function save(href: string, fileName: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The bulk export: reads the streamed download with fetch() and a reader, counting records
 * against the total the server sends first (X-Total-Records), then saves the file.
 */
export function BulkExportForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useTranslations("bulkExport");
  const describe = useErrorText();
  const format = useFormatter();
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [fileFormat, setFileFormat] = useState<BulkFormat>("jsonl");
  const o = useTranslations("exportOptions");
  const locale = useLocale();
  const [separator, setSeparator] = useState<CsvSeparatorName>(() => defaultCsvSeparator(locale));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);
  const objectUrl = useRef<string | null>(null);

  const releaseFile = () => {
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = null;
  };
  useEffect(
    () => () => {
      controller.current?.abort();
      releaseFile();
    },
    [],
  );

  const size = (bytes: number) =>
    bytes < 1_000_000
      ? format.number(Math.max(1, Math.round(bytes / 1000)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const unitNames = (kind: BulkFormat) => ({
    unit: t(`units.${kind}`),
    units: t(`units.${kind}Plural`),
  });

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!from || !to) return setError(t("dateRequired"));
    if (from > to) return setError(t("rangeReversed"));
    setError(null);
    releaseFile();
    const abort = new AbortController();
    controller.current = abort;
    const kind = fileFormat;
    setStatus({ kind: "running", done: 0, total: null, bytes: 0, format: kind });
    try {
      const query = new URLSearchParams({ format: kind, from, to });
      if (kind === "csv") query.set("separator", separator);
      const response = await fetch(`/exports/download?${query}`, { signal: abort.signal });
      if (!response.ok || !response.body) {
        const problem: unknown = await response.json().catch(() => null);
        setStatus({
          kind: "failed",
          message:
            response.status === 401
              ? t("sessionEnded")
              : describe.failure(failureFromProblem(problem, response.status)),
        });
        return;
      }
      const total = Number(response.headers.get("X-Total-Records") ?? "");
      const known = Number.isFinite(total) && response.headers.has("X-Total-Records") ? total : null;
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), `verified-articles.${kind}`);
      const counter = createRecordCounter(kind);
      const decoder = new TextDecoder();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        counter.push(decoder.decode(value, { stream: true }));
        setStatus({ kind: "running", done: counter.count, total: known, bytes, format: kind });
      }
      counter.push(decoder.decode());
      if (counter.count === 0) {
        setStatus({ kind: "empty" });
        return;
      }
      const blob = new Blob(parts, {
        type: response.headers.get("Content-Type") ?? "application/octet-stream",
      });
      const href = URL.createObjectURL(blob);
      objectUrl.current = href;
      save(href, fileName);
      setStatus({ kind: "done", fileName, href, count: counter.count, bytes, format: kind });
    } catch (caught) {
      setStatus(abort.signal.aborted ? { kind: "cancelled" } : { kind: "failed", message: t("failed") });
      if (!abort.signal.aborted) console.error(caught);
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  const running = status.kind === "running";
  const percent =
    status.kind === "running" && status.total
      ? Math.min(100, Math.round((status.done / status.total) * 100))
      : status.kind === "running" && status.total === 0
        ? 100
        : null;

  return (
    <div className="space-y-6">
      <form onSubmit={run} className="border-line space-y-6 rounded-lg border bg-white p-6" noValidate>
        <fieldset disabled={running} className="space-y-3">
          <legend className="text-ink text-sm font-semibold">{t("rangeLegend")}</legend>
          <div className="flex flex-wrap gap-4">
            <Field id="export-from" label={t("from")} className="w-48">
              <Input
                id="export-from"
                type="date"
                value={from}
                max={to || undefined}
                required
                onChange={(event) => setFrom(event.target.value)}
                aria-invalid={error !== null && (!from || from > to) ? true : undefined}
              />
            </Field>
            <Field id="export-to" label={t("to")} className="w-48">
              <Input
                id="export-to"
                type="date"
                value={to}
                min={from || undefined}
                required
                onChange={(event) => setTo(event.target.value)}
                aria-invalid={error !== null && (!to || from > to) ? true : undefined}
              />
            </Field>
          </div>
          {error ? (
            <p role="alert" className="text-disputed text-sm">
              {error}
            </p>
          ) : null}
        </fieldset>

        <fieldset disabled={running} className="space-y-3">
          <legend className="text-ink text-sm font-semibold">{t("formatLegend")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {BULK_FORMATS.map((kind) => (
              <label
                key={kind}
                className={cn(
                  "border-line flex cursor-pointer gap-3 rounded-md border p-3",
                  fileFormat === kind && "border-accent ring-accent/30 ring-2",
                )}
              >
                <input
                  type="radio"
                  name="format"
                  value={kind}
                  checked={fileFormat === kind}
                  onChange={() => setFileFormat(kind)}
                  className="accent-accent mt-1"
                />
                <span>
                  <span className="text-ink block text-sm font-medium">{t(`formats.${kind}`)}</span>
                  <span className="text-muted block text-xs">{t(`formatHints.${kind}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {fileFormat === "csv" ? (
            <fieldset className="space-y-1.5">
              <legend className="text-ink text-sm font-medium">{o("separatorLegend")}</legend>
              <div className="flex flex-wrap gap-x-5 gap-y-1">
                {CSV_SEPARATORS.map((name) => (
                  <label key={name} className="text-ink flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="separator"
                      value={name}
                      checked={separator === name}
                      onChange={() => setSeparator(name)}
                      className="accent-accent"
                    />
                    {o(`separators.${name}`)}
                  </label>
                ))}
              </div>
              <p className="text-muted text-xs">{o("separatorHint")}</p>
            </fieldset>
          ) : null}
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={running}>
            <Download aria-hidden className="size-4" />
            {t("download")}
          </Button>
          {running ? (
            <Button variant="secondary" onClick={() => controller.current?.abort()}>
              <X aria-hidden className="size-4" />
              {t("cancel")}
            </Button>
          ) : null}
        </div>
      </form>

      <div aria-live="polite" className="space-y-2">
        {status.kind === "running" ? (
          <>
            <div
              role="progressbar"
              aria-label={t("progressLabel")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
              className="h-2.5 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className={cn(
                  "bg-accent h-full rounded-full transition-[width]",
                  percent === null && "w-1/4 animate-pulse",
                )}
                style={percent === null ? undefined : { width: `${percent}%` }}
              />
            </div>
            <p className="text-muted text-sm tabular-nums" data-testid="export-progress">
              {status.total === null
                ? t("preparing")
                : t("progress", {
                    done: status.done,
                    total: status.total,
                    size: size(status.bytes),
                    ...unitNames(status.format),
                  })}
            </p>
          </>
        ) : null}
        {status.kind === "done" ? (
          <p role="status" className="text-confirmed text-sm">
            {t("done", {
              fileName: status.fileName,
              count: status.count,
              size: size(status.bytes),
              ...unitNames(status.format),
            })}{" "}
            <a href={status.href} download={status.fileName} className="text-accent underline">
              {t("saveAgain")}
            </a>
          </p>
        ) : null}
        {status.kind === "empty" ? (
          <p role="status" className="text-muted text-sm">
            {t("empty")}
          </p>
        ) : null}
        {status.kind === "cancelled" ? (
          <p role="status" className="text-muted text-sm">
            {t("cancelled")}
          </p>
        ) : null}
        {status.kind === "failed" ? (
          <p role="alert" className="text-disputed text-sm">
            {status.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
