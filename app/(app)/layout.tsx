import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { headerCounts } from "@/lib/data/header-counts";

export default async function AppLayout({ children }: { children: ReactNode }) {
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
    >
      {children}
    </AppShell>
  );
}
