import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/data/notifications";
import { countQueue } from "@/lib/data/queue";
import { countMyWork } from "@/lib/data/threads";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // proxy.ts already sent cookie-less visitors to sign-in with their deep link; this catches expired sessions.
  if (!user) redirect("/sign-in");
  const [queueCount, myWork, inboxCount] = await Promise.all([
    countQueue(),
    countMyWork({ userId: user.id }),
    countUnread(user.id),
  ]);
  return (
    <AppShell user={user} queueCount={queueCount} myWork={myWork} inboxCount={inboxCount}>
      {children}
    </AppShell>
  );
}
