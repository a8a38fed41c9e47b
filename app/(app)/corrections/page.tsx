import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CorrectionList } from "@/components/publish/published-versions";
import { requireUser } from "@/lib/auth/session";
import { listCorrections } from "@/lib/data/corrections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publish");
  return { title: t("deskTitle") };
}

/** The desk's corrections log (issue 16): every correction of a published summary, newest first. */
export default async function CorrectionsPage() {
  await requireUser();
  const t = await getTranslations("publish");
  const corrections = await listCorrections({ limit: 500 });
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("deskTitle")}</h1>
        <p className="text-muted mt-2 text-sm leading-relaxed">{t("deskIntro")}</p>
      </div>
      {corrections.length === 0 ? (
        <p className="text-muted text-sm">{t("deskEmpty")}</p>
      ) : (
        <CorrectionList corrections={corrections} showArticle />
      )}
    </div>
  );
}
