import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TokenCreateForm } from "@/components/token-create-form";
import { TokenTable } from "@/components/token-table";
import { requireUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/data/tokens";
import { hasPermission } from "@/lib/review";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  const user = await requireUser();
  const t = await getTranslations("apiTokens");
  const own = await listTokens({ actor: user });
  const others = hasPermission(user.role, "token.manage_others")
    ? await listTokens({ actor: user, scope: "others" })
    : null;
  const now = new Date();

  return (
    <ClientMessages namespaces={["apiTokens", "common", "errorReasons", "errors"]}>
      <div className="max-w-5xl space-y-10">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted mt-2 max-w-2xl text-sm">{t("intro")}</p>
          <p className="mt-2 text-sm">
            <Link
              href="/settings/api"
              className="text-accent underline underline-offset-2 hover:no-underline"
            >
              {t("referenceLink")}
            </Link>
          </p>
        </div>

        <section
          aria-labelledby="create-token"
          className="border-line space-y-4 rounded-lg border bg-white p-5"
        >
          <h2 id="create-token" className="text-lg font-medium">
            {t("createTitle")}
          </h2>
          <TokenCreateForm />
        </section>

        <section aria-labelledby="your-tokens" className="space-y-3">
          <h2 id="your-tokens" className="text-lg font-medium">
            {t("yourTokens")}
          </h2>
          {own.length === 0 ? (
            <p className="border-line text-muted rounded-lg border border-dashed bg-white px-4 py-6 text-center text-sm">
              {t("empty")}
            </p>
          ) : (
            <TokenTable tokens={own} showOwner={false} caption={t("yourTokens")} now={now} />
          )}
        </section>

        {others ? (
          <section aria-labelledby="others-tokens" className="space-y-3">
            <div>
              <h2 id="others-tokens" className="text-lg font-medium">
                {t("othersTitle")}
              </h2>
              <p className="text-muted mt-1 text-sm">{t("othersIntro")}</p>
            </div>
            {others.length === 0 ? (
              <p className="border-line text-muted rounded-lg border border-dashed bg-white px-4 py-6 text-center text-sm">
                {t("othersEmpty")}
              </p>
            ) : (
              <TokenTable tokens={others} showOwner caption={t("othersTitle")} now={now} />
            )}
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}
