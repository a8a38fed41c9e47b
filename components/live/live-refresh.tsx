"use client";

import { useLiveRefresh, type LiveMessage } from "./use-live";

/** Events that move a claim in or out of the queue, or change what it shows. */
const QUEUE_KINDS = new Set([
  "claim.created",
  "claim.edited",
  "claim.rated",
  "claim.submitted",
  "claim.approved",
  "claim.returned",
  "claim.deleted",
]);

const SCOPES = {
  /** The header's counts (the queue, my work, the inbox): every signed-in page. */
  header: (m: LiveMessage) => QUEUE_KINDS.has(m.kind) || m.kind.startsWith("notification."),
  /** The queue: also who is reviewing what. */
  queue: (m: LiveMessage) => m.kind.startsWith("claim."),
} as const;

/**
 * Keeps a server-rendered page up to date with the live channel, without reloading it: the
 * header counts (scope "header"), the queue ("queue"), or one article's page (articleId). Renders
 * nothing.
 */
export function LiveRefresh({ scope, articleId }: { scope?: keyof typeof SCOPES; articleId?: number }) {
  useLiveRefresh((m) => {
    if (articleId !== undefined) return m.articleId === articleId && m.kind.startsWith("claim.");
    return scope ? SCOPES[scope](m) : false;
  });
  return null;
}
