"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { mentionAtCaret } from "@/lib/text/mentions";
import { MESSAGE_MAX } from "@/lib/validation/limits";
import type { Mentionable } from "./thread-types";

const SUGGESTIONS = 6;

/**
 * A message box with @mention autocomplete: typing "@" and letters opens a listbox of the active
 * accounts that match (name or handle); ↑/↓ move, Enter or Tab picks, Escape closes (the
 * textarea keeps focus, as in the ARIA combobox pattern). Ctrl+Enter (⌘+Enter) sends.
 */
export function ThreadComposer({
  mentionable,
  initial = "",
  label,
  submitLabel,
  busy,
  error,
  autoFocus,
  onSubmit,
  onCancel,
}: {
  mentionable: Mentionable[];
  initial?: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useTranslations("threads");
  const te = useTranslations("errors");
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const matches = mention
    ? mentionable
        .filter((m) => {
          const q = mention.query.toLowerCase();
          return (
            m.handle.startsWith(q) ||
            m.name
              .toLowerCase()
              .split(/\s+/)
              .some((w) => w.startsWith(q))
          );
        })
        .slice(0, SUGGESTIONS)
    : [];
  const open = mention !== null;
  const tooLong = text.length > MESSAGE_MAX;
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const track = (value: string, caret: number) => {
    const found = mentionAtCaret(value, caret);
    setMention(found);
    setActive(0);
  };

  const pick = (person: Mentionable) => {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const next = `${text.slice(0, mention.start)}@${person.handle} ${text.slice(caret)}`;
    setText(next);
    setMention(null);
    const position = mention.start + person.handle.length + 2;
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(position, position);
    });
  };

  const send = async () => {
    if (busy || tooLong || text.trim() === "") return;
    if (await onSubmit(text)) {
      setText("");
      setMention(null);
    }
  };

  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((current) => (current + step + matches.length) % matches.length);
        return;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        event.preventDefault();
        pick(matches[active] ?? matches[0]!);
        return;
      }
    }
    if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
      } else if (onCancel) {
        event.preventDefault();
        onCancel();
      }
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const shownError = tooLong ? te("messageTooLong") : error;

  return (
    <form
      className="space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${id}-text`} className="text-ink block text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={area}
          id={`${id}-text`}
          rows={3}
          value={text}
          autoFocus={autoFocus}
          onChange={(event) => {
            setText(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKey}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].id}` : undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${errorId} ${hintId}` : hintId}
          className={cn(inputClass, "min-h-20 resize-y")}
          data-testid="thread-input"
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("suggestions")}
            className="border-line absolute inset-x-0 top-full z-20 mt-1 max-h-60 overflow-auto rounded-md border bg-white py-1 text-sm shadow-lg sm:right-auto sm:min-w-64"
          >
            {matches.length === 0 ? (
              <li className="text-muted px-3 py-2" role="presentation">
                {t("noMatch", { query: mention.query })}
              </li>
            ) : (
              matches.map((person, index) => (
                <li
                  key={person.id}
                  id={`${listId}-${person.id}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(person);
                  }}
                  className={cn(
                    "flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5",
                    index === active ? "bg-accent text-white" : "hover:bg-slate-100",
                  )}
                >
                  <span className="font-medium">{person.name}</span>
                  <span className={cn("text-xs", index === active ? "text-white/80" : "text-muted")}>
                    @{person.handle}
                  </span>
                </li>
              ))
            )}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={hintId} className="text-muted text-xs">
          {t("hint")}{" "}
          <span className={cn("tabular-nums", tooLong && "text-disputed font-medium")}>
            {t("counter", { count: text.length, max: MESSAGE_MAX })}
          </span>
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              {t("cancel")}
            </Button>
          ) : null}
          <Button size="sm" type="submit" disabled={busy || tooLong || text.trim() === ""}>
            {busy ? t("posting") : submitLabel}
          </Button>
        </div>
      </div>
      {shownError ? (
        <p id={errorId} role="alert" className="text-disputed text-sm font-medium">
          {shownError}
        </p>
      ) : null}
    </form>
  );
}
