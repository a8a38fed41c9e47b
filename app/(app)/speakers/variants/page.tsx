import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { VariantAdmin } from "@/components/variant-admin";
import { requireUser } from "@/lib/auth/session";
import { NAME_VARIANTS } from "@/lib/claims/variants";
import { listAddedVariants } from "@/lib/data/variants";
import { hasPermission } from "@/lib/review";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("variants");
  return { title: t("title") };
}

export default async function VariantsPage() {
  const user = await requireUser();
  const [added, t] = await Promise.all([listAddedVariants(), getTranslations("variants")]);
  const canManage = hasPermission(user.role, "variant.manage");
  return (
    <ClientMessages namespaces={["common", "errorReasons", "errors", "variants"]}>
      <div className="space-y-8">
        <div>
          <p className="text-sm">
            <Link href="/speakers" className="text-accent hover:underline">
              {t("back")}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted mt-1 max-w-2xl text-sm">{t("intro")}</p>
        </div>
        <VariantAdmin
          canManage={canManage}
          variants={added.map((v) => ({ id: v.id, name: v.name, preferred: v.preferred }))}
        />
        <section aria-labelledby="built-in-title" className="space-y-3">
          <h2 id="built-in-title" className="text-lg font-semibold">
            {t("builtInTitle")}
          </h2>
          <p className="text-muted max-w-2xl text-sm">{t("builtInText", { count: NAME_VARIANTS.length })}</p>
          <ul
            className="border-line divide-line divide-y rounded-lg border bg-white text-sm"
            data-testid="built-in-variants"
          >
            {NAME_VARIANTS.map((group) => (
              <li key={group[0]} className="flex flex-wrap gap-x-2 px-4 py-2">
                <span className="font-medium">{group[0]}</span>
                <span className="text-muted">{[...new Set(group.slice(1))].join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </ClientMessages>
  );
}
