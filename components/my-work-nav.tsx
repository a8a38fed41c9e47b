import { getTranslations } from "@/lib/i18n/server";
import { MyWorkCount } from "./live/live-counts";
import { NavLink } from "./nav-link";

/**
 * "My work" in the header, with what waits on me: claims returned to me, and given to me to review
 * (the count follows the live channel: components/live/live-counts.tsx).
 */
export async function MyWorkNav() {
  const t = await getTranslations("myWork");
  return (
    <NavLink href="/my-work">
      {t("nav")}
      <MyWorkCount />
    </NavLink>
  );
}
