"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import {
  changeAccountRoleAction,
  createAccountAction,
  resetAccountPasswordAction,
  setAccountActiveAction,
} from "@/app/(app)/admin/users/actions";
import type { AdminAuditAction } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/review/model";
import type { CreateAccountInput } from "@/lib/validation/account";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { useErrorText } from "./ui/error-text";
import { Field, Input, Select } from "./ui/field";
import { lazyResolver } from "./ui/lazy-resolver";
import { NoticeLine, type Notice } from "./ui/notice-line";
import { bidiSafe } from "@/lib/text/bidi";
import { callAction, isRetryable } from "./ui/action";
// zod stays out of the accounts page's first load; it arrives when the form is first checked.
const resolver = lazyResolver<CreateAccountInput, unknown, CreateAccountInput>(async () => {
  const [{ zodResolver }, { createAccountSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/account"),
  ]);
  return zodResolver(createAccountSchema);
});

export type AccountRow = { id: number; name: string; email: string; role: Role; active: boolean };
export type AuditRow = {
  id: number;
  action: AdminAuditAction;
  actor: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
};

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Revealed = { email: string; password: string };

/** The message for a refused action: describeError's, as everywhere. */
function useFailureMessage() {
  const describe = useErrorText();
  return (failure: Failure): string => describe.failure(failure);
}

function PasswordReveal({ revealed, onDone }: { revealed: Revealed; onDone: () => void }) {
  const t = useTranslations("accountAdmin");
  const [copied, setCopied] = useState(false);
  return (
    <section
      aria-labelledby="revealed-password-title"
      className="border-accent/30 rounded-lg border bg-blue-50/60 px-5 py-4"
      data-testid="revealed-password"
    >
      <h2 id="revealed-password-title" className="text-sm font-semibold">
        {t("passwordTitle", { email: revealed.email })}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code className="border-line rounded-md border bg-white px-3 py-1.5 font-mono text-base tracking-wide select-all">
          {revealed.password}
        </code>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(revealed.password).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t("dismiss")}
        </Button>
      </div>
      <p className="text-muted mt-2 text-xs">{t("passwordOnce")}</p>
    </section>
  );
}

function CreateAccountForm({ onCreated }: { onCreated: (name: string, revealed: Revealed) => void }) {
  const t = useTranslations();
  const failureMessage = useFailureMessage();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<CreateAccountInput>({
    resolver,
    defaultValues: { email: "", name: "", role: "editor" },
  });

  const fieldMessage = useErrorText().field;

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      const result = await callAction(() => createAccountAction(values));
      if (result.ok) {
        reset();
        onCreated(result.data.account.name, {
          email: result.data.account.email,
          password: result.data.password,
        });
        return;
      }
      const fields = result.fieldErrors ?? {};
      for (const key of ["email", "name", "role"] as const) {
        const first = fields[key]?.[0];
        if (first) setError(key, { message: first });
      }
      if (!Object.keys(fields).some((key) => ["email", "name", "role"].includes(key))) {
        setFailure(failureMessage(result));
      }
    });
  });

  return (
    <section aria-labelledby="create-account-title" className="border-line rounded-lg border bg-white p-5">
      <h2 id="create-account-title" className="text-base font-semibold">
        {t("accountAdmin.createTitle")}
      </h2>
      <p className="text-muted mt-1 text-sm">{t("accountAdmin.createIntro")}</p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="mt-4 grid items-start gap-4 md:grid-cols-[1.3fr_1fr_12rem_auto]"
      >
        <Field id="new-email" label={t("accountAdmin.email")} error={fieldMessage(errors.email?.message)}>
          <Input
            id="new-email"
            type="email"
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "new-email-error" : undefined}
            {...register("email")}
          />
        </Field>
        <Field id="new-name" label={t("accountAdmin.name")} error={fieldMessage(errors.name?.message)}>
          <Input
            id="new-name"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "new-name-error" : undefined}
            {...register("name")}
          />
        </Field>
        <Field id="new-role" label={t("accountAdmin.role")} error={fieldMessage(errors.role?.message)}>
          <Select id="new-role" {...register("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="md:pt-6">
          <Button type="submit" disabled={pending} className="w-full md:w-auto">
            {pending ? t("accountAdmin.creating") : t("accountAdmin.create")}
          </Button>
        </div>
      </form>
      {failure ? (
        <p
          role="alert"
          className="border-disputed/30 bg-disputed-bg text-disputed mt-4 rounded-md border px-3 py-2 text-sm"
        >
          {failure}
        </p>
      ) : null}
    </section>
  );
}

