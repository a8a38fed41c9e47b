import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { RetryButton, WebhookControls, WebhookCreateForm } from "@/components/webhook-admin";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/session";
import { listOutboxProblems } from "@/lib/data/outbox";
import { listDeliveries, listWebhooks } from "@/lib/data/webhooks";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deliveries");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  await requireUser("account.manage");
  const t = await getTranslations("deliveries");
  const format = await getFormatter();
  const env = getEnv();
  const [hooks, problems] = await Promise.all([listWebhooks(), listOutboxProblems()]);
  const logs = await Promise.all(hooks.map((hook) => listDeliveries(hook.id, 20)));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium" });
  // Message keys cannot hold dots: "article.verified" is "eventNames.article_verified".
  const eventName = (name: string | null) => {
    const key = `eventNames.${(name ?? "").replace(".", "_")}`;
    return name && t.has(key) ? t(key as "eventNames.test") : (name ?? "");
  };
  return (
    <ClientMessages namespaces={["deliveries", "common", "errorReasons", "errors"]}>
      <div className="max-w-5xl space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted mt-2 max-w-3xl text-sm">{t("intro")}</p>
          <p className="mt-2 text-sm" data-testid="smtp-state">
            {env.SMTP_URL ? t("smtpOn", { from: env.SMTP_FROM }) : t("smtpOff")}
          </p>
        </div>

        <section
          aria-labelledby="add-webhook"
          className="border-line space-y-4 rounded-lg border bg-white p-5"
        >
          <h2 id="add-webhook" className="text-lg font-medium">
            {t("add")}
          </h2>
          <WebhookCreateForm />
        </section>

        <section aria-labelledby="webhooks-title" className="space-y-4">
          <h2 id="webhooks-title" className="text-lg font-medium">
            {t("hooksTitle")}
          </h2>
          {hooks.length === 0 ? <p className="text-muted text-sm">{t("noHooks")}</p> : null}
          {hooks.map((hook, index) => (
            <article
              key={hook.id}
              className="border-line space-y-3 rounded-lg border bg-white p-5"
              data-testid="webhook"
              aria-labelledby={`webhook-${hook.id}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 id={`webhook-${hook.id}`} className="font-mono text-sm break-all">
                    {hook.url}
                  </h3>
                  <p className="text-muted mt-1 text-xs">
                    {hook.active ? t("active") : t("paused")} · {t("secret")}: {hook.secretHint} ·{" "}
                    {hook.events.map((e) => eventName(e)).join(", ")}
                  </p>
                </div>
                <WebhookControls id={hook.id} active={hook.active} />
              </div>
              <h4 className="text-sm font-medium">{t("log")}</h4>
              {logs[index]!.length === 0 ? (
                <p className="text-muted text-sm">{t("noLog")}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm" data-testid="delivery-log">
                    <thead className="text-muted text-xs">
                      <tr>
                        <th className="py-1 pr-3 font-medium">{t("when")}</th>
                        <th className="py-1 pr-3 font-medium">{t("event")}</th>
                        <th className="py-1 pr-3 font-medium">{t("attempt")}</th>
                        <th className="py-1 pr-3 font-medium">{t("result")}</th>
                        <th className="py-1 pr-3 font-medium">{t("code")}</th>
                        <th className="py-1 pr-3 font-medium">{t("duration")}</th>
                      </tr>
                    </thead>
                    <tbody className="divide-line divide-y">
                      {logs[index]!.map((entry) => (
                        <tr key={entry.id}>
                          <td className="py-1 pr-3 whitespace-nowrap">{when(entry.createdAt)}</td>
                          <td className="py-1 pr-3">{eventName(entry.event)}</td>
                          <td className="py-1 pr-3 tabular-nums">{entry.attempt}</td>
                          <td className={cn("py-1 pr-3", entry.ok ? "text-confirmed" : "text-disputed")}>
                            {entry.ok ? t("ok") : t("failed")}
                            {entry.error ? (
                              <span className="text-muted block text-xs break-all">{entry.error}</span>
                            ) : null}
                          </td>
                          <td className="py-1 pr-3 tabular-nums">{entry.responseCode ?? "—"}</td>
                          <td className="py-1 pr-3 tabular-nums">{entry.durationMs} ms</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </article>
          ))}
        </section>

        <section aria-labelledby="problems-title" className="space-y-3">
          <h2 id="problems-title" className="text-lg font-medium">
            {t("problemsTitle")}
          </h2>
          {problems.length === 0 ? (
            <p className="text-muted text-sm">{t("noProblems")}</p>
          ) : (
            <ul
              className="border-line divide-line divide-y rounded-lg border bg-white"
              data-testid="outbox-problems"
            >
              {problems.map((p) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 p-4 text-sm">
                  <div className="min-w-0">
                    <p>
                      <span className="font-medium">{t(`kinds.${p.kind}`)}</span> ·{" "}
                      {t(`statuses.${p.status}`)} · {t("attempt")} {p.attempts}
                    </p>
                    <p className="text-muted break-all">
                      {t("to")}: {p.to ?? "—"} {p.event ? `· ${eventName(p.event)}` : ""}
                    </p>
                    <p className="text-disputed break-all">
                      {t("error")}: {p.lastError}
                    </p>
                    {p.status === "pending" ? (
                      <p className="text-muted text-xs">
                        {t("nextTry")}: {when(p.runAfter)}
                      </p>
                    ) : null}
                  </div>
                  <RetryButton id={p.id} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
