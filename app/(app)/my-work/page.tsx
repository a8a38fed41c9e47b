import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { LiveRefresh } from "@/components/live/live-refresh";
import { MyWorkSections } from "@/components/my-work";
import { requireUser } from "@/lib/auth/session";
import { getMyWork, listThreadDigests } from "@/lib/data/threads";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myWork");
  return { title: t("title") };
}

export default async function MyWorkPage() {
  const user = await requireUser();
  const work = await getMyWork({ userId: user.id });
  const digests = await listThreadDigests({
    claimIds: [...work.returned, ...work.assigned].map((c) => c.id),
  });
  const t = await getTranslations("myWork");
  return (
    <ClientMessages
      namespaces={[
        "claimWork",
        "common",
        "errorReasons",
        "errors",
        "myWork",
        "stages",
        "threads",
        "verdicts",
      ]}
    >
      <LiveRefresh scope="myWork" />
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted mt-1 max-w-3xl text-sm">{t("intro")}</p>
        </div>
        {/* The "Right of reply" branch adds its overdue requests for comment here (extra={…}). */}
        <MyWorkSections work={work} digests={digests} meId={user.id} />
      </div>
    </ClientMessages>
  );
}
