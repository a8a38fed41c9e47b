import "server-only";
// An e-mail of notifications, in the recipient's language, with absolute links into the desk.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import type { NotificationKind } from "@/db/schema";

export type MailItem = {
  kind: NotificationKind;
  actorName: string | null;
  articleId: number | null;
  articleTitle: string | null;
  claimId: number | null;
  note: string | null;
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The desk page a notification points at. */
export function itemPath(item: Pick<MailItem, "articleId" | "claimId">): string {
  if (item.articleId && item.claimId) return `/articles/${item.articleId}/claims/${item.claimId}`;
  if (item.articleId) return `/articles/${item.articleId}`;
  return "/inbox";
}

export function renderMail(input: {
  locale: Locale;
  name: string;
  items: MailItem[];
  baseUrl: string;
  digest: boolean;
}): { subject: string; text: string; html: string } {
  const t = createTranslator({
    locale: input.locale,
    messages: loadMessages(input.locale),
    namespace: "notifications",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const base = input.baseUrl.replace(/\/+$/, "");
  const lines = input.items.map((item) => ({
    line: t(`line.${item.kind}`, {
      actor: item.actorName ?? t("someone"),
      article: item.articleTitle ?? t("anArticle"),
    }),
    url: `${base}${itemPath(item)}`,
    note: item.note,
  }));
  const subject = input.digest
    ? t("email.subjectDigest", { count: lines.length })
    : lines.length === 1
      ? t("email.subjectOne", { line: lines[0]!.line })
      : t("email.subjectMany", { count: lines.length });
  const inbox = `${base}/inbox`;
  const settings = `${base}/settings/account#notifications`;
  const text = [
    t("email.greeting", { name: input.name }),
    "",
    t("email.intro"),
    "",
    ...lines.flatMap((l) => [
      `- ${l.line}`,
      ...(l.note ? [`  ${t("email.note", { note: l.note })}`] : []),
      `  ${l.url}`,
      "",
    ]),
    t("email.openInbox", { url: inbox }),
    "",
    "--",
    t("email.footer", { url: settings }),
  ].join("\n");
  const html = `<!doctype html><html lang="${input.locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(t("email.greeting", { name: input.name }))}</p>
<p>${escapeHtml(t("email.intro"))}</p>
<ul>${lines
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.line)}</a>${l.note ? `<br><small>${escapeHtml(t("email.note", { note: l.note }))}</small>` : ""}</li>`,
    )
    .join("")}</ul>
<p><a href="${escapeHtml(inbox)}">${escapeHtml(t("email.openInbox", { url: inbox }))}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(t("email.footer", { url: settings }))}</p>
</body></html>`;
  return { subject, text, html };
}
