import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SpeakersTable } from "@/components/speakers-table";
import { requireUser } from "@/lib/auth/session";
import { listSpeakerStats, suggestSpeakerMerges } from "@/lib/data/speakers";
import { hasPermission } from "@/lib/review";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("speakers");
  return { title: t("title") };
}

export default async function SpeakersPage() {
  const user = await requireUser();
  const [speakers, groups, t] = await Promise.all([
    listSpeakerStats(),
    suggestSpeakerMerges(),
    getTranslations(),
  ]);
  const canMerge = hasPermission(user.role, "speaker.merge");
  return (
    <ClientMessages namespaces={["common", "errorReasons", "errors", "speakers", "verdicts"]}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("speakers.title")}</h1>
          <p className="text-muted mt-1 text-sm">
            {t("speakers.intro", { count: speakers.length })}{" "}
            <Link href="/speakers/variants" className="text-accent underline underline-offset-2">
              {t("variants.link")}
            </Link>
          </p>
        </div>
        {speakers.length === 0 ? (
          <div className="border-line rounded-lg border border-dashed bg-white px-6 py-14 text-center">
            <h2 className="text-lg font-medium">{t("speakers.emptyTitle")}</h2>
            <p className="text-muted mx-auto mt-2 max-w-md text-sm">{t("speakers.emptyText")}</p>
          </div>
        ) : (
          <SpeakersTable
            speakers={speakers}
            suggestions={groups.map((g) => g.map((s) => s.name))}
            canMerge={canMerge}
          />
        )}
      </div>
    </ClientMessages>
  );
}
