"use client";

import { useLiveRefresh, type LiveMessage } from "./use-live";

const SCOPES = {
  /** The queue: also who is reviewing what. */
  queue: (m: LiveMessage) => m.kind.startsWith("claim."),
  /** The inbox: my notifications (the live channel sends each account only its own). */
  inbox: (m: LiveMessage) => m.kind.startsWith("notification."),
  /** My work: claims returned to me or given to me, and what is said in their threads. */
  myWork: (m: LiveMessage) => m.kind.startsWith("claim.") || m.kind.startsWith("notification."),
} as const;

/**
 * Keeps a server-rendered page up to date with the live channel, without reloading it: the queue
 * ("queue"), the inbox ("inbox"), my work ("myWork"), or one article's page (articleId). The
 * header's counts follow on their own (live-counts.tsx). Renders nothing.
 */
export function LiveRefresh({ scope, articleId }: { scope?: keyof typeof SCOPES; articleId?: number }) {
  useLiveRefresh((m) => {
    if (articleId !== undefined) return m.articleId === articleId && m.kind.startsWith("claim.");
    return scope ? SCOPES[scope](m) : false;
  });
  return null;
}
