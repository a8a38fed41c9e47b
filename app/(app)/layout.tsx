import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/data/notifications";
import { countQueue } from "@/lib/data/queue";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // proxy.ts already sent cookie-less visitors to sign-in with their deep link; this catches expired sessions.
  if (!user) redirect("/sign-in");
  const [queueCount, inboxCount] = await Promise.all([countQueue(), countUnread(user.id)]);
  return (
    <AppShell user={user} queueCount={queueCount} inboxCount={inboxCount}>
      {children}
    </AppShell>
  );
}
