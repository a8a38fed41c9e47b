import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { headerCounts } from "@/lib/data/header-counts";
import { liveStartId } from "@/lib/data/live";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Read first, before the page's data: where this page's live channel starts (lib/data/live.ts).
  const liveFrom = liveStartId();
  const user = await getCurrentUser();
  // proxy.ts already sent cookie-less visitors to sign-in with their deep link; this catches expired sessions.
  if (!user) redirect("/sign-in");
  // The same counts /api/live/counts answers when a live event may have changed them.
  const counts = await headerCounts(user.id);
  return (
    <AppShell
      user={user}
      queueCount={counts.queue}
      myWork={{ returned: counts.returned, assigned: counts.assigned }}
      inboxCount={counts.inbox}
      liveFrom={await liveFrom}
    >
      {children}
    </AppShell>
  );
}
