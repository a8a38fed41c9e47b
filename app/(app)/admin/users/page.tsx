import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AccountAdmin } from "@/components/account-admin";
import { configuredAppUrl, DEFAULT_APP_URL, requestOrigin } from "@/lib/app-url";
import { requireUser } from "@/lib/auth/session";
import { listAccounts, listAdminAudit } from "@/lib/data/accounts";
import { hasPermission } from "@/lib/review";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountAdmin");
  return { title: t("title") };
}

export default async function AdminUsersPage() {
  const user = await requireUser();
  const t = await getTranslations("accountAdmin");
  if (!hasPermission(user.role, "account.manage")) {
    return (
      <div className="border-line mx-auto max-w-lg rounded-lg border bg-white px-6 py-12 text-center">
        <h1 className="text-lg font-semibold">{t("forbiddenTitle")}</h1>
        <p className="text-muted mt-2 text-sm">{t("forbiddenText")}</p>
      </div>
    );
  }
  const [accounts, audit] = await Promise.all([
    listAccounts({ actor: user }),
    listAdminAudit({ actor: user, limit: 30 }),
  ]);
  const o = await getTranslations("exportOptions");
  // Without APP_URL, exports link to the address each request was made to (lib/app-url.ts): say so.
  const configured = configuredAppUrl();
  const exportOrigin = configured?.url ?? requestOrigin(await headers()) ?? DEFAULT_APP_URL;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted mt-1 max-w-2xl text-sm">{t("intro")}</p>
      </div>
      {configured?.source === "APP_URL" ? null : (
        <p
          data-testid="app-url-notice"
          className="border-uncommented/40 bg-uncommented-bg text-ink max-w-3xl rounded-md border px-4 py-3 text-sm"
        >
          {configured
            ? o("appUrlFrom", { origin: exportOrigin, setting: configured.source })
            : o("appUrlDefault", { origin: exportOrigin })}
        </p>
      )}
      <AccountAdmin
        currentUserId={user.id}
        accounts={accounts.map((a) => ({
          id: a.id,
          name: a.name,
          email: a.email,
          role: a.role,
          active: a.active,
        }))}
        audit={audit.map((entry) => ({
          id: entry.id,
          action: entry.action,
          actor: entry.actor.name,
          target: entry.target.name,
          before: entry.before,
          after: entry.after,
          at: entry.at,
        }))}
      />
    </div>
  );
}
