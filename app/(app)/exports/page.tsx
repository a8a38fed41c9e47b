import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulkExportForm } from "@/components/bulk-export-form";
import { requireUser } from "@/lib/auth/session";
import { dayOf } from "@/lib/dates/zoned";
import { getEnv } from "@/lib/env";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bulkExport");
  return { title: t("title") };
}

/** Today in the newsroom's time zone, "YYYY-MM-DD". */
function today(timeZone: string): string {
  return dayOf(new Date(), timeZone);
}

export default async function ExportsPage() {
  await requireUser();
  const t = await getTranslations("bulkExport");
  const tp = await getTranslations("publish");
  const to = today(getEnv().TIME_ZONE);
  // The month so far: what a newsroom usually hands over.
  const from = `${to.slice(0, 8)}01`;
  return (
    <ClientMessages namespaces={["bulkExport", "errorReasons", "errors", "exportOptions"]}>
      <div className="max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted mt-2 text-sm leading-relaxed">{t("intro")}</p>
          <p className="mt-2 text-sm">
            <Link href="/corrections" className="text-accent underline underline-offset-2 hover:no-underline">
              {tp("allCorrections")}
            </Link>
          </p>
        </div>
        <BulkExportForm defaultFrom={from} defaultTo={to} />
      </div>
    </ClientMessages>
  );
}
