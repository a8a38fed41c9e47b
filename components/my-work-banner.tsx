import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { countMyWork } from "@/lib/data/threads";

/** On the article list (the home page): "2 claims were returned to you: see My work." */
export async function MyWorkBanner() {
  const user = await getCurrentUser();
  if (!user) return null;
  const { returned } = await countMyWork({ userId: user.id });
  if (returned === 0) return null;
  const t = await getTranslations("myWork");
  return (
    <p
      className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm"
      data-testid="returned-banner"
    >
      <Link href="/my-work" className="font-medium text-amber-950 underline-offset-2 hover:underline">
        {t("banner", { count: returned })}
      </Link>
    </p>
  );
}
