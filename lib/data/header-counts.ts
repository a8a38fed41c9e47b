import "server-only";
// The counts in every page's header: the queue, what waits on me ("My work") and my unread
// notifications. The layout renders them; /api/live/counts answers them again when a live event
// may have changed them (components/live/live-counts.tsx), without re-rendering the page.
import { countUnread } from "./notifications";
import { countQueue } from "./queue";
import { countMyWork } from "./threads";

export type HeaderCounts = { queue: number; inbox: number; returned: number; assigned: number };

export async function headerCounts(userId: number): Promise<HeaderCounts> {
  const [queue, myWork, inbox] = await Promise.all([
    countQueue(),
    countMyWork({ userId }),
    countUnread(userId),
  ]);
  return { queue, inbox, returned: myWork.returned, assigned: myWork.assigned };
}
