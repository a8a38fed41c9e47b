import { getTranslations } from "@/lib/i18n/server";
import { NavLink } from "./nav-link";

/** "My work" in the header, with what waits on me: claims returned to me, and given to me to review. */
export async function MyWorkNav({ counts }: { counts: { returned: number; assigned: number } }) {
  const t = await getTranslations("myWork");
  const total = counts.returned + counts.assigned;
  return (
    <NavLink href="/my-work">
      {t("nav")}
      <span
        className={
          total > 0
            ? "ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950 tabular-nums"
            : "text-ink ml-1.5 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums"
        }
        aria-label={t("navCount", counts)}
        data-testid="my-work-count"
        data-returned={counts.returned}
      >
        {total}
      </span>
    </NavLink>
  );
}