function AccountRowView({
  account,
  isSelf,
  onNotice,
  onRevealed,
}: {
  account: AccountRow;
  isSelf: boolean;
  onNotice: (notice: Notice) => void;
  onRevealed: (revealed: Revealed) => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const failureMessage = useFailureMessage();
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState<Role>(account.role);
  const [confirming, setConfirming] = useState<"deactivate" | "reset" | null>(null);

  const run = <T,>(call: () => Promise<ActionResult<T>>, done: (data: T) => string): void => {
    startTransition(async () => {
      const result = await callAction(call);
      setConfirming(null);
      if (result.ok) {
        onNotice({ kind: "done", text: done(result.data) });
        router.refresh();
      } else {
        onNotice({
          kind: "error",
          text: failureMessage(result),
          retry: isRetryable(result) ? () => run(call, done) : undefined,
        });
        setRole(account.role);
      }
    });
  };

  const selectId = `role-${account.id}`;
  return (
    <tr className={cn(!account.active && "bg-slate-50/70")} data-testid={`account-${account.email}`}>
      <td className="px-4 py-3 align-top">
        <div className={cn("font-medium", !account.active && "text-muted")}>
          {bidiSafe(account.name)}
          {isSelf ? (
            <span className="text-muted ml-1.5 text-xs font-normal">({t("accountAdmin.you")})</span>
          ) : null}
        </div>
        <div className="text-muted text-xs">{account.email}</div>
      </td>
      <td className="px-4 py-3 align-top">
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            {t("accountAdmin.roleOf", { name: account.name })}
          </label>
          <Select
            id={selectId}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            disabled={pending}
            className="w-44 py-1.5"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
          {role !== account.role ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(
                  () => changeAccountRoleAction({ id: account.id, role }),
                  (updated) =>
                    t("accountAdmin.roleChanged", { name: updated.name, role: t(`roles.${updated.role}`) }),
                )
              }
            >
              {t("accountAdmin.saveRole")}
            </Button>
          ) : null}
        </div>
      </td>
      <td className="px-4 py-3 align-top">
        <span
          className={cn(
            "inline-flex rounded-full px-2 py-0.5 text-xs font-medium",
            account.active ? "bg-confirmed-bg text-confirmed" : "bg-slate-200 text-slate-700",
          )}
        >
          {account.active ? t("accountAdmin.active") : t("accountAdmin.deactivated")}
        </span>
      </td>
      <td className="px-4 py-3 align-top">
        {isSelf ? (
          <p className="text-muted text-xs">{t("accountAdmin.selfHint")}</p>
        ) : confirming ? (
          <div className="space-y-2" role="group" aria-label={t("accountAdmin.confirm")}>
            <p className="text-sm">
              {confirming === "deactivate"
                ? t("accountAdmin.confirmDeactivate", { name: account.name })
                : t("accountAdmin.confirmReset", { name: account.name })}
            </p>
            <div className="flex gap-2">
              <Button
                size="sm"
                variant="danger"
                disabled={pending}
                autoFocus
                onClick={() =>
                  confirming === "deactivate"
                    ? run(
                        () => setAccountActiveAction({ id: account.id, active: false }),
                        (updated) => t("accountAdmin.deactivatedDone", { name: updated.name }),
                      )
                    : run(
                        () => resetAccountPasswordAction({ id: account.id }),
                        (data) => {
                          onRevealed({ email: data.account.email, password: data.password });
                          return t("accountAdmin.passwordReset", { name: data.account.name });
                        },
                      )
                }
              >
                {t("accountAdmin.confirm")}
              </Button>
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(null)}>
                {t("accountAdmin.cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            {account.active ? (
              <>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending}
                  onClick={() => setConfirming("reset")}
                >
                  {t("accountAdmin.resetPassword")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending}
                  onClick={() => setConfirming("deactivate")}
                >
                  {t("accountAdmin.deactivate")}
                </Button>
              </>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                disabled={pending}
                onClick={() =>
                  run(
                    () => setAccountActiveAction({ id: account.id, active: true }),
                    (updated) => t("accountAdmin.reactivatedDone", { name: updated.name }),
                  )
                }
              >
                {t("accountAdmin.reactivate")}
              </Button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function AuditList({ entries }: { entries: AuditRow[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const roleLabel = (value: unknown) =>
    typeof value === "string" && (ROLES as readonly string[]).includes(value)
      ? t(`roles.${value as Role}`)
      : "?";
  return (
    <section aria-labelledby="audit-title" className="space-y-3">
      <h2 id="audit-title" className="text-base font-semibold">
        {t("accountAdmin.auditTitle")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-muted text-sm">{t("accountAdmin.auditEmpty")}</p>
      ) : (
        <ol
          className="border-line divide-line divide-y rounded-lg border bg-white text-sm"
          data-testid="admin-audit"
        >
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5"
            >
              <span>
                <span className="font-medium">{entry.actor}</span>{" "}
                {t(`accountAdmin.auditActions.${entry.action.replace("account.", "")}`)}{" "}
                {entry.action === "account.password_changed" ? null : (
                  <span className="font-medium">{entry.target}</span>
                )}
                {entry.action === "account.role_changed" ? (
                  <span className="text-muted">
                    {" "}
                    (
                    {t("accountAdmin.roleChange", {
                      before: roleLabel(entry.before?.role),
                      after: roleLabel(entry.after?.role),
                    })}
                    )
                  </span>
                ) : null}
              </span>
              <time dateTime={entry.at.toISOString()} className="text-muted text-xs tabular-nums">
                {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AccountAdmin({
  accounts,
  audit,
  currentUserId,
}: {
  accounts: AccountRow[];
  audit: AuditRow[];
  currentUserId: number;
}) {
  const t = useTranslations("accountAdmin");
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  return (
    <div className="space-y-8">
      <CreateAccountForm
        onCreated={(name, secret) => {
          setNotice({ kind: "done", text: t("created", { name }) });
          setRevealed(secret);
          router.refresh();
        }}
      />
      <div aria-live="polite" className="space-y-3">
        <NoticeLine notice={notice} />
        {revealed ? <PasswordReveal revealed={revealed} onDone={() => setRevealed(null)} /> : null}
      </div>
      <section aria-labelledby="accounts-title" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="accounts-title" className="text-base font-semibold">
            {t("listTitle")}
          </h2>
          <p className="text-muted text-sm">{t("count", { count: accounts.length })}</p>
        </div>
        <div className="border-line overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-line text-muted border-b bg-slate-50 text-xs tracking-wide uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("colPerson")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("colRole")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("colStatus")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("colActions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-line divide-y">
              {accounts.map((account) => (
                <AccountRowView
                  key={`${account.id}-${account.role}-${account.active}`}
                  account={account}
                  isSelf={account.id === currentUserId}
                  onNotice={setNotice}
                  onRevealed={setRevealed}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AuditList entries={audit} />
    </div>
  );
}
